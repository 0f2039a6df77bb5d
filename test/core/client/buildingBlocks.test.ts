import { authorizationHeader, encodeTokenBase64 } from '../../../core/client/authHeader';
import { createCircuitBreaker } from '../../../core/client/circuitBreaker';
import { answerText, urlForMessage } from '../../../core/client/errorText';
import { createRateLimiter } from '../../../core/client/rateLimiter';
import { parseOcpiBody, singleObject } from '../../../core/client/ocpiResponse';
import { receiverUrl } from '../../../core/client/receiverUrl';
import { backoffDelayMs, isRetryableOcpiStatus, retryAfterMs } from '../../../core/client/retryPolicy';
import { readEndpoints, readVersionDetails, readVersions } from '../../../core/client/versionDiscovery';

describe('client building blocks', () => {
	it('encodes the token as RFC 4648 base64 of its UTF-8 bytes, without a trailing newline', () => {
		expect(encodeTokenBase64('example-token')).toBe('ZXhhbXBsZS10b2tlbg==');
		expect(Buffer.from(encodeTokenBase64('tökén'), 'base64').toString('utf8')).toBe('tökén');
		expect(authorizationHeader('abc', 'plain')).toBe('Token abc');
		expect(authorizationHeader('abc', 'base64')).toBe('Token YWJj');
	});

	it('opens the circuit breaker only after N connection failures in a row: an answer in between resets the count', () => {
		const breaker = createCircuitBreaker(3);
		const where = { method: 'GET', path: '/x' };
		for (let i = 0; i < 5; i++) {
			breaker.noAnswer('refused');
			breaker.noAnswer('refused');
			breaker.answered();
			expect(() => breaker.check('GET http://h/x', where)).not.toThrow();
		}
		for (let i = 0; i < 3; i++) breaker.noAnswer(`reset ${i}`);
		expect(() => breaker.check('GET http://h/x', where)).toThrow('GET http://h/x: CPMS unreachable: 3 connection failures in a row (last: reset 2); not tried, the next run tries again');
		expect(() => createCircuitBreaker(0).check('GET http://h/x', where)).not.toThrow();
	});

	it('names URLs without their query, and a non-OCPI answer as a short redacted line', () => {
		expect(urlForMessage('https://cpms.example.com:8443/ocpi/versions?token=abc#x')).toBe('https://cpms.example.com:8443/ocpi/versions');
		const redact = (text: string) => text.split('s3cret').join('***');
		expect(answerText('{"detail":[{"msg":"field required s3cret"}]}', redact)).toBe('[{"msg":"field required ***"}]');
		expect(answerText('<html><script>x()</script><body><h1>Forbidden</h1>\n\n<p>by proxy</p></body></html>', redact)).toBe('Forbidden by proxy');
		expect(answerText('x'.repeat(400), redact)).toBe(`${'x'.repeat(300)}…`);
		expect(answerText('   ', redact)).toBeUndefined();
	});

	it('backs off exponentially with full jitter, capped', () => {
		const retry = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 1000 };
		expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelayMs(n, retry, () => 0.999999))).toEqual([99, 199, 399, 799, 999, 999]);
		expect(backoffDelayMs(3, retry, () => 0)).toBe(0);
	});

	it('reads Retry-After as seconds or HTTP-date', () => {
		const now = Date.parse('2026-11-20T10:00:00Z');
		expect(retryAfterMs('7', now)).toBe(7000);
		expect(retryAfterMs('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
		expect(retryAfterMs('Fri, 20 Nov 2026 09:00:00 GMT', now)).toBe(0);
		expect(retryAfterMs('soon', now)).toBeUndefined();
		expect(retryAfterMs(undefined, now)).toBeUndefined();
	});

	it('retries OCPI 3xxx and hub timeouts, never 2xxx', () => {
		expect([2000, 2001, 2003, 3000, 3001, 4001, 4002].map(isRetryableOcpiStatus)).toEqual([false, false, false, true, true, false, true]);
	});

	it('parses answers leniently but insists on status_code', () => {
		expect(parseOcpiBody('{"status_code":1000}')).toEqual({ kind: 'envelope', envelope: { status_code: 1000 } });
		expect(parseOcpiBody({ data: [1], status_code: '1000', status_message: 'ok' })).toMatchObject({ envelope: { data: [1], status_code: 1000 } });
		expect(parseOcpiBody(Buffer.from('{"status_code":2001}'))).toMatchObject({ envelope: { status_code: 2001 } });
		expect(parseOcpiBody('<html>')).toEqual({ kind: 'invalid', reason: 'the body is not JSON' });
		expect(parseOcpiBody('')).toEqual({ kind: 'invalid', reason: 'empty body' });
		expect(parseOcpiBody({ data: {} })).toEqual({ kind: 'invalid', reason: 'the OCPI response has no status_code' });
		expect(singleObject([{ id: 'a' }])).toEqual({ id: 'a' });
		expect(readVersions({ versions: [{ version: '2.2.1', url: 'u' }] })).toEqual([{ version: '2.2.1', url: 'u' }]);
		expect(readEndpoints([{ endpoints: [{ identifier: 'locations', url: 'l' }, { identifier: 3 }] }])).toEqual([{ identifier: 'locations', url: 'l' }]);
		// a details object bare or wrapped in an array, alike; a versions list is no details object
		const details = { version: '2.2.1', endpoints: [{ identifier: 'locations', role: 'RECEIVER', url: 'l' }] };
		expect(readVersionDetails([details])).toEqual(readVersionDetails(details));
		expect(readVersionDetails(details)).toEqual(details);
		expect(readVersionDetails([{ version: '2.2.1', url: 'u' }])).toBeUndefined();
		expect(readEndpoints(details)).toEqual(details.endpoints);
	});

	it('percent-encodes URL segments and tolerates a trailing slash on the endpoint', () => {
		expect(receiverUrl('http://h/loc/', 'connector', { country_code: 'DE', party_id: 'A B', location_id: 'L/1', evse_uid: 'E#1', connector_id: '1?' })).toBe(
			'http://h/loc/DE/A%20B/L%2F1/E%231/1%3F',
		);
		expect(() => receiverUrl('http://h/loc', 'evse', { country_code: 'DE', party_id: 'ABC', location_id: 'L' })).toThrow(/evse_uid/);
	});

	it('keeps at most N starts in any sliding second', async () => {
		// time moves only when the limiter sleeps, so the start read here is the one the limiter saw
		let now = 0;
		const slept: number[] = [];
		const sleep = async (ms: number) => {
			slept.push(ms);
			now += ms;
		};
		const limiter = createRateLimiter(2, sleep, () => now);
		const starts: number[] = [];
		for (let i = 0; i < 6; i++) {
			await limiter.acquire();
			starts.push(now);
		}
		expect(starts).toEqual([0, 0, 1000, 1000, 2000, 2000]);
		expect(slept).toEqual([1000, 1000]);
	});
});
