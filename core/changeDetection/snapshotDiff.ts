/**
 * Change detection by comparing a full (or partial) pull with the fingerprints kept from the last run.
 * State is one short hash per id. Removals are only reported after a complete pull: an id missing from
 * a pull that stopped early (page cap, error) may simply not have been fetched.
 */
import { fingerprint as fingerprintAsset } from '../foundation/json';
import type { FirstRunPolicy } from './firstRun';
import { idKey } from './recordId';

/** id → fingerprint, exactly what goes into the node's static data. */
export type SnapshotState = Record<string, string>;

export interface SnapshotItem<R = unknown> {
	id: unknown;
	record: R;
}

export interface SnapshotChange<R = unknown> {
	id: string;
	record: R;
}

export interface SnapshotDiffOptions {
	/** True only if the pull saw every record (last page reached, no page cap, no error). */
	complete: boolean;
	/** Used when `previous` is undefined (first run); default 'emitAll'. */
	firstRun?: FirstRunPolicy;
}

export interface SnapshotDiff<R = unknown> {
	created: Array<SnapshotChange<R>>;
	updated: Array<SnapshotChange<R>>;
	/** Ids gone since the last run; always empty unless the pull was complete. */
	removed: string[];
	nextState: SnapshotState;
	firstRun: boolean;
	/** Records without a usable id (not tracked, not emitted). */
	withoutId: number;
	/** Ids seen more than once in this pull; the first occurrence counts. */
	duplicateIds: string[];
	/** Why removals were or were not computed; for the node's log/hints. */
	reason: string;
}

export function diffSnapshot<R>(
	previous: SnapshotState | undefined | null,
	current: Iterable<SnapshotItem<R>>,
	options: SnapshotDiffOptions,
): SnapshotDiff<R> {
	const firstRun = previous === undefined || previous === null;
	const baseline = firstRun && options.firstRun === 'baseline';
	const before: SnapshotState = previous ?? {};
	const seen: SnapshotState = {};
	const created: Array<SnapshotChange<R>> = [];
	const updated: Array<SnapshotChange<R>> = [];
	const duplicateIds = new Set<string>();
	let withoutId = 0;

	for (const item of current) {
		const id = idKey(item?.id);
		if (id === undefined) {
			withoutId++;
			continue;
		}
		if (Object.prototype.hasOwnProperty.call(seen, id)) {
			duplicateIds.add(id);
			continue;
		}
		const fingerprint = fingerprintAsset(item.record);
		seen[id] = fingerprint;
		if (baseline) continue;
		const known = Object.prototype.hasOwnProperty.call(before, id) ? before[id] : undefined;
		if (known === undefined) created.push({ id, record: item.record });
		else if (known !== fingerprint) updated.push({ id, record: item.record });
	}

	const removed: string[] = [];
	let nextState: SnapshotState;
	let reason: string;
	if (options.complete) {
		for (const id of Object.keys(before)) if (!Object.prototype.hasOwnProperty.call(seen, id)) removed.push(id);
		nextState = seen;
		reason = baseline ? 'first run: baseline recorded, nothing emitted' : 'complete pull: removals detected';
	} else {
		// keep what was not seen: it may still exist on a page that was not fetched
		nextState = { ...before, ...seen };
		reason = baseline ? 'first run: baseline recorded from an incomplete pull, nothing emitted' : 'incomplete pull: removals not detected';
	}
	if (baseline) removed.length = 0;
	return { created, updated, removed, nextState, firstRun, withoutId, duplicateIds: [...duplicateIds], reason };
}
