/** The fetch transport for tests, recording every request (headers and parsed body) it sends. */
import { fetchTransport } from '../../../core/client/fetchTransport';
import type { OcpiTransport, TransportRequest, TransportResponse } from '../../../core/client/types';

export interface RecordedRequest extends TransportRequest {
	json?: any;
}

export interface RecordingTransport {
	transport: OcpiTransport;
	requests: RecordedRequest[];
}

/** `rewrite` may change an answer (to fake a CPMS quirk) before the client sees it. */
export function recordingTransport(rewrite?: (request: TransportRequest, response: TransportResponse) => TransportResponse): RecordingTransport {
	const requests: RecordedRequest[] = [];
	return {
		requests,
		transport: async (request) => {
			requests.push({ ...request, json: request.body === undefined ? undefined : JSON.parse(request.body) });
			const response = await fetchTransport(request);
			return rewrite ? rewrite(request, response) : response;
		},
	};
}

/** A sleep that returns at once but moves a clock: waits are measured, not spent. */
/**
 * A clock that moves only when the code under test sleeps: real time spent on the requests never
 * shortens a recorded wait, so waits can be asserted exactly on a loaded machine.
 */
export function virtualClock(start = Date.now()) {
	let offset = 0;
	const slept: number[] = [];
	return {
		slept,
		sleep: async (ms: number) => {
			slept.push(ms);
			offset += ms;
		},
		now: () => start + offset,
		start,
		total: () => slept.reduce((sum, ms) => sum + ms, 0),
	};
}
