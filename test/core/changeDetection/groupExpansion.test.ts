import { diffSnapshot, expandGroups, type GroupState, type SnapshotState } from '../../../core/changeDetection';

type Charger = { charger_id: string; site_id?: string | number; state: string };
const charger = (id: string, site: string | number | undefined, state = 'in service') => ({ id, record: { charger_id: id, site_id: site, state } as Charger });
const groupOf = (r: Charger) => r.site_id;
// n8n keeps static data as JSON: state must survive a round trip unchanged
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

/** One poll with grouping: the diff, then the expansion, as the node does it. */
function poll(previous: { state: SnapshotState; groups?: GroupState } | undefined, current: ReturnType<typeof charger>[], complete = true, firstRun: 'emitAll' | 'baseline' = 'emitAll') {
	const diff = diffSnapshot(previous?.state, current, { complete, firstRun });
	const result = expandGroups(diff, current, { groupOf, complete, previousState: previous?.state, previousGroups: previous?.groups });
	const emitted = result.items.map((i) => `${i.id}:${i.change}${i.group ? `@${i.group}` : ''}`);
	return { ...result, emitted, saved: viaJson({ state: result.nextState, groups: result.nextGroups }) };
}

const network = () => [charger('S1-A', 'S1'), charger('S1-B', 'S1'), charger('S1-C', 'S1'), charger('S2-A', 'S2'), charger('S3-A', 'S3')];

describe('expandGroups', () => {
	it('first run: emitAll emits everything as created, baseline emits nothing but records every group', () => {
		expect(poll(undefined, network()).emitted).toEqual(['S1-A:created', 'S1-B:created', 'S1-C:created', 'S2-A:created', 'S3-A:created']);
		const baseline = poll(undefined, network(), true, 'baseline');
		expect(baseline.items).toEqual([]);
		expect(baseline.saved.groups).toEqual({ 'S1-A': 'S1', 'S1-B': 'S1', 'S1-C': 'S1', 'S2-A': 'S2', 'S3-A': 'S3' });
	});

	it('a changed record emits its whole group, the others as unchanged, and no other group', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const next = network();
		next[1] = charger('S1-B', 'S1', 'faulty');
		const result = poll(saved, next);
		expect(result.emitted).toEqual(['S1-A:unchanged', 'S1-B:updated', 'S1-C:unchanged']);
		expect(result.items[1].record).toEqual({ charger_id: 'S1-B', site_id: 'S1', state: 'faulty' });
		expect(result.counts.unchanged).toBe(2);
		expect(poll(result.saved, next).items).toEqual([]);
	});

	it('a created record emits its group with the existing members', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		expect(poll(saved, [...network(), charger('S2-B', 'S2')]).emitted).toEqual(['S2-A:unchanged', 'S2-B:created']);
	});

	it('a hard-deleted record re-emits its group without it and is not emitted itself', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const result = poll(saved, network().filter((c) => c.id !== 'S1-B'));
		expect(result.emitted).toEqual(['S1-A:unchanged', 'S1-C:unchanged']);
		expect(result.counts.removedWithinGroup).toBe(1);
		expect(Object.keys(result.saved.state)).not.toContain('S1-B');
		expect(result.saved.groups['S1-B']).toBeUndefined();
	});

	it('a group deleted entirely emits one removed item per id, with the group value', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const result = poll(saved, network().filter((c) => c.record.site_id !== 'S1'));
		expect(result.emitted).toEqual(['S1-A:removed@S1', 'S1-B:removed@S1', 'S1-C:removed@S1']);
		expect(result.items[0]).toEqual({ id: 'S1-A', change: 'removed', group: 'S1' });
	});

	it('a record moved to another group re-emits both groups', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const next = network().map((c) => (c.id === 'S1-C' ? charger('S1-C', 'S2') : c));
		expect(poll(saved, next).emitted).toEqual(['S1-A:unchanged', 'S1-B:unchanged', 'S1-C:updated', 'S2-A:unchanged']);
	});

	it('incomplete pull: no removals, unseen ids keep fingerprint and group', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		// S1-C and S2-A are on a page not fetched; S3-A changed and its group is whole
		const partial = [charger('S1-A', 'S1'), charger('S1-B', 'S1'), charger('S3-A', 'S3', 'faulty')];
		const result = poll(saved, partial, false);
		expect(result.emitted).toEqual(['S3-A:updated']);
		expect(result.saved.groups).toEqual(saved.groups);
		expect(Object.keys(result.saved.state).sort()).toEqual(Object.keys(saved.state).sort());
	});

	it('incomplete pull: a changed group with a member not fetched is held back and comes with the next complete pull', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const partial = [charger('S1-A', 'S1', 'faulty'), charger('S1-B', 'S1'), charger('S1-X', 'S1')];
		const held = poll(saved, partial, false);
		expect(held.items).toEqual([]);
		expect(held.counts.heldBackGroups).toBe(1);
		expect(held.saved.state['S1-A']).toBe(saved.state['S1-A']);
		expect(held.saved.state['S1-X']).toBeUndefined();
		const full = poll(held.saved, [...partial, charger('S1-C', 'S1'), charger('S2-A', 'S2'), charger('S3-A', 'S3')]);
		expect(full.emitted).toEqual(['S1-A:updated', 'S1-B:unchanged', 'S1-X:created', 'S1-C:unchanged']);
	});

	it('an older state without groups loads: a removal comes as a plain removed item, changes still emit their group', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const old = { state: saved.state };
		const next = network().filter((c) => c.id !== 'S1-B');
		next[2] = charger('S2-A', 'S2', 'faulty');
		const result = poll(old, next);
		expect(result.emitted).toEqual(['S2-A:updated', 'S1-B:removed']);
		expect(result.items[1]).toEqual({ id: 'S1-B', change: 'removed' });
		expect(result.saved.groups).toEqual({ 'S1-A': 'S1', 'S1-C': 'S1', 'S2-A': 'S2', 'S3-A': 'S3' });
	});

	it('records without a group value are emitted on their own and counted; numeric groups count', () => {
		const current = [charger('N-1', undefined), charger('N-2', ''), charger('G-1', 7), charger('G-2', 7)];
		const { saved } = poll(undefined, current, true, 'baseline');
		expect(saved.groups).toEqual({ 'G-1': '7', 'G-2': '7' });
		const next = [charger('N-1', undefined, 'faulty'), charger('N-2', ''), charger('G-1', 7), charger('G-2', 7, 'faulty')];
		const result = poll(saved, next);
		expect(result.emitted).toEqual(['N-1:updated', 'G-1:unchanged', 'G-2:updated']);
		expect(result.counts.withoutGroup).toBe(2);
		// a removed record that had no group is a plain removed item
		expect(poll(result.saved, next.slice(2)).emitted).toEqual(['N-1:removed', 'N-2:removed']);
	});

	it('a duplicate id in the pull is emitted once, as the diff counts it (first occurrence)', () => {
		const { saved } = poll(undefined, network(), true, 'baseline');
		const result = poll(saved, [...network().slice(0, 4), charger('S3-A', 'S3', 'faulty'), charger('S3-A', 'S3', 'later')]);
		expect(result.emitted).toEqual(['S3-A:updated']);
		expect(result.items[0].record!.state).toBe('faulty');
	});
});
