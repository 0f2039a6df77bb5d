import { validLocation } from '../../fixtures/ocpiLocations';
import { call, discover, validLocation211, withReferenceCpms } from './helpers';

describe('reference CPMS: Locations receiver', () => {
	const s = withReferenceCpms();
	let base: string;
	let base211: string;
	beforeAll(async () => {
		base = await discover(s().cpms, '2.2.1', 'locations');
		base211 = await discover(s().cpms, '2.1.1', 'locations');
	});

	async function putLocation(id: string) {
		const location = validLocation(id);
		const r = await call('PUT', `${base}/DE/ACM/${id}`, { body: location });
		expect(r.json.status_code).toBe(1000);
		return location;
	}

	it('stores a valid Location (1000) and GET returns it as stored', async () => {
		const location = validLocation('PUT-1');
		const put = await call('PUT', `${base}/DE/ACM/PUT-1`, { body: location });
		expect(put.status).toBe(200);
		expect(put.json.status_code).toBe(1000);
		const get = await call('GET', `${base}/DE/ACM/PUT-1`);
		expect(get.json).toMatchObject({ status_code: 1000, data: location });
		const evse = await call('GET', `${base}/de/acm/PUT-1/PUT-1-EVSE-1`);
		expect(evse.json.data.uid).toBe('PUT-1-EVSE-1');
		const connector = await call('GET', `${base}/DE/ACM/PUT-1/PUT-1-EVSE-1/1`);
		expect(connector.json.data.standard).toBe('IEC_62196_T2');
	});

	it('refuses an invalid Location with 2001 naming the paths, and stores nothing', async () => {
		const location = validLocation('BAD-1');
		location.coordinates.latitude = '52,52';
		location.evses[0].connectors[0].max_voltage = 'high';
		const r = await call('PUT', `${base}/DE/ACM/BAD-1`, { body: location });
		expect(r.status).toBe(400);
		expect(r.json.status_code).toBe(2001);
		expect(r.json.status_message).toContain('coordinates.latitude');
		expect(r.json.status_message).toContain('evses[0].connectors[0].max_voltage');
		expect((await call('GET', `${base}/DE/ACM/BAD-1`)).status).toBe(404);
	});

	it('refuses a body whose ids contradict the URL (2001)', async () => {
		const location = validLocation('ID-1');
		const wrongId = await call('PUT', `${base}/DE/ACM/ID-2`, { body: location });
		expect(wrongId.json.status_code).toBe(2001);
		expect(wrongId.json.status_message).toContain('id: "ID-1" in the body does not match "ID-2"');
		const wrongParty = await call('PUT', `${base}/DE/XYZ/ID-1`, { body: location });
		expect(wrongParty.json.status_code).toBe(2001);
		expect(wrongParty.json.status_message).toContain('party_id');
		await putLocation('ID-3');
		const evse = { ...location.evses[0], uid: 'OTHER' };
		const wrongUid = await call('PUT', `${base}/DE/ACM/ID-3/ID-3-EVSE-1`, { body: evse });
		expect(wrongUid.json.status_code).toBe(2001);
	});

	it('refuses malformed JSON with 2001', async () => {
		const r = await call('PUT', `${base}/DE/ACM/JSON-1`, { rawBody: '{"id": ' });
		expect(r.status).toBe(400);
		expect(r.json.status_code).toBe(2001);
	});

	it('answers an unknown Location, EVSE or Connector with 2003 and HTTP 404', async () => {
		const r = await call('GET', `${base}/DE/ACM/NOPE`);
		expect(r.status).toBe(404);
		expect(r.json.status_code).toBe(2003);
		await putLocation('KNOWN-1');
		expect((await call('GET', `${base}/DE/ACM/KNOWN-1/NOPE`)).json.status_code).toBe(2003);
		expect((await call('GET', `${base}/DE/ACM/KNOWN-1/KNOWN-1-EVSE-1/9`)).json.status_code).toBe(2003);
		const patch = await call('PATCH', `${base}/DE/ACM/NOPE`, { body: { name: 'x', last_updated: '2026-11-02T08:00:00Z' } });
		expect(patch.status).toBe(404);
		expect(patch.json.status_code).toBe(2003);
	});

	it('PUTs an EVSE into a known Location (parent last_updated bumped) and refuses one into an unknown Location', async () => {
		const location = await putLocation('EVSE-PUT');
		const evse = structuredClone(location.evses[0]);
		evse.uid = 'EVSE-PUT-2';
		evse.evse_id = 'DE*ACM*E0002*1';
		evse.last_updated = '2026-11-05T10:00:00Z';
		evse.connectors[0].last_updated = '2026-11-05T10:00:00Z';
		const r = await call('PUT', `${base}/DE/ACM/EVSE-PUT/EVSE-PUT-2`, { body: evse });
		expect(r.json.status_code).toBe(1000);
		const stored = (await call('GET', `${base}/DE/ACM/EVSE-PUT`)).json.data;
		expect(stored.evses.map((e: any) => e.uid)).toEqual(['EVSE-PUT-EVSE-1', 'EVSE-PUT-2']);
		expect(stored.last_updated).toBe('2026-11-05T10:00:00Z');
		const orphan = await call('PUT', `${base}/DE/ACM/NO-SUCH-LOC/EVSE-PUT-2`, { body: evse });
		expect(orphan.status).toBe(404);
		expect(orphan.json.status_code).toBe(2003);
	});

	it('PUTs a Connector into a known EVSE, bumping the EVSE and Location last_updated', async () => {
		const location = await putLocation('CONN-PUT');
		const connector = { ...location.evses[0].connectors[0], id: '2', format: 'CABLE', last_updated: '2026-11-06T07:00:00Z' };
		const r = await call('PUT', `${base}/DE/ACM/CONN-PUT/CONN-PUT-EVSE-1/2`, { body: connector });
		expect(r.json.status_code).toBe(1000);
		const stored = (await call('GET', `${base}/DE/ACM/CONN-PUT`)).json.data;
		expect(stored.evses[0].connectors.map((c: any) => c.id)).toEqual(['1', '2']);
		expect(stored.evses[0].last_updated).toBe('2026-11-06T07:00:00Z');
		expect(stored.last_updated).toBe('2026-11-06T07:00:00Z');
		const orphan = await call('PUT', `${base}/DE/ACM/CONN-PUT/NO-EVSE/2`, { body: connector });
		expect(orphan.json.status_code).toBe(2003);
	});

	it('refuses a PATCH without last_updated (2001)', async () => {
		await putLocation('PATCH-0');
		const r = await call('PATCH', `${base}/DE/ACM/PATCH-0/PATCH-0-EVSE-1`, { body: { status: 'CHARGING' } });
		expect(r.status).toBe(400);
		expect(r.json.status_code).toBe(2001);
		expect(r.json.status_message).toBe('last_updated is required in PATCH');
	});

	it('PATCHes a Connector: merges only the given fields and bumps the EVSE and Location last_updated', async () => {
		await putLocation('PATCH-1');
		const r = await call('PATCH', `${base}/DE/ACM/PATCH-1/PATCH-1-EVSE-1/1`, {
			body: { max_amperage: 16, last_updated: '2026-11-10T12:00:00Z' },
		});
		expect(r.json.status_code).toBe(1000);
		const stored = (await call('GET', `${base}/DE/ACM/PATCH-1`)).json.data;
		const connector = stored.evses[0].connectors[0];
		expect(connector).toMatchObject({ max_amperage: 16, max_voltage: 230, standard: 'IEC_62196_T2', last_updated: '2026-11-10T12:00:00Z' });
		expect(stored.evses[0].last_updated).toBe('2026-11-10T12:00:00Z');
		expect(stored.last_updated).toBe('2026-11-10T12:00:00Z');
	});

	it('refuses a PATCH that would make the object invalid (2001) and changes nothing', async () => {
		await putLocation('PATCH-2');
		const before = (await call('GET', `${base}/DE/ACM/PATCH-2`)).json.data;
		const r = await call('PATCH', `${base}/DE/ACM/PATCH-2/PATCH-2-EVSE-1/1`, {
			body: { power_type: 'AC_4_PHASE', last_updated: '2026-11-10T12:00:00Z' },
		});
		expect(r.json.status_code).toBe(2001);
		expect(r.json.status_message).toContain('power_type');
		const emptied = await call('PATCH', `${base}/DE/ACM/PATCH-2/PATCH-2-EVSE-1`, { body: { connectors: [], last_updated: '2026-11-10T12:00:00Z' } });
		expect(emptied.json.status_code).toBe(2001);
		expect(emptied.json.status_message).toContain('connectors');
		expect((await call('GET', `${base}/DE/ACM/PATCH-2`)).json.data).toEqual(before);
	});

	it('marks an EVSE REMOVED via PATCH (the way OCPI deletes) and keeps it', async () => {
		await putLocation('PATCH-3');
		const r = await call('PATCH', `${base}/DE/ACM/PATCH-3/PATCH-3-EVSE-1`, { body: { status: 'REMOVED', last_updated: '2026-11-11T09:00:00Z' } });
		expect(r.json.status_code).toBe(1000);
		const evse = (await call('GET', `${base}/DE/ACM/PATCH-3/PATCH-3-EVSE-1`)).json.data;
		expect(evse.status).toBe('REMOVED');
		expect(evse.connectors).toHaveLength(1);
		expect((await call('GET', `${base}/DE/ACM/PATCH-3`)).json.data.last_updated).toBe('2026-11-11T09:00:00Z');
	});

	it('refuses POST and DELETE on the receiver interface (405)', async () => {
		await putLocation('METHOD-1');
		const r = await call('DELETE', `${base}/DE/ACM/METHOD-1`);
		expect(r.status).toBe(405);
		expect((await call('GET', `${base}/DE/ACM/METHOD-1`)).json.status_code).toBe(1000);
	});

	it('stores OCPI 2.1.1 Locations validated by the 2.1.1 rules, with plain tokens', async () => {
		const location = validLocation211('LOC-211');
		const r = await call('PUT', `${base211}/BE/BEC/LOC-211`, { body: location, encoding: 'plain' });
		expect(r.json.status_code).toBe(1000);
		const v221Shaped = validLocation('LOC-211B');
		const refused = await call('PUT', `${base211}/BE/BEC/LOC-211B`, { body: v221Shaped, encoding: 'plain' });
		expect(refused.json.status_code).toBe(2001);
		const got = await call('GET', `${base211}/BE/BEC/LOC-211`, { encoding: 'plain' });
		expect(got.json.data).toEqual(location);
		// the same id under 2.2.1 is a different store
		expect((await call('GET', `${base}/BE/BEC/LOC-211`)).status).toBe(404);
	});
});
