/** The reference CPMS with `quirks`: each spec-legal receiver behaviour, seen over real HTTP. */
import { validLocation } from '../../fixtures/ocpiLocations';
import { call, discover, TOKEN_A, withReferenceCpms } from './helpers';

describe('reference CPMS with quirks: behaves like real receivers within the spec', () => {
	const s = withReferenceCpms({ quirks: true });
	let base: string;
	beforeAll(async () => {
		base = await discover(s().cpms, '2.2.1', 'locations');
		const put = await call('PUT', `${base}/DE/ACM/LOC-Q`, { body: validLocation('LOC-Q') });
		expect(put.json.status_code).toBe(1000);
	});

	it('advertises its endpoints on another base than the versions URL it gives out, and serves both', async () => {
		expect(s().cpms.versionsUrl).toBe(`${s().cpms.url}/ocpi/versions`);
		expect(base).toBe(`${s().cpms.url}/cpms/ocpi/2.2.1/receiver/locations`);
		const versions = await call('GET', s().cpms.versionsUrl);
		expect(versions.json.data).toContainEqual({ version: '2.2.1', url: `${s().cpms.url}/cpms/ocpi/2.2.1` });
		expect((await call('GET', `${s().cpms.url}/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-Q`)).json.status_code).toBe(1000);
	});

	it('stores CiString ids lower-cased, wraps the object in a list, fills unset fields with [] / null and echoes DateTimes without Z', async () => {
		const { json } = await call('GET', `${base}/DE/ACM/LOC-Q`);
		expect(json.status_code).toBe(1000);
		expect(Array.isArray(json.data)).toBe(true);
		const [location] = json.data;
		expect([location.id, location.country_code, location.party_id]).toEqual(['loc-q', 'de', 'acm']);
		expect([location.evses[0].uid, location.evses[0].evse_id]).toEqual(['loc-q-evse-1', 'de*acm*e0001*1']);
		expect(location).toMatchObject({ facilities: [], images: [], state: null, energy_mix: null, charging_when_closed: true });
		expect(location.evses[0]).toMatchObject({ capabilities: [], floor_level: null });
		expect(location.evses[0].connectors[0]).toMatchObject({ tariff_ids: [], terms_and_conditions: null, max_electric_power: 22000 });
		expect(location.last_updated).toBe('2026-11-01T08:00:00.000');
		// the stored object itself stays valid OCPI: the quirks are in what is answered
		expect(s().cpms.store.location('2.2.1', 'DE*ACM', 'LOC-Q')).not.toHaveProperty('facilities');
	});

	it('echoes the object it stored on PUT and PATCH (not wrapped in a list there)', async () => {
		const patch = await call('PATCH', `${base}/DE/ACM/LOC-Q/LOC-Q-EVSE-1`, { body: { status: 'CHARGING', last_updated: '2026-11-02T08:00:00Z' } });
		expect(patch.json.status_code).toBe(1000);
		expect(patch.json.data).toEqual(expect.objectContaining({ uid: 'loc-q-evse-1', status: 'CHARGING', last_updated: '2026-11-02T08:00:00.000' }));
	});

	it('answers an unknown EVSE or Connector with HTTP 200 + 3000, an unknown Location with HTTP 200 + 2003, without data', async () => {
		for (const path of ['/DE/ACM/LOC-Q/NOPE', '/DE/ACM/LOC-Q/LOC-Q-EVSE-1/9']) {
			const r = await call('GET', `${base}${path}`);
			expect([r.status, r.json.status_code, r.json.data]).toEqual([200, 3000, undefined]);
		}
		const r = await call('GET', `${base}/DE/ACM/NOPE`);
		expect([r.status, r.json.status_code, r.json.data]).toEqual([200, 2003, null]);
	});

	it('redirects /credentials to /credentials/ (307: method and body kept)', async () => {
		const url = await discover(s().cpms, '2.2.1', 'credentials');
		const response = await fetch(url, { method: 'GET', headers: { Authorization: `Token ${Buffer.from(TOKEN_A).toString('base64')}` }, redirect: 'manual' });
		expect(response.status).toBe(307);
		expect(response.headers.get('location')).toBe(`${new URL(url).pathname}/`);
		const followed = await call('GET', url, { token: TOKEN_A });
		expect(followed.json.status_code).toBe(1000);
	});
});
