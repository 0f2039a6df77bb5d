/** created/updated and the state after an early stop: decided in core/changeDetection, not in the trigger. */
import { acceptIncremental, heldIncrementalState, incrementalChangeKind, type IncrementalState } from '../../../core/changeDetection';
import { fingerprint } from '../../../core/foundation/json';

const options = { overlapSeconds: 60 };
const before: IncrementalState = { highWaterMark: '2026-01-10T12:00:00.000Z', seen: { old: { fingerprint: 'x', updatedAtMs: Date.UTC(2026, 0, 10, 12) } } };
const item = (id: string, updatedAt: string, createdAt: string) => ({ id, updatedAt, record: { id, createdAt } });

describe('incrementalChangeKind', () => {
	const pulled = [item('new', '2026-01-10T12:05:00Z', '2026-01-10T11:59:30Z'), item('edited', '2026-01-10T12:06:00Z', '2025-05-01T00:00:00Z'), item('old', '2026-01-10T12:07:00Z', '2026-01-10T11:59:30Z')];
	const result = acceptIncremental(before, pulled, options);

	it('calls a record created inside the pulled window and never emitted before created, the others updated', () => {
		const kind = incrementalChangeKind(before, result, options, (record) => record.createdAt);
		expect(Object.fromEntries(result.emit.map((e) => [e.id, kind(e)]))).toEqual({ new: 'created', edited: 'updated', old: 'updated' });
	});

	it('says updated without a created-at field, created on a first run', () => {
		expect(result.emit.map(incrementalChangeKind(before, result, options))).toEqual(['updated', 'updated', 'updated']);
		const first = acceptIncremental(undefined, pulled, options);
		expect(first.emit.map(incrementalChangeKind(undefined, first, options, (record) => record.createdAt))).toEqual(['created', 'created', 'created']);
	});
});

describe('heldIncrementalState', () => {
	it('keeps the mark and remembers every emitted record with its fingerprint', () => {
		const result = acceptIncremental(before, [item('a', '2026-01-10T12:05:00Z', '')], options);
		expect(heldIncrementalState(before, result)).toEqual({
			highWaterMark: before.highWaterMark,
			seen: { ...before.seen, a: { fingerprint: fingerprint(result.emit[0].record), updatedAtMs: Date.UTC(2026, 0, 10, 12, 5) } },
		});
	});
});
