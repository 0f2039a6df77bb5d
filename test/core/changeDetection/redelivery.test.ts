import { recordEmission, redeliveries, type CurrentRecord, type EmittedChange, type PendingDelivery } from '../../../core/changeDetection';

type Charger = { charger_id: string; site_id?: string; state: string };
const t0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const due = (...changes: EmittedChange[]): Array<[string, PendingDelivery]> => Object.entries(recordEmission({}, changes, 'e1', t0).pending);
const charger = (id: string, site?: string, state = 'in service'): Charger => ({ charger_id: id, site_id: site, state });
const pull = (...chargers: Charger[]) => new Map<string, CurrentRecord<Charger>>(chargers.map((c) => [c.charger_id, { record: c, group: c.site_id }]));
const shown = (items: Array<{ id: string; change: string; group?: string; record?: Charger }>) =>
	items.map((i) => `${i.id}:${i.change}${i.group ? `@${i.group}` : ''}${i.record ? `(${i.record.state})` : ''}`);

describe('redeliveries, incremental (entries carry their records)', () => {
	it('emits the records as they were emitted, except ids this poll emits anew', () => {
		const result = redeliveries<Charger>({
			due: due({ id: 'A', change: 'created', record: charger('A', 'S1', 'faulty') }, { id: 'B', change: 'updated', record: charger('B') }),
			complete: false,
			emitted: new Set(['B']),
		});
		expect(shown(result.items)).toEqual(['A:created(faulty)']);
		expect(result.heldBack).toEqual([]);
	});

	it('an entry without a record cannot be emitted again and is held back', () => {
		expect(redeliveries<Charger>({ due: due({ id: 'A', change: 'updated' }), complete: true, emitted: new Set() }).heldBack).toEqual(['A']);
	});
});

describe('redeliveries, snapshot (derived again from this pull)', () => {
	const entries = () => due({ id: 'A', change: 'updated' }, { id: 'B', change: 'removed' }, { id: 'C', change: 'created' }, { id: 'D', change: 'unchanged' });

	it('a record still there comes as it is now; one a complete pull no longer has comes as removed', () => {
		const result = redeliveries({ due: entries(), current: pull(charger('A', undefined, 'faulty'), charger('B'), charger('D')), complete: true, emitted: new Set() });
		expect(shown(result.items)).toEqual(['A:updated(faulty)', 'B:created(in service)', 'C:removed', 'D:updated(in service)']);
	});

	it('absence from an incomplete pull is no evidence: that id is held back', () => {
		const result = redeliveries({ due: entries(), current: pull(charger('A')), complete: false, emitted: new Set(['D']) });
		expect(shown(result.items)).toEqual(['A:updated(in service)']);
		expect(result.heldBack).toEqual(['B', 'C']);
	});
});

describe('redeliveries, snapshot with whole groups', () => {
	const site1 = () => [charger('S1-A', 'S1', 'faulty'), charger('S1-B', 'S1'), charger('S1-C', 'S1')];
	const known = { 'S1-A': 'S1', 'S1-B': 'S1', 'S1-C': 'S1', 'S2-A': 'S2' };

	it('the whole current group comes again: the pending change as it was, the others unchanged', () => {
		const result = redeliveries({ due: due({ id: 'S1-A', change: 'updated', group: 'S1' }, { id: 'S1-B', change: 'unchanged', group: 'S1' }), current: pull(...site1(), charger('S2-A', 'S2')), complete: true, knownGroups: known, emitted: new Set() });
		expect(shown(result.items)).toEqual(['S1-A:updated(faulty)', 'S1-B:unchanged(in service)', 'S1-C:unchanged(in service)']);
	});

	it('a member removed from a group that still has records rides on the group coming without it', () => {
		const result = redeliveries({ due: due({ id: 'S1-D', change: 'removed', group: 'S1' }), current: pull(...site1()), complete: true, knownGroups: known, emitted: new Set() });
		expect(shown(result.items)).toEqual(['S1-A:unchanged(faulty)', 'S1-B:unchanged(in service)', 'S1-C:unchanged(in service)']);
		expect(result.carried).toEqual([{ id: 'S1-D', change: 'removed', group: 'S1', unanswered: true }]);
	});

	it('a group this poll emits anyway is not emitted twice; its pending entries ride on that emission', () => {
		const result = redeliveries({ due: due({ id: 'S1-A', change: 'updated', group: 'S1' }, { id: 'S1-D', change: 'removed', group: 'S1' }), current: pull(...site1()), complete: true, knownGroups: known, emitted: new Set(['S1-A', 'S1-B', 'S1-C']) });
		expect(result.items).toEqual([]);
		expect(result.carried.map((c) => c.id)).toEqual(['S1-D']);
	});

	it('a group gone from a complete pull comes as removed items with the group', () => {
		const result = redeliveries({ due: due({ id: 'S2-A', change: 'removed', group: 'S2' }), current: pull(...site1()), complete: true, knownGroups: { 'S1-A': 'S1' }, emitted: new Set() });
		expect(shown(result.items)).toEqual(['S2-A:removed@S2']);
	});

	it('an incomplete pull that misses a known member, or the whole group, holds the group back', () => {
		const partial = redeliveries({ due: due({ id: 'S1-A', change: 'updated', group: 'S1' }), current: pull(charger('S1-A', 'S1')), complete: false, knownGroups: known, emitted: new Set() });
		expect(partial.items).toEqual([]);
		expect(partial.heldBack).toEqual(['S1-A']);
		const unseen = redeliveries({ due: due({ id: 'S2-A', change: 'updated', group: 'S2' }), current: pull(...site1()), complete: false, knownGroups: known, emitted: new Set() });
		expect(unseen.heldBack).toEqual(['S2-A']);
	});
});
