/**
 * "Never overwrite newer with older", one test per clock case of issue 17: the same clock, clocks that differ
 * by seconds, a source without timestamps (the run time), a receiver that stamps its own entry time, and
 * the rule that a real change is never skipped.
 */
import { DEFAULT_STALENESS, planLocationSync, staleSkip, type PlanOptions, type StalenessPolicy } from '../../../core/sync';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';

const NOW = '2026-11-20T10:00:00Z';
const OPTIONS: PlanOptions = { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: NOW };

/** The Location with EVSE 1's status and every stamp at `at`, as the Mapper builds it from a record changed at `at`. */
function state(status: string, at: string): LocationJson {
	const location = validLocation();
	location.evses[0].status = status;
	location.evses[0].last_updated = at;
	location.evses[0].connectors[0].last_updated = at;
	location.last_updated = at;
	return location;
}

function plan(desired: LocationJson, known: LocationJson, staleness?: Partial<StalenessPolicy>) {
	return planLocationSync(desired, known, { ...OPTIONS, staleness: { ...DEFAULT_STALENESS, ...staleness } });
}

const seconds = (at: string, delta: number) => new Date(Date.parse(at) + delta * 1000).toISOString().replace('.000Z', 'Z');

describe('staleness: one clock (the asset system stamps both sides)', () => {
	it('skips an older state processed after a newer one and reports it, with both stamps', () => {
		const result = plan(state('AVAILABLE', '2026-11-10T09:00:00Z'), state('OUTOFORDER', '2026-11-10T09:01:00Z'));
		expect(result.requests).toEqual([]);
		expect(result.changes).toEqual([]);
		expect(result.stale).toEqual([
			{ path: 'evses[LOC-1-EVSE-1]', pushed: '2026-11-10T09:00:00Z', cpms: '2026-11-10T09:01:00Z', reason: expect.stringMatching(/CPMS holds a newer state/) },
		]);
	});

	it('writes a newer state, and an equal stamp with other content (two changes in the same second)', () => {
		expect(plan(state('OUTOFORDER', '2026-11-10T09:01:00Z'), state('AVAILABLE', '2026-11-10T09:00:00Z')).requests).toHaveLength(1);
		const same = plan(state('OUTOFORDER', '2026-11-10T09:00:00Z'), state('AVAILABLE', '2026-11-10T09:00:00Z'));
		expect(same.requests.map((r) => r.body)).toEqual([{ status: 'OUTOFORDER', last_updated: NOW }]);
		expect(same.stale).toEqual([]);
	});

	it('judges each object on its own: a stale EVSE does not stop a newer connector change', () => {
		const known = state('OUTOFORDER', '2026-11-10T09:01:00Z');
		known.evses[0].connectors[0].last_updated = '2026-11-10T08:00:00Z';
		const desired = state('AVAILABLE', '2026-11-10T09:00:00Z');
		desired.evses[0].connectors[0].max_amperage = 16;
		const result = plan(desired, known);
		expect(result.stale.map((s) => s.path)).toEqual(['evses[LOC-1-EVSE-1]']);
		expect(result.requests.map((r) => [r.method, r.level, r.body])).toEqual([['PATCH', 'connector', { max_amperage: 16, last_updated: '2026-11-10T09:00:00Z' }]]);
	});

	it('judges only what would change: an older export of unchanged data is simply unchanged', () => {
		const result = plan(state('AVAILABLE', '2026-11-10T09:00:00Z'), state('AVAILABLE', '2026-11-10T09:05:00Z'));
		expect(result).toMatchObject({ action: 'unchanged', requests: [], stale: [] });
	});
});

describe('staleness: clocks that differ by seconds', () => {
	it('a real change stamped by an asset clock a few seconds behind the stamp n8n wrote (Set EVSE Status, a repair) is written', () => {
		// n8n wrote 10:00:00 by its clock; the asset system, 3 s behind, stamps a later change 09:59:58
		const result = plan(state('AVAILABLE', '2026-11-10T09:59:58Z'), state('OUTOFORDER', '2026-11-10T10:00:00Z'));
		expect(result.stale).toEqual([]);
		expect(result.requests).toHaveLength(1);
	});

	it('the tolerance is a setting: 0 judges by the stamps alone', () => {
		const result = plan(state('AVAILABLE', '2026-11-10T09:59:58Z'), state('OUTOFORDER', '2026-11-10T10:00:00Z'), { toleranceSeconds: 0 });
		expect(result.stale).toHaveLength(1);
	});

	it('a real change is never skipped when the clocks differ by up to the tolerance, in either direction', () => {
		const changedAt = '2026-11-10T10:00:00Z';
		for (let skew = -DEFAULT_STALENESS.toleranceSeconds; skew <= DEFAULT_STALENESS.toleranceSeconds; skew++) {
			// the CPMS's stamp of the previous state came from another clock, `skew` seconds off the change's
			const known = state('OUTOFORDER', seconds(changedAt, skew));
			const result = plan(state('AVAILABLE', changedAt), known);
			expect([skew, result.stale]).toEqual([skew, []]);
			expect(result.requests).toHaveLength(1);
		}
	});
});

describe('staleness: a source without timestamps (the run time stands in)', () => {
	it('orders runs by their run time: a later run is written, an earlier run processed later is skipped', () => {
		const earlierRun = '2026-11-10T10:00:00Z';
		const laterRun = '2026-11-10T10:02:00Z';
		expect(plan(state('OUTOFORDER', laterRun), state('AVAILABLE', earlierRun)).requests).toHaveLength(1);
		const overtaken = plan(state('AVAILABLE', earlierRun), state('OUTOFORDER', laterRun));
		expect(overtaken.requests).toEqual([]);
		expect(overtaken.stale).toHaveLength(1);
	});

	it('runs on queue-mode workers whose clocks differ by seconds still write a real change', () => {
		expect(plan(state('OUTOFORDER', '2026-11-10T10:00:01Z'), state('AVAILABLE', '2026-11-10T10:00:04Z')).stale).toEqual([]);
	});
});

describe('staleness: a receiver that replaces last_updated with its own entry time', () => {
	// the change was made at 10:00:00; the previous, older state was entered by the CPMS at 10:00:03
	const desired = () => state('AVAILABLE', '2026-11-10T10:00:00Z');
	const known = () => state('OUTOFORDER', '2026-11-10T10:03:00Z');

	it('with CPMS last_updated "replaced" nothing is judged stale: a real change made before the previous write landed is written', () => {
		const result = plan(desired(), known(), { cpmsStamps: 'replaced' });
		expect(result.stale).toEqual([]);
		expect(result.requests.map((r) => r.body)).toEqual([{ status: 'AVAILABLE', last_updated: NOW }]);
	});

	it('("kept" would read the entry time as a newer state: why the receiver behaviour is a setting)', () => {
		expect(plan(desired(), known()).stale).toHaveLength(1);
	});
});

describe('staleness: the asset system wins (full compare) and unreadable stamps', () => {
	it('Overwrite writes an older state on purpose', () => {
		const result = plan(state('AVAILABLE', '2026-11-10T09:00:00Z'), state('OUTOFORDER', '2026-11-10T09:01:00Z'), { mode: 'assetWins' });
		expect(result.stale).toEqual([]);
		expect(result.requests).toHaveLength(1);
	});

	it('an object without a readable last_updated on either side is never stale', () => {
		const desired = validLocation();
		const known = validLocation();
		known.evses[0].status = 'OUTOFORDER';
		delete desired.evses[0].last_updated;
		expect(staleSkip('evses[x]', desired.evses[0], known.evses[0], DEFAULT_STALENESS)).toBeUndefined();
		expect(staleSkip('evses[x]', { last_updated: 'soon' }, known.evses[0], DEFAULT_STALENESS)).toBeUndefined();
		expect(staleSkip('evses[x]', known.evses[0], { last_updated: 'never' }, DEFAULT_STALENESS)).toBeUndefined();
	});

	it('a stale EVSE whose connector left is not PUT either', () => {
		const known = state('OUTOFORDER', '2026-11-10T09:01:00Z');
		known.evses[0].connectors.push({ ...known.evses[0].connectors[0], id: '2' });
		const result = plan(state('AVAILABLE', '2026-11-10T09:00:00Z'), known);
		expect(result.requests).toEqual([]);
		expect(result.stale.map((s) => s.path)).toEqual(['evses[LOC-1-EVSE-1]']);
	});
});

describe('staleness: the Location\'s own fields', () => {
	// the CPMS's Location last_updated was raised by another charger's newer update (10:05)
	const known = () => state('AVAILABLE', '2026-11-10T10:05:00Z');
	const renamed = (mark?: unknown) => ({ ...state('AVAILABLE', '2026-11-10T10:00:00Z'), name: 'New name', ...(mark ? { _completeness: mark } : {}) });

	it('a Location built from part of the site is not judged by the CPMS Location stamp (it covers every EVSE): its change is written', () => {
		const result = plan(renamed({ complete: false, reasons: ['one charger'], sources: 1, refused: [] }), known());
		expect(result.stale).toEqual([]);
		expect(result.requests.map((r) => [r.level, r.body])).toEqual([['location', { name: 'New name', last_updated: NOW }]]);
	});

	it('a whole-site Location older than the CPMS Location is skipped as stale', () => {
		const result = plan(renamed({ complete: true, reasons: [], sources: 3, refused: [] }), known());
		expect(result.stale.map((s) => s.path)).toEqual(['location']);
		expect(result.requests).toEqual([]);
	});
});

describe('staleness: connectors of a stale EVSE', () => {
	it('a connector the newer CPMS EVSE no longer has is not brought back by older data', () => {
		const desired = state('AVAILABLE', '2026-11-10T09:00:00Z');
		desired.evses[0].connectors.push({ ...desired.evses[0].connectors[0], id: '2' });
		const result = plan(desired, state('OUTOFORDER', '2026-11-10T09:01:00Z'));
		expect(result.requests).toEqual([]);
		expect(result.stale.map((s) => s.path)).toEqual(['evses[LOC-1-EVSE-1]']);
	});
});
