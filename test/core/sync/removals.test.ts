/** Absence is not evidence: which missing EVSEs the planner marks REMOVED, and which it withholds and why. */
import { planLocationSync, type PlanOptions } from '../../../core/sync';
import { twoEvseLocation, validLocation, type LocationJson } from '../../fixtures/ocpiLocations';

const NOW = '2026-11-20T10:00:00Z';
const OPTIONS: PlanOptions = { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: NOW };
const complete = (readAt?: string) => ({ complete: true, reasons: [], sources: 2, refused: [], ...(readAt ? { readAt } : {}) });

/** The CPMS holds two EVSEs (last changed 2026-11-01T08:00:00Z); the desired Location lists only the first. */
function withoutSecond(mark?: unknown): LocationJson {
	const desired = validLocation('LOC-1');
	if (mark !== undefined) desired._completeness = mark;
	return desired;
}

const known = () => twoEvseLocation('LOC-1');
const removals = (plan: ReturnType<typeof planLocationSync>) => plan.requests.filter((r) => r.body.status === 'REMOVED').map((r) => r.ids.evse_uid);

describe('removals: only a complete read is evidence', () => {
	it('a Location without a completeness mark withholds the removal and says how to state completeness', () => {
		const plan = planLocationSync(withoutSecond(), known(), OPTIONS);
		expect(plan.requests).toEqual([]);
		expect(plan.withheld).toEqual([{ path: 'evses[LOC-1-EVSE-2]', reason: expect.stringMatching(/carries no mark of a complete read .*Locations Without Completeness Mark/) }]);
	});

	it('the user may state that unmarked Locations are complete: then the run time is the read time', () => {
		const plan = planLocationSync(withoutSecond(), known(), { ...OPTIONS, assumeCompleteWithoutMark: true });
		expect(removals(plan)).toEqual(['LOC-1-EVSE-2']);
		expect(plan.withheld).toEqual([]);
	});

	it('an incomplete Location withholds every removal with its reasons (three shown, the rest counted)', () => {
		const reasons = ['charger A could not be mapped: x', 'charger B could not be mapped: y', 'charger C came from an incremental poll', 'charger D: z'];
		const plan = planLocationSync(withoutSecond({ complete: false, reasons, sources: 1, refused: [] }), known(), OPTIONS);
		expect(plan.requests).toEqual([]);
		expect(plan.withheld).toHaveLength(1);
		expect(plan.withheld[0].reason).toBe(
			'EVSE LOC-1-EVSE-2 is missing from this Location, but the Location was built from incomplete input: charger A could not be mapped: x; charger B could not be mapped: y; charger C came from an incremental poll (and 1 more), so its absence proves nothing: left as the CPMS has it',
		);
	});

	it('a malformed mark says nothing (treated as no mark)', () => {
		expect(planLocationSync(withoutSecond({ complete: 'yes' }), known(), OPTIONS).withheld).toHaveLength(1);
		expect(planLocationSync(withoutSecond('complete'), known(), OPTIONS).withheld).toHaveLength(1);
	});

	it('a complete Location marks the missing EVSE REMOVED', () => {
		const plan = planLocationSync(withoutSecond(complete('2026-11-05T00:00:00Z')), known(), OPTIONS);
		expect(removals(plan)).toEqual(['LOC-1-EVSE-2']);
		expect(plan.withheld).toEqual([]);
	});

	it('a complete read made before the CPMS last changed the EVSE (or within the clock tolerance) cannot show it gone', () => {
		const cpms = known();
		cpms.evses[1].last_updated = '2026-11-05T00:00:03Z';
		const before = planLocationSync(withoutSecond(complete('2026-11-05T00:00:00Z')), cpms, OPTIONS);
		expect(before.requests).toEqual([]);
		expect(before.withheld).toEqual([{ path: 'evses[LOC-1-EVSE-2]', reason: expect.stringMatching(/changed it at 2026-11-05T00:00:03Z, not clearly before the read at 2026-11-05T00:00:00Z/) }]);
		// 3 s before the read is inside the default 5 s tolerance; with 0 it is evidence
		cpms.evses[1].last_updated = '2026-11-04T23:59:57Z';
		expect(planLocationSync(withoutSecond(complete('2026-11-05T00:00:00Z')), cpms, OPTIONS).withheld).toHaveLength(1);
		const exact = planLocationSync(withoutSecond(complete('2026-11-05T00:00:00Z')), cpms, { ...OPTIONS, staleness: { mode: 'skipOlder', toleranceSeconds: 0, cpmsStamps: 'kept' } });
		expect(removals(exact)).toEqual(['LOC-1-EVSE-2']);
	});

	it('an EVSE the asset data itself marks REMOVED is an ordinary change, whatever the completeness', () => {
		const desired = twoEvseLocation('LOC-1');
		desired.evses[1].status = 'REMOVED';
		desired.evses[1].last_updated = '2026-11-10T09:00:00Z';
		desired._completeness = { complete: false, reasons: ['charger X could not be mapped'], sources: 1, refused: [] };
		const plan = planLocationSync(desired, known(), OPTIONS);
		expect(plan.requests.map((r) => [r.method, r.ids.evse_uid, r.body.status])).toEqual([['PATCH', 'LOC-1-EVSE-2', 'REMOVED']]);
		expect(plan.withheld).toEqual([]);
	});

	it('Ignore never removes and reports nothing; an EVSE already REMOVED is not reported', () => {
		expect(planLocationSync(withoutSecond(), known(), { ...OPTIONS, removedEvsePolicy: 'ignore' })).toMatchObject({ requests: [], withheld: [] });
		const cpms = known();
		cpms.evses[1].status = 'REMOVED';
		expect(planLocationSync(withoutSecond(), cpms, OPTIONS)).toMatchObject({ requests: [], withheld: [] });
	});

	it('a Location PUT (a field removed) keeps a withheld EVSE exactly as the CPMS has it', () => {
		const desired = withoutSecond({ complete: false, reasons: ['charger LOC-1-EVSE-2 could not be mapped'], sources: 1, refused: [] });
		delete desired.name;
		const plan = planLocationSync(desired, known(), OPTIONS);
		expect(plan.requests.map((r) => [r.method, r.level])).toEqual([['PUT', 'location']]);
		expect((plan.requests[0].body.evses as LocationJson[])[1]).toEqual(known().evses[1]);
		expect(plan.withheld.map((w) => w.path)).toEqual(['evses[LOC-1-EVSE-2]']);
	});
});
