/** A client wired to a reference CPMS started in-process, with a recording transport and a virtual clock. */
import { createOcpiClient, type OcpiClientOptions } from '../../../core/client';
import type { Started } from '../../servers/reference-cpms/helpers';
import { recordingTransport, virtualClock } from './fetchTransport';

export { startCpms, removeDir, withReferenceCpms, TOKEN, TOKEN_A, validLocation211, type Started } from '../../servers/reference-cpms/helpers';

export const FROM = { country_code: 'DE', party_id: 'ACM' };
export const TO = { country_code: 'DE', party_id: 'RCP' };

export function clientFor(s: Started, token: string, overrides: Partial<OcpiClientOptions> = {}) {
	const recording = recordingTransport();
	const clock = virtualClock();
	const client = createOcpiClient({
		versionsUrl: s.cpms.versionsUrl,
		token,
		tokenEncoding: 'base64',
		from: FROM,
		to: TO,
		transport: recording.transport,
		sleep: clock.sleep,
		now: clock.now,
		retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 },
		timeoutMs: 5000,
		maxRequestsPerSecond: 1000,
		...overrides,
	});
	return { client, requests: recording.requests, clock };
}
