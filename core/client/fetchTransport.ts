/** A transport on global fetch (Node 18+). No timers of ours: AbortSignal.timeout bounds each request. */
import type { OcpiTransport } from './types';

export const fetchTransport: OcpiTransport = async (request) => {
	const response = await fetch(request.url, {
		method: request.method,
		headers: request.headers,
		body: request.body,
		signal: AbortSignal.timeout(request.timeoutMs),
	});
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => {
		headers[name] = value;
	});
	return { status: response.status, headers, body: await response.text() };
};
