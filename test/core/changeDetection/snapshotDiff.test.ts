import { diffSnapshot, type SnapshotState } from '../../../core/changeDetection';
import { canonicalJson, fingerprint as fingerprintAsset } from '../../../core/foundation/json';

const charger = (id: string, state = 'in service') => ({ id, record: { charger_id: id, state, outlets: [{ no: 1, plug: 'Typ 2', kw: '22' }] } });
// n8n keeps static data as JSON: state must survive a round trip unchanged
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('fingerprintAsset', () => {
	it('ignores key order at every level and is 16 base64url characters', () => {
		const a = fingerprintAsset({ b: 1, a: { y: [1, { q: 1, p: 2 }], x: 'k' } });
		const b = fingerprintAsset({ a: { x: 'k', y: [1, { p: 2, q: 1 }] }, b: 1 });
		expect(a).toBe(b);
		expect(a).toMatch(/^[A-Za-z0-9_-]{16}$/);
	});
	it('sees any value change, and treats undefined members as absent', () => {
		expect(fingerprintAsset({ kw: '22' })).not.toBe(fingerprintAsset({ kw: 22 }));
		expect(fingerprintAsset({ kw: '22', x: undefined })).toBe(fingerprintAsset({ kw: '22' }));
		expect(canonicalJson({ n: NaN, d: new Date(0) })).toBe('{"d":"1970-01-01T00:00:00.000Z","n":null}');
	});
});

describe('diffSnapshot', () => {
	it('emits everything as created on a first run with emitAll, nothing with baseline', () => {
		const all = diffSnapshot(undefined, [charger('A'), charger('B')], { complete: true, firstRun: 'emitAll' });
		expect(all.created.map((c) => c.id)).toEqual(['A', 'B']);
		expect(all.firstRun).toBe(true);
		const baseline = diffSnapshot(undefined, [charger('A'), charger('B')], { complete: true, firstRun: 'baseline' });
		expect(baseline.created).toEqual([]);
		expect(baseline.removed).toEqual([]);
		expect(Object.keys(baseline.nextState)).toEqual(['A', 'B']);
		// the next run starts from the baseline: only the change comes out
		const next = diffSnapshot(viaJson(baseline.nextState), [charger('A', 'faulty'), charger('B')], { complete: true, firstRun: 'baseline' });
		expect(next.updated.map((c) => c.id)).toEqual(['A']);
		expect(next.created).toEqual([]);
	});

	it('reports created, updated and removed after a complete pull, with state that survives JSON', () => {
		const first = diffSnapshot({}, [charger('A'), charger('B'), charger('C')], { complete: true });
		const state: SnapshotState = viaJson(first.nextState);
		const second = diffSnapshot(state, [charger('A'), charger('B', 'faulty'), charger('D')], { complete: true });
		expect(second.created.map((c) => c.id)).toEqual(['D']);
		expect(second.updated.map((c) => c.id)).toEqual(['B']);
		expect(second.removed).toEqual(['C']);
		expect(Object.keys(second.nextState).sort()).toEqual(['A', 'B', 'D']);
		expect(second.firstRun).toBe(false);
	});

	it('reports no removals from an incomplete pull and keeps unseen ids in the state', () => {
		const state = diffSnapshot({}, [charger('A'), charger('B'), charger('C')], { complete: true }).nextState;
		const partial = diffSnapshot(state, [charger('A', 'faulty')], { complete: false });
		expect(partial.removed).toEqual([]);
		expect(partial.updated.map((c) => c.id)).toEqual(['A']);
		expect(Object.keys(partial.nextState).sort()).toEqual(['A', 'B', 'C']);
		expect(partial.reason).toMatch(/incomplete/);
		// a later complete pull still finds what went missing
		expect(diffSnapshot(partial.nextState, [charger('A', 'faulty')], { complete: true }).removed).toEqual(['B', 'C']);
	});

	it('counts records without ids and duplicate ids instead of failing', () => {
		const result = diffSnapshot<unknown>({}, [charger('A'), { id: undefined, record: {} }, { id: '', record: {} }, charger('A', 'x'), { id: 7, record: {} }], { complete: true });
		expect(result.withoutId).toBe(2);
		expect(result.duplicateIds).toEqual(['A']);
		expect(result.created.map((c) => c.id)).toEqual(['A', '7']);
	});
});
