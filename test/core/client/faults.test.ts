import { encodeTokenBase64, OcpiError } from '../../../core/client';
import { validLocation } from '../../fixtures/ocpiLocations';
import { virtualClock } from './fetchTransport';
import { clientFor, TOKEN, withReferenceCpms } from './helpers';

const IDS = { country_code: 'DE', party_id: 'ACM', location_id: 'LOC-F' };
const RETRY = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1000 };

describe('OCPI client: retries, errors and faults of the reference CPMS', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64' });
	afterEach(() => {
		s().cpms.setFaults(null);
	});

	function puts(path: string) {
		return s().cpms.requestLog.list().filter((e) => e.method === 'PUT' && e.path === path);
	}

	it('waits out a 429 for at least Retry-After, then succeeds', async () => {
		const { client, clock } = clientFor(s(), TOKEN, { retry: RETRY });
		await client.discover();
		s().cpms.setFaults({ tooManyRequestsNext: 2, retryAfterSeconds: 3 });
		const result = await client.put('location', IDS, validLocation('LOC-F'));
		expect(result).toMatchObject({ statusCode: 1000, attempts: 3 });
		expect(clock.slept.filter((ms) => ms >= 3000)).toHaveLength(2);
	});

	it('honours Retry-After given as an HTTP-date', async () => {
		// an HTTP-date has whole seconds: start the clock on one so the wait is exactly 5 s
		const clock = virtualClock(Math.floor(Date.now() / 1000) * 1000);
		const at = new Date(clock.start + 5000).toUTCString();
		let calls = 0;
		const { client: dated } = clientFor(s(), TOKEN, {
			retry: RETRY,
			sleep: clock.sleep,
			now: clock.now,
			transport: async () => {
				calls++;
				return calls === 1
					? { status: 429, headers: { 'retry-after': at }, body: '' }
					: { status: 200, headers: {}, body: JSON.stringify({ data: [{ version: '2.2.1', url: `${s().cpms.url}/ocpi/2.2.1` }], status_code: 1000 }) };
			},
		});
		await dated.discover().catch(() => undefined);
		expect(clock.slept[0]).toBe(5000);
	});

	it('retries a share of 5xx answers and gets every request through', async () => {
		const { client } = clientFor(s(), TOKEN, { retry: { maxAttempts: 8, baseDelayMs: 10, maxDelayMs: 100 } });
		await client.discover();
		s().cpms.setFaults({ error5xxRate: 0.4, seed: 3 });
		const results = [];
		for (let i = 0; i < 10; i++) results.push(await client.put('location', { ...IDS, location_id: `LOC-5XX-${i}` }, validLocation(`LOC-5XX-${i}`)));
		expect(results.every((r) => r.statusCode === 1000)).toBe(true);
		expect(results.some((r) => r.attempts > 1)).toBe(true);
		expect(s().cpms.requestLog.list().some((e) => e.status >= 500)).toBe(true);
	});

	it.each(['503', 'refuse'] as const)('reports a CPMS that is down (%s) after maxAttempts, with no success recorded', async (down) => {
		const { client, clock } = clientFor(s(), TOKEN, { retry: RETRY });
		await client.discover();
		s().cpms.setFaults({ down });
		const path = `/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-DOWN-${down}`;
		const run = await client.executePlan({
			locationId: `LOC-DOWN-${down}`,
			ids: { ...IDS, location_id: `LOC-DOWN-${down}` },
			version: '2.2.1',
			action: 'create',
			changes: [],
			withheld: [],
			stale: [],
			requests: [{ method: 'PUT', level: 'location', ids: { ...IDS, location_id: `LOC-DOWN-${down}` }, body: validLocation(`LOC-DOWN-${down}`), reason: 'new' }],
		});
		expect(run.ok).toBe(false);
		expect(run.results).toEqual([expect.objectContaining({ method: 'PUT', path, ok: false, attempts: 4 })]);
		if (down === '503') expect(run.results[0]).toMatchObject({ httpStatus: 503, statusCode: 3000 });
		else expect(run.results[0].error).toMatch(/no answer from the CPMS/);
		expect(clock.slept).toHaveLength(3);
		expect(clock.slept.every((ms) => ms >= 0 && ms <= RETRY.maxDelayMs)).toBe(true);
		expect(puts(path)).toHaveLength(4);
		expect(puts(path).some((e) => e.status >= 200 && e.status < 300)).toBe(false);
		s().cpms.setFaults(null);
		expect(await client.getLocation({ ...IDS, location_id: `LOC-DOWN-${down}` })).toBeUndefined();
	});

	it('retries an OCPI 3xxx server error carried by HTTP 200', async () => {
		const { client } = clientFor(s(), TOKEN, { retry: RETRY });
		await client.discover();
		s().cpms.setFaults({ ocpiErrorNext: 1, ocpiErrorCode: 3000 });
		expect(await client.put('location', { ...IDS, location_id: 'LOC-F3' }, validLocation('LOC-F3'))).toMatchObject({ statusCode: 1000, attempts: 2 });
	});

	it('on a GET, HTTP 200 with 3000 and no data means "not there" (as some receivers say it): not retried', async () => {
		const { client, requests } = clientFor(s(), TOKEN, { retry: RETRY });
		await client.discover();
		const before = requests.length;
		s().cpms.setFaults({ ocpiErrorNext: 1, ocpiErrorCode: 3000 });
		expect(await client.getLocation({ ...IDS, location_id: 'LOC-F' })).toBeUndefined();
		expect(requests.length - before).toBe(1);
	});

	it('does not retry 2001 and carries the status_message', async () => {
		const { client } = clientFor(s(), TOKEN, { retry: RETRY });
		const bad = validLocation('LOC-BAD');
		bad.coordinates.latitude = '52,5';
		const error = await client.put('location', { ...IDS, location_id: 'LOC-BAD' }, bad).catch((e) => e);
		expect(error).toBeInstanceOf(OcpiError);
		expect(error).toMatchObject({ httpStatus: 400, statusCode: 2001, retryable: false, attempts: 1 });
		expect(error.statusMessage).toMatch(/coordinates\.latitude/);
		expect(error.message).toContain(error.statusMessage);
		expect(puts('/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-BAD')).toHaveLength(1);
	});

	it('refuses to send a PATCH without last_updated', async () => {
		const { client } = clientFor(s(), TOKEN);
		await expect(client.patch('location', IDS, { name: 'x' })).rejects.toThrow(/last_updated/);
	});

	it('does not retry 401 and hints at the token encoding', async () => {
		const { client, requests } = clientFor(s(), TOKEN, { tokenEncoding: 'plain' });
		const error = await client.discover().catch((e) => e);
		expect(error).toMatchObject({ httpStatus: 401, retryable: false, attempts: 1 });
		expect(error.message).toMatch(/sent plain.*try token encoding "base64"/);
		expect(requests).toHaveLength(2); // versions (either form) then the 2.2.1 details
		const base64 = await clientFor(s(), 'wrong-token').client.discover().catch((e) => e);
		expect(base64.message).toMatch(/try token encoding "plain"/);
	});

	it('reports a non-JSON answer with its HTTP status', async () => {
		const { client } = clientFor(s(), TOKEN, {
			transport: async () => ({ status: 502, headers: {}, body: '<html>Bad gateway</html>' }),
			retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
		});
		await expect(client.discover()).rejects.toMatchObject({ httpStatus: 502, attempts: 2 });
		const { client: html } = clientFor(s(), TOKEN, { transport: async () => ({ status: 404, headers: {}, body: '<html>Not found</html>' }) });
		await expect(html.discover()).rejects.toThrow(/^GET http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions: HTTP 404, not an OCPI response \(the body is not JSON\): Not found$/);
	});

	it('never puts the token (plain or base64) into errors, even when the CPMS echoes it', async () => {
		const secret = 'very-secret-token-42';
		const encoded = encodeTokenBase64(secret);
		const errors: unknown[] = [];
		const collect = (promise: Promise<unknown>) => promise.then(() => errors.push(new Error('expected a failure')), (e) => errors.push(e));
		await collect(clientFor(s(), secret).client.discover());
		await collect(clientFor(s(), secret, { tokenEncoding: 'plain' }).client.discover());
		const echoing = clientFor(s(), secret, {
			transport: async (request) => ({ status: 400, headers: {}, body: JSON.stringify({ status_code: 2001, status_message: `bad header ${request.headers.Authorization}` }) }),
		});
		await collect(echoing.client.discover());
		const throwing = clientFor(s(), secret, {
			retry: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
			transport: async (request) => {
				throw new Error(`connect failed with ${request.headers.Authorization}`);
			},
		});
		await collect(throwing.client.discover());
		const tokenA = clientFor(s(), TOKEN).client.registerCredentials({
			tokenA: secret,
			ourCredentials: { token: 'our-b', url: 'http://127.0.0.1:1/versions', roles: [] },
		});
		await collect(tokenA);
		expect(errors).toHaveLength(5);
		for (const error of errors) {
			expect(error).toBeInstanceOf(OcpiError);
			const e = error as OcpiError;
			const text = `${e.message}\n${e.stack}\n${JSON.stringify(e)}\n${String(e)}\n${e.statusMessage ?? ''}`;
			expect(text).not.toContain(secret);
			expect(text).not.toContain(encoded);
		}
		expect((errors[2] as OcpiError).statusMessage).toBe('bad header Token ***');
	});
});
