/**
 * The equivalence rules, each with a receiver's copy that means the same as ours: before the rule it
 * planned a write (the endless PUTs and growing EVSE lists), with it the Location is unchanged.
 * Each rule also has its control: a real difference of the same field still plans a write.
 */
import { ocpiInstantMs as instantOf } from '../../../core/foundation/dateTime';
import { equivalent, idKey, planLocationSync, type PlanOptions } from '../../../core/sync';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';

// the desired Locations stand for complete reads of their sites, so a missing EVSE may be marked REMOVED
const OPTIONS: PlanOptions = { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: '2026-11-20T10:00:00Z', assumeCompleteWithoutMark: true };

/** What the receiver holds: our Location, changed by `edit` the way a receiver stores it. */
function held(edit: (location: LocationJson) => void): LocationJson {
	const location = structuredClone(validLocation());
	edit(location);
	return location;
}

function plan(desired: LocationJson, known: LocationJson, options: PlanOptions = OPTIONS) {
	return planLocationSync(desired, known, options);
}

describe('equivalence: CiString fields compare case-insensitively', () => {
	it('a receiver that stores ids lower-cased gets no write and no new EVSE', () => {
		const known = held((l) => {
			l.id = l.id.toLowerCase();
			l.country_code = 'de';
			l.party_id = 'acm';
			l.evses[0].uid = l.evses[0].uid.toLowerCase();
			l.evses[0].evse_id = l.evses[0].evse_id.toLowerCase();
			l.evses[0].connectors[0].tariff_ids = ['tariff-a'];
		});
		const desired = validLocation();
		desired.evses[0].connectors[0].tariff_ids = ['TARIFF-A'];
		const result = plan(desired, known);
		expect(result.requests).toEqual([]);
		expect(result.action).toBe('unchanged');
	});

	it('control: a vanished EVSE under another id is still REMOVED, a new one still PUT; a changed evse_id is still PATCHed', () => {
		const known = held((l) => (l.evses[0].uid = 'loc-1-evse-9'));
		const result = plan(validLocation(), known);
		expect(result.requests.map((r) => [r.method, r.level, r.ids.evse_uid])).toEqual([
			['PUT', 'evse', 'LOC-1-EVSE-1'],
			['PATCH', 'evse', 'loc-1-evse-9'],
		]);
		const renamed = plan(validLocation(), held((l) => (l.evses[0].evse_id = 'DE*ACM*E0001*2')));
		expect(renamed.requests.map((r) => [r.method, r.body.evse_id])).toEqual([['PATCH', 'DE*ACM*E0001*1']]);
	});

	it('connector ids match case-insensitively too (no PUT of the EVSE for a "lost" connector)', () => {
		const desired = validLocation();
		desired.evses[0].connectors[0].id = 'A';
		const known = held((l) => (l.evses[0].connectors[0].id = 'a'));
		expect(plan(desired, known).requests).toEqual([]);
	});

	it('OCPI 2.1.1 ids are case-sensitive strings: there a different case is another object', () => {
		expect(idKey('EVSE-1', '2.1.1')).not.toBe(idKey('evse-1', '2.1.1'));
		expect(idKey('EVSE-1', '2.2.1')).toBe(idKey('evse-1', '2.2.1'));
		expect(equivalent('DE*ACM*E1', 'de*acm*e1', 'evse_id', '2.1.1')).toBe(false);
	});
});

describe('equivalence: DateTimes compare as instants', () => {
	const period = (begin: string, end: string) => ({ twentyfourseven: true, exceptional_closings: [{ period_begin: begin, period_end: end }] });

	it('an echo in another valid form (space, offset, no Z, fraction) is no change', () => {
		const desired = validLocation();
		desired.opening_times = period('2026-12-24T18:00:00Z', '2026-12-26T06:00:00Z');
		const known = held((l) => (l.opening_times = period('2026-12-24 18:00:00+00:00', '2026-12-26T06:00:00.000')));
		expect(plan(desired, known).requests).toEqual([]);
		expect(instantOf('2024-10-16 07:07:46+00:00')).toBe(Date.parse('2024-10-16T07:07:46Z'));
		expect(instantOf('2024-10-16T09:07:46+0200')).toBe(Date.parse('2024-10-16T07:07:46Z'));
	});

	it('control: another instant is a change; RegularHours times (HH:MM) stay text', () => {
		const desired = validLocation();
		desired.opening_times = period('2026-12-24T18:00:00Z', '2026-12-26T06:00:00Z');
		const known = held((l) => (l.opening_times = period('2026-12-24T19:00:00Z', '2026-12-26T06:00:00Z')));
		expect(plan(desired, known).requests.map((r) => [r.method, Object.keys(r.body)])).toEqual([['PATCH', ['opening_times', 'last_updated']]]);
		expect(equivalent('08:00', '8:00', 'period_begin')).toBe(false);
	});
});

describe('equivalence: an absent optional field equals null and an empty list', () => {
	it('a receiver that answers [] and null for unset optional fields gets no write (not even a PUT "to remove" them)', () => {
		const desired = validLocation();
		delete desired.name;
		const known = held((l) => {
			l.name = null;
			l.facilities = [];
			l.directions = [];
			l.related_locations = [];
			l.energy_mix = null;
			l.evses[0].capabilities = [];
			l.evses[0].floor_level = null;
			l.evses[0].connectors[0].tariff_ids = [];
			l.evses[0].connectors[0].terms_and_conditions = null;
			l.opening_times = { twentyfourseven: true, regular_hours: [], exceptional_openings: [], exceptional_closings: [] };
		});
		delete known.name;
		known.name = null;
		expect(plan(desired, known).requests).toEqual([]);
	});

	it('control: a value the receiver holds and we no longer send is still removed (PUT), one we add still sent (PATCH)', () => {
		const desired = validLocation();
		delete desired.evses[0].connectors[0].max_electric_power;
		expect(plan(desired, held(() => undefined)).requests.map((r) => [r.method, r.level])).toEqual([['PUT', 'connector']]);
		const added = validLocation();
		added.facilities = ['CAFE'];
		expect(plan(added, held((l) => (l.facilities = []))).requests.map((r) => [r.method, r.body.facilities])).toEqual([['PATCH', ['CAFE']]]);
	});
});

describe("equivalence: the receiver's extra default fields are not changes", () => {
	it('charging_when_closed: true (the spec default) written by the receiver is no change', () => {
		const known = held((l) => (l.charging_when_closed = true));
		expect(plan(validLocation(), known).requests).toEqual([]);
	});

	it('control: charging_when_closed: false is a real value, and leaving it out is a removal', () => {
		const known = held((l) => (l.charging_when_closed = false));
		expect(plan(validLocation(), known).requests.map((r) => [r.method, r.level])).toEqual([['PUT', 'location']]);
	});
});

describe('equivalence: all rules together', () => {
	it('a Location whose only differences are of these kinds is unchanged and a resend keeps no null', () => {
		const known = held((l) => {
			l.id = 'loc-1';
			l.evses[0].uid = 'loc-1-evse-1';
			l.last_updated = '2026-11-01 08:00:00+00:00';
			l.images = [];
			l.charging_when_closed = true;
			l.evses[0].physical_reference = null;
		});
		expect(plan(validLocation(), known).action).toBe('unchanged');
		// with a removal the whole Location is resent: the receiver's nulls are not sent back
		const desired = validLocation();
		delete desired.operator;
		const [put] = plan(desired, known).requests;
		expect(put.method).toBe('PUT');
		expect(JSON.stringify(put.body)).not.toContain('null');
	});
});
