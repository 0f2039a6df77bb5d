import { planLocationSync, type PlanOptions } from '../../../core/sync';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import { clientFor, TOKEN, validLocation211, withReferenceCpms } from './helpers';

const OPTIONS: PlanOptions = { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: '2026-11-20T10:00:00Z' };
const IDS = { country_code: 'DE', party_id: 'ACM', location_id: 'LOC-1' };

function copy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value));
}

function exported(location: LocationJson, at: string): LocationJson {
	const out = copy(location);
	out.last_updated = at;
	for (const evse of out.evses) {
		evse.last_updated = at;
		for (const connector of evse.connectors) connector.last_updated = at;
	}
	return out;
}

describe('OCPI client: executing sync plans against the reference CPMS', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64' });

	it('creates, then plans nothing, then PATCHes one connector, marks a vanished EVSE REMOVED and PUTs a removed field', async () => {
		const { client, requests } = clientFor(s(), TOKEN);
		const first = validLocation();
		first.evses.push({ ...copy(first.evses[0]), uid: 'LOC-1-EVSE-2', evse_id: 'DE*ACM*E0001*2' });

		// 1. first sync: one PUT of the Location
		const create = planLocationSync(first, undefined, OPTIONS);
		const created = await client.executePlan(create);
		expect(created.ok).toBe(true);
		expect(created.results).toEqual([
			expect.objectContaining({ method: 'PUT', level: 'location', path: '/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-1', httpStatus: 200, statusCode: 1000, ok: true, attempts: 1 }),
		]);
		let known = await client.getLocation(IDS);
		expect(known?.evses).toHaveLength(2);

		// 2. the same data exported again: nothing to send
		expect(planLocationSync(exported(first, '2026-11-02T08:00:00Z'), known, OPTIONS).requests).toEqual([]);

		// 3. one connector changed: exactly one PATCH at connector level with only that field and last_updated
		const second = exported(first, '2026-11-03T08:00:00Z');
		second.evses[0].connectors[0].max_amperage = 16;
		const patchPlan = planLocationSync(second, known, OPTIONS);
		const sentBefore = requests.length;
		const patched = await client.executePlan(patchPlan);
		expect(patched.ok).toBe(true);
		const sent = requests.slice(sentBefore);
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ method: 'PATCH', url: `${s().cpms.url}/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-1/LOC-1-EVSE-1/1` });
		expect(sent[0].json).toEqual({ max_amperage: 16, last_updated: '2026-11-03T08:00:00Z' });
		expect(sent[0].headers['Content-Type']).toBe('application/json');
		known = await client.getLocation(IDS);
		expect((known?.evses as LocationJson[])[0].connectors[0].max_amperage).toBe(16);
		expect(known?.last_updated).toBe('2026-11-03T08:00:00Z'); // the receiver bumped the parents

		// 4. EVSE 2 vanished from the asset data: PATCH status REMOVED
		const third = exported(second, '2026-11-04T08:00:00Z');
		third.evses = third.evses.slice(0, 1);
		// a complete read of the site: only then is a missing EVSE evidence
		third._completeness = { complete: true, reasons: [], sources: 1, refused: [] };
		const removed = await client.executePlan(planLocationSync(third, known, OPTIONS));
		expect(removed.results.map((r) => [r.method, r.level, r.path, r.ok])).toEqual([['PATCH', 'evse', '/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-1/LOC-1-EVSE-2', true]]);
		expect(requests[requests.length - 1].json).toEqual({ status: 'REMOVED', last_updated: '2026-11-20T10:00:00Z' });
		known = await client.getLocation(IDS);
		expect((known?.evses as LocationJson[])[1].status).toBe('REMOVED');
		expect(planLocationSync(third, known, OPTIONS).requests).toEqual([]);

		// 5. an optional field removed: PUT of that object, and the CPMS no longer has it
		const fourth = exported(third, '2026-11-21T08:00:00Z');
		delete fourth.evses[0].connectors[0].max_electric_power;
		const put = await client.executePlan(planLocationSync(fourth, known, OPTIONS));
		expect(put.results.map((r) => [r.method, r.level, r.ok])).toEqual([['PUT', 'connector', true]]);
		const connector = await client.getConnector({ ...IDS, evse_uid: 'LOC-1-EVSE-1', connector_id: '1' });
		expect(connector).not.toHaveProperty('max_electric_power');
		expect(connector?.max_amperage).toBe(16);
	});

	it('recovers a PATCH of an object the CPMS does not know: GET, then PUT it whole', async () => {
		const { client } = clientFor(s(), TOKEN);
		const location = validLocation('LOC-R');
		await client.put('location', { ...IDS, location_id: 'LOC-R' }, location);
		// our sync state believes EVSE 9 exists; the CPMS never got it
		const known = copy(location);
		known.evses.push({ ...copy(location.evses[0]), uid: 'EVSE-9', evse_id: 'DE*ACM*E0009' });
		const desired = copy(known);
		desired.evses[1].status = 'CHARGING';
		const run = await client.executePlan(planLocationSync(desired, known, OPTIONS));
		expect(run.results.map((r) => [r.method, r.statusCode, r.ok])).toEqual([
			['PATCH', 2003, false],
			['GET', 2003, false],
			['PUT', 1000, true],
		]);
		expect(run.ok).toBe(true);
		expect((await client.getEvse({ ...IDS, location_id: 'LOC-R', evse_uid: 'EVSE-9' }))?.status).toBe('CHARGING');
	});

	it('stops a Location after a failure and reports the rest as skipped', async () => {
		const { client } = clientFor(s(), TOKEN);
		const location = validLocation('LOC-S');
		await client.put('location', { ...IDS, location_id: 'LOC-S' }, location);
		const desired = copy(location);
		desired.coordinates = { latitude: 'north', longitude: '13.413215' }; // the CPMS rejects it: 2001
		desired.evses[0].status = 'CHARGING';
		const run = await client.executePlan(planLocationSync(desired, location, OPTIONS));
		expect(run.ok).toBe(false);
		expect(run.results.map((r) => [r.method, r.level, r.statusCode, r.attempts, !!r.skipped])).toEqual([
			['PATCH', 'location', 2001, 1, false],
			['PATCH', 'evse', undefined, 0, true],
		]);
		expect(run.results[0].statusMessage).toMatch(/coordinates/);
	});

	it('syncs an OCPI 2.1.1 Location with the party from the options', async () => {
		const { client, requests } = clientFor(s(), TOKEN, { versionPreference: ['2.1.1'] });
		const location = validLocation211();
		const options: PlanOptions = { ...OPTIONS, version: '2.1.1', party: { country_code: 'BE', party_id: 'BEC' } };
		const run = await client.executePlan(planLocationSync(location, undefined, options));
		expect(run.ok).toBe(true);
		expect(requests[requests.length - 1].headers.Authorization).toBe(`Token ${TOKEN}`);
		expect(requests[requests.length - 1].headers['OCPI-from-party-id']).toBeUndefined();
		const known = await client.getLocation({ country_code: 'BE', party_id: 'BEC', location_id: 'LOC-211' });
		expect(planLocationSync(location, known, options).requests).toEqual([]);
	});
});
