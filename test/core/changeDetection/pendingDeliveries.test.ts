import {
	dueForRedelivery,
	MAX_UNANSWERED_EMISSIONS,
	readPending,
	recordEmission,
	runOutcome,
	settleEmission,
	type EmittedChange,
	type PendingDeliveries,
} from '../../../core/changeDetection';

// n8n keeps static data as JSON: the pending set must survive a round trip unchanged
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));
const MINUTE = 60_000;
const t0 = Date.UTC(2026, 0, 10, 12, 0, 0);
const changes = (...ids: string[]): EmittedChange[] => ids.map((id) => ({ id, change: 'updated' }));
const tokens = (pending: PendingDeliveries) => Object.fromEntries(Object.entries(pending).map(([id, entry]) => [id, entry.token]));

describe('recordEmission', () => {
	it('every emitted id waits for this emission; group and record are kept only when given', () => {
		const { pending, dropped } = recordEmission(
			{},
			[
				{ id: 'A', change: 'created', record: { charger_id: 'A' } },
				{ id: 'B', change: 'removed', group: 'S1' },
			],
			'e1',
			t0,
		);
		expect(dropped).toEqual([]);
		expect(viaJson(pending)).toEqual({
			A: { change: 'created', token: 'e1', emittedAt: t0, record: { charger_id: 'A' } },
			B: { change: 'removed', group: 'S1', token: 'e1', emittedAt: t0 },
		});
	});

	it('a later emission of the same id supersedes the earlier one (and clears its failure)', () => {
		const first = recordEmission({}, changes('A', 'B'), 'e1', t0).pending;
		const failed = settleEmission(first, 'e1', 'failed');
		const second = recordEmission(failed, changes('B'), 'e2', t0 + MINUTE).pending;
		expect(tokens(second)).toEqual({ A: 'e1', B: 'e2' });
		expect(second.B.failed).toBeUndefined();
		expect(second.A.failed).toBe(true);
	});

	it('at the bound the oldest emissions are dropped and named', () => {
		const old = recordEmission({}, changes('A', 'B'), 'e1', t0).pending;
		const { pending, dropped } = recordEmission(old, changes('C', 'D'), 'e2', t0 + MINUTE, 3);
		expect(dropped).toEqual(['A']);
		expect(Object.keys(pending).sort()).toEqual(['B', 'C', 'D']);
	});
});

describe('settleEmission', () => {
	const two = () => recordEmission(recordEmission({}, changes('A', 'B'), 'e1', t0).pending, changes('B', 'C'), 'e2', t0 + MINUTE).pending;

	it('success deletes that emission\'s entries, not those a later emission took over', () => {
		expect(tokens(settleEmission(two(), 'e1', 'succeeded'))).toEqual({ B: 'e2', C: 'e2' });
		expect(settleEmission(settleEmission(two(), 'e1', 'succeeded'), 'e2', 'succeeded')).toEqual({});
	});

	it('failure marks that emission\'s entries failed; an unknown outcome leaves them', () => {
		const failed = settleEmission(two(), 'e1', 'failed');
		expect(failed.A.failed).toBe(true);
		expect(failed.B.failed).toBeUndefined();
		expect(settleEmission(two(), 'e1', 'unknown')).toEqual(two());
	});
});

describe('runOutcome', () => {
	it('only a run that ended in success confirms', () => {
		expect(runOutcome({ status: 'success', finished: true, data: { resultData: {} } })).toBe('succeeded');
		expect(runOutcome({ finished: true, data: { resultData: {} } })).toBe('succeeded');
		expect(runOutcome({ status: 'error', finished: false, data: { resultData: { error: { message: 'CPMS unreachable' } } } })).toBe('failed');
		expect(runOutcome({ status: 'success', data: { resultData: { error: { message: 'x' } } } })).toBe('failed');
		expect(runOutcome({ status: 'crashed' })).toBe('failed');
		expect(runOutcome({ status: 'canceled' })).toBe('failed');
		expect(runOutcome({ finished: false })).toBe('failed');
		expect(runOutcome(undefined)).toBe('failed');
		expect(runOutcome({ status: 'waiting' })).toBe('unknown');
	});
});

describe('dueForRedelivery', () => {
	it('failed entries at once, unconfirmed ones once overdue', () => {
		const pending = settleEmission(recordEmission(recordEmission({}, changes('A'), 'e1', t0).pending, changes('B', 'C'), 'e2', t0 + 5 * MINUTE).pending, 'e2', 'unknown');
		const withFailure = { ...pending, C: { ...pending.C, failed: true as const } };
		const ids = (now: number) => dueForRedelivery(withFailure, now, 10 * MINUTE).due.map(([id]) => id);
		expect(ids(t0 + 6 * MINUTE)).toEqual(['C']);
		expect(ids(t0 + 10 * MINUTE)).toEqual(['A', 'C']);
		expect(ids(t0 + 15 * MINUTE)).toEqual(['A', 'B', 'C']);
	});

	it('a change emitted MAX_UNANSWERED_EMISSIONS times with no run ever answering is given up; a failed run resets the count', () => {
		let pending = recordEmission({}, changes('A', 'B'), 'e1', t0).pending;
		const again = (ids: string[], token: string, at: number) =>
			(pending = recordEmission(pending, ids.map((id) => ({ id, change: 'updated' as const, unanswered: !pending[id]?.failed })), token, at).pending);
		again(['A'], 'e2', t0 + 10 * MINUTE);
		again(['B'], 'e2b', t0 + 10 * MINUTE);
		expect([pending.A.attempts, pending.B.attempts]).toEqual([2, 2]);
		pending = settleEmission(pending, 'e2', 'failed');
		again(['A', 'B'], 'e3', t0 + 20 * MINUTE);
		expect([pending.A.attempts, pending.B.attempts]).toEqual([undefined, 3]);
		const later = dueForRedelivery(pending, t0 + 30 * MINUTE, 10 * MINUTE, MAX_UNANSWERED_EMISSIONS);
		expect(later.givenUp).toEqual(['B']);
		expect(later.due.map(([id]) => id)).toEqual(['A']);
		// a fresh detection of the same id starts a new count
		expect(recordEmission(pending, changes('A'), 'e5', t0 + 40 * MINUTE).pending.A.attempts).toBeUndefined();
	});
});

describe('readPending', () => {
	it('keeps valid entries of a stored value and ignores anything else', () => {
		const valid = { change: 'updated', token: 'e1', emittedAt: t0 };
		expect(readPending(viaJson({ A: valid, B: { change: 'moved', token: 'e1', emittedAt: t0 }, C: { change: 'created', token: 'e1' }, D: null }))).toEqual({ A: valid });
		expect(readPending(undefined)).toEqual({});
		expect(readPending([valid])).toEqual({});
		expect(readPending('x')).toEqual({});
	});
});
