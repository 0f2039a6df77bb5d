import { call, discover, removeDir, startCpms, TOKEN, TOKEN_A, withReferenceCpms } from './helpers';

describe('reference CPMS: versions, details and token authentication', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64' });

	it('lists 2.2.1 and 2.1.1 at the versions URL in an OCPI envelope with a UTC timestamp', async () => {
		const r = await call('GET', s().cpms.versionsUrl);
		expect(r.status).toBe(200);
		expect(r.json.status_code).toBe(1000);
		expect(r.json.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
		expect(r.json.data).toEqual([
			{ version: '2.2.1', url: `${s().cpms.url}/ocpi/2.2.1` },
			{ version: '2.1.1', url: `${s().cpms.url}/ocpi/2.1.1` },
		]);
	});

	it('gives 2.2.1 details with roles (credentials, locations RECEIVER) and 2.1.1 details without', async () => {
		const v221 = await call('GET', `${s().cpms.url}/ocpi/2.2.1`);
		expect(v221.json.data.version).toBe('2.2.1');
		const identifiers = v221.json.data.endpoints.map((e: any) => `${e.identifier}:${e.role}`);
		expect(identifiers).toContain('locations:RECEIVER');
		expect(identifiers.some((i: string) => i.startsWith('credentials:'))).toBe(true);
		const v211 = await call('GET', `${s().cpms.url}/ocpi/2.1.1`, { encoding: 'plain' });
		expect(v211.json.data.version).toBe('2.1.1');
		for (const endpoint of v211.json.data.endpoints) expect(endpoint.role).toBeUndefined();
		expect(await discover(s().cpms, '2.1.1', 'locations')).toBe(`${s().cpms.url}/ocpi/2.1.1/receiver/locations`);
	});

	it('echoes X-Request-ID and X-Correlation-ID, and makes them up when missing', async () => {
		const r = await call('GET', s().cpms.versionsUrl, { headers: { 'X-Request-ID': 'req-1', 'X-Correlation-ID': 'corr-1' } });
		expect(r.headers.get('x-request-id')).toBe('req-1');
		expect(r.headers.get('x-correlation-id')).toBe('corr-1');
		const bare = await call('GET', s().cpms.versionsUrl);
		expect(bare.headers.get('x-request-id')).toBeTruthy();
	});

	it('answers 401 with an OCPI envelope for a missing or unknown token', async () => {
		for (const token of [null, 'nope']) {
			const r = await call('GET', `${s().cpms.url}/ocpi/2.2.1`, { token });
			expect(r.status).toBe(401);
			expect(r.json.status_code).toBe(2000);
			expect(r.json.timestamp).toBeTruthy();
		}
		const malformed = await fetch(`${s().cpms.url}/ocpi/2.2.1`, { headers: { Authorization: `Bearer ${TOKEN}` } });
		expect(malformed.status).toBe(401);
	});

	it('wants base64 in 2.2.1 when so configured, plain in 2.1.1, either on the versions list', async () => {
		expect((await call('GET', `${s().cpms.url}/ocpi/2.2.1`, { encoding: 'base64' })).status).toBe(200);
		expect((await call('GET', `${s().cpms.url}/ocpi/2.2.1`, { encoding: 'plain' })).status).toBe(401);
		expect((await call('GET', `${s().cpms.url}/ocpi/2.1.1`, { encoding: 'plain' })).status).toBe(200);
		expect((await call('GET', `${s().cpms.url}/ocpi/2.1.1`, { encoding: 'base64' })).status).toBe(401);
		expect((await call('GET', s().cpms.versionsUrl, { encoding: 'plain' })).status).toBe(200);
		expect((await call('GET', s().cpms.versionsUrl, { encoding: 'base64' })).status).toBe(200);
	});

	it('accepts both encodings in 2.2.1 with tokenEncoding "either", and only plain with "plain"', async () => {
		const either = await startCpms({ tokenEncoding: 'either' });
		const plain = await startCpms({ tokenEncoding: 'plain' });
		try {
			expect((await call('GET', `${either.cpms.url}/ocpi/2.2.1`, { encoding: 'plain' })).status).toBe(200);
			expect((await call('GET', `${either.cpms.url}/ocpi/2.2.1`, { encoding: 'base64' })).status).toBe(200);
			expect((await call('GET', `${plain.cpms.url}/ocpi/2.2.1`, { encoding: 'plain' })).status).toBe(200);
			expect((await call('GET', `${plain.cpms.url}/ocpi/2.2.1`, { encoding: 'base64' })).status).toBe(401);
		} finally {
			await either.stop();
			await plain.stop();
			removeDir(either.dir);
			removeDir(plain.dir);
		}
	});

	it('lets Token A read versions but not the Locations module (401)', async () => {
		expect((await call('GET', `${s().cpms.url}/ocpi/2.2.1`, { token: TOKEN_A })).status).toBe(200);
		const locations = await discover(s().cpms, '2.2.1', 'locations');
		const r = await call('GET', `${locations}/DE/ACM/LOC-1`, { token: TOKEN_A });
		expect(r.status).toBe(401);
	});

	it('answers unknown versions and paths with 404 in an envelope', async () => {
		const r = await call('GET', `${s().cpms.url}/ocpi/2.0`);
		expect(r.status).toBe(404);
		expect(r.json.status_code).toBe(3002);
		expect((await call('GET', `${s().cpms.url}/ocpi/2.2.1/nothing`)).status).toBe(404);
	});
});
