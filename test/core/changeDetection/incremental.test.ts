import { acceptIncremental, incrementalQuery, type IncrementalState } from '../../../core/changeDetection';

const rec = (id: string, updatedAt: string, extra: Record<string, unknown> = {}) => ({ id, updatedAt, record: { charger_id: id, updated_at: updatedAt, ...extra } });
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const options = { overlapSeconds: 60 };

describe('incremental pulls with a high-water mark and overlap', () => {
	it('pulls everything first, then asks from the mark minus the overlap', () => {
		expect(incrementalQuery(undefined, options).updatedSince).toBeUndefined();
		const first = acceptIncremental(undefined, [rec('B', '2025-03-01T10:00:05Z'), rec('A', '2025-03-01T10:00:00Z')], options);
		expect(first.emit.map((e) => e.id)).toEqual(['A', 'B']); // oldest first
		expect(first.nextState.highWaterMark).toBe('2025-03-01T10:00:05.000Z');
		expect(incrementalQuery(viaJson(first.nextState), options).updatedSince).toBe('2025-03-01T09:59:05.000Z');
	});

	it('does not miss a record written in the same second as the mark, and suppresses the ones already emitted', () => {
		const first = acceptIncremental(undefined, [rec('A', '2025-03-01T10:00:00Z'), rec('B', '2025-03-01T10:00:05Z')], options);
		let state: IncrementalState = viaJson(first.nextState);
		// the API answers the inclusive query with B again plus C, written in the same second as B after the last pull
		const second = acceptIncremental(state, [rec('A', '2025-03-01T10:00:00Z'), rec('B', '2025-03-01T10:00:05Z'), rec('C', '2025-03-01T10:00:05Z')], options);
		expect(second.emit.map((e) => e.id)).toEqual(['C']);
		expect(second.counts.duplicates).toBe(2);
		state = viaJson(second.nextState);
		// B edited again within the same second: new content, same timestamp → emitted
		const third = acceptIncremental(state, [rec('B', '2025-03-01T10:00:05Z', { state: 'faulty' }), rec('C', '2025-03-01T10:00:05Z')], options);
		expect(third.emit.map((e) => e.id)).toEqual(['B']);
		expect(third.nextState.highWaterMark).toBe('2025-03-01T10:00:05.000Z');
	});

	it('prunes remembered records that leave the window and ignores records older than the window', () => {
		const first = acceptIncremental(undefined, [rec('A', '2025-03-01T10:00:00Z')], options);
		const second = acceptIncremental(first.nextState, [rec('B', '2025-03-01T11:00:00Z')], options);
		expect(Object.keys(second.nextState.seen)).toEqual(['B']);
		const third = acceptIncremental(second.nextState, [rec('A', '2025-03-01T10:00:00Z', { state: 'changed but old' })], options);
		expect(third.emit).toEqual([]);
		expect(third.counts.beforeWindow).toBe(1);
	});

	it('with baseline records the mark on the first run and emits nothing', () => {
		const first = acceptIncremental(undefined, [rec('A', '2025-03-01T10:00:00Z'), rec('B', '2025-03-01T10:00:05Z')], { ...options, firstRun: 'baseline' });
		expect(first.emit).toEqual([]);
		expect(first.firstRun).toBe(true);
		expect(first.nextState.highWaterMark).toBe('2025-03-01T10:00:05.000Z');
		const second = acceptIncremental(first.nextState, [rec('B', '2025-03-01T10:00:05Z'), rec('D', '2025-03-01T10:01:00Z')], { ...options, firstRun: 'baseline' });
		expect(second.emit.map((e) => e.id)).toEqual(['D']);
	});

	it('advances the mark only over what was emitted (maxEmit), so the rest comes next time', () => {
		const records = [rec('A', '2025-03-01T10:00:00Z'), rec('B', '2025-03-01T10:00:00Z'), rec('C', '2025-03-01T12:00:00Z')];
		const first = acceptIncremental(undefined, records, { ...options, maxEmit: 1 });
		expect(first.emit.map((e) => e.id)).toEqual(['A']);
		expect(first.counts.deferred).toBe(2);
		expect(first.nextState.highWaterMark).toBe('2025-03-01T10:00:00.000Z');
		const second = acceptIncremental(viaJson(first.nextState), records, { ...options, maxEmit: 5 });
		expect(second.emit.map((e) => e.id)).toEqual(['B', 'C']);
	});

	it('counts records without id or readable timestamp and reads other timestamp forms', () => {
		const result = acceptIncremental(undefined, [{ id: 'x', updatedAt: 'yesterday', record: {} }, { id: null, updatedAt: '2025-01-01T00:00:00Z', record: {} }, { id: 'n', updatedAt: 1740787200, record: {} }, { id: 's', updatedAt: '2025-03-01 09:15:00+01:00', record: {} }, { id: 'z', updatedAt: '2025-03-01 09:15:00', record: {} }], options);
		expect(result.counts.invalidTimestamp).toBe(1);
		expect(result.counts.withoutId).toBe(1);
		expect(result.emit.map((e) => [e.id, e.updatedAt])).toEqual([
			['n', '2025-03-01T00:00:00.000Z'],
			['s', '2025-03-01T08:15:00.000Z'],
			['z', '2025-03-01T09:15:00.000Z'],
		]);
	});
});
