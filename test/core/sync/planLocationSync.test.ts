import { fingerprintLocation, planLocationSync, type PlanOptions } from '../../../core/sync';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';

const NOW = '2026-11-20T10:00:00Z';
const OPTIONS: PlanOptions = { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: NOW };
const LOC = { country_code: 'DE', party_id: 'ACM', location_id: 'LOC-1' };
const EVSE = { ...LOC, evse_uid: 'LOC-1-EVSE-1' };
/** What the Mapper writes on a Location built from a complete read of its site. */
const COMPLETE = { complete: true, reasons: [], sources: 1, refused: [] };

function copy(location: LocationJson): LocationJson {
	return JSON.parse(JSON.stringify(location));
}

/** The desired state: same data as known, exported later. */
function later(known: LocationJson, at = '2026-11-10T09:00:00Z'): LocationJson {
	const desired = copy(known);
	desired.last_updated = at;
	desired.evses[0].last_updated = at;
	desired.evses[0].connectors[0].last_updated = at;
	return desired;
}

function secondEvse(uid: string): LocationJson {
	return {
		uid,
		status: 'AVAILABLE',
		connectors: [{ id: '1', standard: 'CHADEMO', format: 'CABLE', power_type: 'DC', max_voltage: 500, max_amperage: 125, last_updated: '2026-11-10T09:00:00Z' }],
		last_updated: '2026-11-10T09:00:00Z',
	};
}

describe('planLocationSync', () => {
	it('creates a new Location with one PUT of the whole Location, without metadata', () => {
		const desired: LocationJson = { ...validLocation(), _validation: { ok: true } };
		desired.evses[0]._source = 'row 3';
		const plan = planLocationSync(desired, undefined, OPTIONS);
		expect(plan.action).toBe('create');
		expect(plan.requests).toHaveLength(1);
		const [put] = plan.requests;
		expect(put).toMatchObject({ method: 'PUT', level: 'location', ids: LOC });
		const { _validation, ...expected } = desired;
		delete expected.evses[0]._source;
		expect(put.body).toEqual(expected);
		expect(JSON.stringify(put.body)).not.toContain('"_');
	});

	it('plans nothing when only last_updated and metadata differ', () => {
		const known = validLocation();
		const desired = { ...later(known), _profile: 'x' };
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan).toMatchObject({ action: 'unchanged', requests: [], changes: [] });
	});

	it('PATCHes a changed connector at connector level with only the changed fields and last_updated', () => {
		const known = validLocation();
		const desired = later(known);
		desired.evses[0].connectors[0].max_amperage = 16;
		desired.evses[0].connectors[0].tariff_ids = ['T1'];
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.action).toBe('update');
		expect(plan.requests).toEqual([
			expect.objectContaining({
				method: 'PATCH',
				level: 'connector',
				ids: { ...EVSE, connector_id: '1' },
				body: { max_amperage: 16, tariff_ids: ['T1'], last_updated: '2026-11-10T09:00:00Z' },
			}),
		]);
		expect(plan.changes).toEqual([
			{ path: 'evses[LOC-1-EVSE-1].connectors[1].max_amperage', from: 32, to: 16 },
			{ path: 'evses[LOC-1-EVSE-1].connectors[1].tariff_ids', from: undefined, to: ['T1'] },
		]);
		expect(plan.requests[0].fullObject).toMatchObject({ id: '1', standard: 'IEC_62196_T2', max_amperage: 16 });
	});

	it('PATCHes at each level that changed, sending changed objects whole', () => {
		const known = validLocation();
		const desired = later(known);
		desired.opening_times = { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '08:00', period_end: '18:00' }] };
		desired.evses[0].status = 'CHARGING';
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.requests.map((r) => [r.method, r.level, r.body])).toEqual([
			['PATCH', 'location', { opening_times: desired.opening_times, last_updated: '2026-11-10T09:00:00Z' }],
			['PATCH', 'evse', { status: 'CHARGING', last_updated: '2026-11-10T09:00:00Z' }],
		]);
	});

	it('uses `now` as last_updated when the desired one is not newer than the known one', () => {
		const known = validLocation();
		const desired = copy(known);
		desired.evses[0].connectors[0].max_amperage = 16;
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.requests[0].body).toEqual({ max_amperage: 16, last_updated: NOW });
		const noStamp = copy(desired);
		delete noStamp.evses[0].connectors[0].last_updated;
		expect(planLocationSync(noStamp, known, { ...OPTIONS, now: new Date(NOW) }).requests[0].body.last_updated).toBe('2026-11-20T10:00:00.000Z');
	});

	it('PUTs a new EVSE at EVSE level and a new Connector at connector level', () => {
		const known = validLocation();
		const desired = later(known);
		desired.evses.push(secondEvse('LOC-1-EVSE-2'));
		desired.evses[0].connectors.push({ ...desired.evses[0].connectors[0], id: '2' });
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.requests.map((r) => [r.method, r.level, r.ids])).toEqual([
			['PUT', 'connector', { ...EVSE, connector_id: '2' }],
			['PUT', 'evse', { ...LOC, evse_uid: 'LOC-1-EVSE-2' }],
		]);
		expect(plan.requests[1].body).toEqual(secondEvse('LOC-1-EVSE-2'));
	});

	it('PUTs an object whose optional field was removed (PATCH cannot remove)', () => {
		const known = validLocation();
		const desired = later(known);
		delete desired.evses[0].connectors[0].max_electric_power;
		let plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.requests).toHaveLength(1);
		expect(plan.requests[0]).toMatchObject({ method: 'PUT', level: 'connector', ids: { ...EVSE, connector_id: '1' } });
		expect(plan.requests[0].body).not.toHaveProperty('max_electric_power');
		expect(plan.requests[0].body).toMatchObject({ id: '1', max_amperage: 32, last_updated: '2026-11-10T09:00:00Z' });

		const noName = later(known);
		delete noName.name;
		plan = planLocationSync(noName, known, OPTIONS);
		expect(plan.requests.map((r) => [r.method, r.level])).toEqual([['PUT', 'location']]);
		expect(plan.requests[0].body).not.toHaveProperty('name');
		expect(plan.requests[0].body.evses).toHaveLength(1);
	});

	it('PUTs the EVSE when one of its connectors disappeared', () => {
		const known = validLocation();
		known.evses[0].connectors.push({ ...known.evses[0].connectors[0], id: '2' });
		const desired = later(validLocation());
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.requests.map((r) => [r.method, r.level])).toEqual([['PUT', 'evse']]);
		expect(plan.requests[0].body.connectors).toHaveLength(1);
	});

	it('marks a vanished EVSE REMOVED with a PATCH, once; ignores it with policy ignore', () => {
		const known = validLocation();
		known.evses.push(secondEvse('LOC-1-EVSE-2'));
		const desired = { ...later(validLocation()), _completeness: COMPLETE };
		const plan = planLocationSync(desired, known, OPTIONS);
		expect(plan.requests).toEqual([
			expect.objectContaining({ method: 'PATCH', level: 'evse', ids: { ...LOC, evse_uid: 'LOC-1-EVSE-2' }, body: { status: 'REMOVED', last_updated: NOW } }),
		]);
		expect(plan.changes).toEqual([{ path: 'evses[LOC-1-EVSE-2].status', from: 'AVAILABLE', to: 'REMOVED' }]);
		expect(planLocationSync(desired, known, { ...OPTIONS, removedEvsePolicy: 'ignore' }).requests).toEqual([]);
		known.evses[1].status = 'REMOVED';
		expect(planLocationSync(desired, known, OPTIONS).requests).toEqual([]);
	});

	it('keeps vanished EVSEs (as REMOVED) in a Location PUT so the PUT does not drop them', () => {
		const known = validLocation();
		known.evses.push(secondEvse('LOC-1-EVSE-2'));
		const desired: LocationJson = { ...later(validLocation()), _completeness: COMPLETE };
		delete desired.name;
		const put = planLocationSync(desired, known, OPTIONS).requests[0];
		expect(put.method).toBe('PUT');
		expect((put.body.evses as LocationJson[]).map((e) => [e.uid, e.status])).toEqual([
			['LOC-1-EVSE-1', 'AVAILABLE'],
			['LOC-1-EVSE-2', 'REMOVED'],
		]);
		const ignored = planLocationSync(desired, known, { ...OPTIONS, removedEvsePolicy: 'ignore' }).requests[0];
		expect((ignored.body.evses as LocationJson[])[1].status).toBe('AVAILABLE');
	});

	it('compares arrays and objects deeply, ignoring key order', () => {
		const known = validLocation();
		const desired = later(known);
		desired.coordinates = { longitude: '13.413215', latitude: '52.521918' };
		expect(planLocationSync(desired, known, OPTIONS).requests).toEqual([]);
		desired.coordinates = { longitude: '13.413215', latitude: '52.521919' };
		expect(planLocationSync(desired, known, OPTIONS).requests[0].body).toEqual({ coordinates: desired.coordinates, last_updated: '2026-11-10T09:00:00Z' });
	});

	it('takes the URL party from options for 2.1.1 Locations and refuses without one', () => {
		const location = validLocation();
		delete location.country_code;
		delete location.party_id;
		expect(() => planLocationSync(location, undefined, { ...OPTIONS, version: '2.1.1' })).toThrow(/country_code and party_id/);
		const plan = planLocationSync(location, undefined, { ...OPTIONS, version: '2.1.1', party: { country_code: 'NL', party_id: 'XYZ' } });
		expect(plan.ids).toEqual({ country_code: 'NL', party_id: 'XYZ', location_id: 'LOC-1' });
	});
});

describe('fingerprintLocation', () => {
	it('ignores last_updated, metadata and key order, and sees real changes', () => {
		const a = validLocation();
		const b: LocationJson = { _x: 1, ...later(a) };
		expect(fingerprintLocation(b)).toBe(fingerprintLocation(a));
		expect(fingerprintLocation(a)).toMatch(/^[0-9a-f]{64}$/);
		b.evses[0].connectors[0].max_amperage = 16;
		expect(fingerprintLocation(b)).not.toBe(fingerprintLocation(a));
	});
});
