/**
 * Incremental pulls with a high-water mark (the newest `updatedAt` emitted) and an overlap window.
 * Each pull asks for records updated since (mark − overlap), inclusive, so a record written late within
 * the same second (or committed late by a slow transaction) is still fetched. Records already emitted
 * inside the window are remembered as id → fingerprint and suppressed when they come again; a record
 * changed again within the same second has a new fingerprint and is emitted.
 * The mark advances only over what was emitted (see `maxEmit`), never over what was merely fetched.
 */
import { fingerprint as fingerprintAsset } from '../foundation/json';
import type { FirstRunPolicy } from './firstRun';
import { idKey } from './recordId';
import { instantMs, isoInstant } from '../foundation/dateTime';

export interface SeenRecord {
	fingerprint: string;
	/** The record's updatedAt in epoch ms, to prune entries that fall out of the window. */
	updatedAtMs: number;
}

export interface IncrementalState {
	/** ISO timestamp of the newest emitted record; null before the first emission. */
	highWaterMark: string | null;
	/** Records emitted at or after (mark − overlap). */
	seen: Record<string, SeenRecord>;
}

export interface IncrementalOptions {
	overlapSeconds: number;
}

export interface IncrementalQuery {
	/** Pass as the API's "updated since" filter (inclusive); undefined = pull everything. */
	updatedSince?: string;
	updatedSinceMs?: number;
	reason: string;
}

export interface IncrementalItem<R = unknown> {
	id: unknown;
	updatedAt: unknown;
	record: R;
}

export interface IncrementalEmit<R = unknown> {
	id: string;
	updatedAt: string;
	record: R;
}

export interface AcceptOptions extends IncrementalOptions {
	/** Used when there is no mark yet; default 'emitAll'. */
	firstRun?: FirstRunPolicy;
	/** Emit at most this many (oldest first); the rest are fetched again next time. */
	maxEmit?: number;
}

export interface AcceptResult<R = unknown> {
	emit: Array<IncrementalEmit<R>>;
	nextState: IncrementalState;
	firstRun: boolean;
	counts: {
		/** Same id and fingerprint as already emitted (the overlap at work). */
		duplicates: number;
		/** Older than the window start: handled by an earlier run (the API ignored the filter?). */
		beforeWindow: number;
		withoutId: number;
		/** updatedAt missing or unreadable: cannot be placed on the timeline, not emitted. */
		invalidTimestamp: number;
		/** Left for the next run because of maxEmit. */
		deferred: number;
	};
	reason: string;
}

export function emptyIncrementalState(): IncrementalState {
	return { highWaterMark: null, seen: {} };
}

function overlapMs(options: IncrementalOptions): number {
	const seconds = Number(options.overlapSeconds);
	return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

function markOf(state: IncrementalState | undefined | null): number | undefined {
	return state && typeof state.highWaterMark === 'string' ? instantMs(state.highWaterMark) : undefined;
}

export function incrementalQuery(state: IncrementalState | undefined | null, options: IncrementalOptions): IncrementalQuery {
	const mark = markOf(state);
	if (mark === undefined) return { reason: state?.highWaterMark ? 'unreadable high-water mark: full pull' : 'no high-water mark yet: full pull' };
	const since = mark - overlapMs(options);
	return { updatedSince: isoInstant(since), updatedSinceMs: since, reason: `since the high-water mark ${isoInstant(mark)} minus ${overlapMs(options) / 1000} s overlap` };
}

export function acceptIncremental<R>(
	state: IncrementalState | undefined | null,
	records: Iterable<IncrementalItem<R>>,
	options: AcceptOptions,
): AcceptResult<R> {
	const overlap = overlapMs(options);
	const mark = markOf(state);
	const firstRun = mark === undefined;
	const windowStart = mark === undefined ? -Infinity : mark - overlap;
	const seen: Record<string, SeenRecord> = state && state.seen && typeof state.seen === 'object' ? state.seen : {};
	const counts = { duplicates: 0, beforeWindow: 0, withoutId: 0, invalidTimestamp: 0, deferred: 0 };

	// one candidate per id: the newest version if a pull returns an id twice (pages shifting under edits)
	const candidates = new Map<string, { id: string; ms: number; fingerprint: string; record: R }>();
	for (const item of records) {
		const id = idKey(item?.id);
		if (id === undefined) {
			counts.withoutId++;
			continue;
		}
		const ms = instantMs(item.updatedAt);
		if (ms === undefined) {
			counts.invalidTimestamp++;
			continue;
		}
		if (ms < windowStart) {
			counts.beforeWindow++;
			continue;
		}
		const fingerprint = fingerprintAsset(item.record);
		const known = Object.prototype.hasOwnProperty.call(seen, id) ? seen[id] : undefined;
		if (known && known.fingerprint === fingerprint) {
			counts.duplicates++;
			continue;
		}
		const other = candidates.get(id);
		if (other) {
			counts.duplicates++;
			if (other.ms > ms) continue;
		}
		candidates.set(id, { id, ms, fingerprint, record: item.record });
	}

	const ordered = [...candidates.values()].sort((a, b) => a.ms - b.ms || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const baseline = firstRun && options.firstRun === 'baseline';
	const limit = options.maxEmit !== undefined && options.maxEmit >= 0 ? Math.floor(options.maxEmit) : Infinity;
	// a baseline "emits" (records) everything without sending it anywhere
	const taken = baseline ? ordered : ordered.slice(0, limit);
	counts.deferred = ordered.length - taken.length;

	let nextMark = mark;
	for (const c of taken) if (nextMark === undefined || c.ms > nextMark) nextMark = c.ms;
	const nextSeen: Record<string, SeenRecord> = {};
	if (nextMark !== undefined) {
		const nextWindowStart = nextMark - overlap;
		for (const [id, entry] of Object.entries(seen)) {
			if (entry && typeof entry.updatedAtMs === 'number' && entry.updatedAtMs >= nextWindowStart) nextSeen[id] = entry;
		}
		for (const c of taken) if (c.ms >= nextWindowStart) nextSeen[c.id] = { fingerprint: c.fingerprint, updatedAtMs: c.ms };
	}
	const nextState: IncrementalState = { highWaterMark: nextMark === undefined ? null : isoInstant(nextMark), seen: nextSeen };
	const emit = baseline ? [] : taken.map((c) => ({ id: c.id, updatedAt: isoInstant(c.ms), record: c.record }));
	const reason = baseline
		? `first run: baseline of ${taken.length} record(s) recorded, nothing emitted`
		: `${emit.length} emitted, ${counts.duplicates} duplicate(s) suppressed${counts.deferred ? `, ${counts.deferred} deferred to the next run` : ''}`;
	return { emit, nextState, firstRun, counts, reason };
}

/**
 * created or updated, for the records an incremental pull emitted: on a first run everything is created; with a
 * created-at reader, a record created inside the pulled window and not emitted before is created; any other updated.
 */
export function incrementalChangeKind<R>(
	state: IncrementalState | undefined | null,
	result: AcceptResult<R>,
	options: IncrementalOptions,
	createdAtOf?: (record: R) => unknown,
): (emitted: IncrementalEmit<R>) => 'created' | 'updated' {
	const mark = markOf(state);
	const windowStart = mark === undefined ? undefined : mark - overlapMs(options);
	const seenBefore = state?.seen ?? {};
	return ({ id, record }) => {
		if (result.firstRun) return 'created';
		if (!createdAtOf || windowStart === undefined) return 'updated';
		const createdMs = instantMs(createdAtOf(record));
		return createdMs !== undefined && createdMs >= windowStart && !Object.prototype.hasOwnProperty.call(seenBefore, id) ? 'created' : 'updated';
	};
}

/**
 * The state after a pull that stopped early while results are not sorted by updatedAt: records on pages not
 * fetched may be older than what was emitted, so the mark stays where it was (they are asked for again) and
 * everything emitted is remembered, so it is not emitted twice.
 */
export function heldIncrementalState<R>(state: IncrementalState | undefined | null, result: AcceptResult<R>): IncrementalState {
	const seen = { ...(state?.seen ?? {}) };
	for (const e of result.emit) seen[e.id] = { fingerprint: fingerprintAsset(e.record), updatedAtMs: instantMs(e.updatedAt) ?? 0 };
	return { highWaterMark: state?.highWaterMark ?? null, seen };
}
