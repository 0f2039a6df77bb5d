/**
 * Core change detection → trigger items and the next state. Items are the record's own fields plus
 * `change` (created | updated | removed) and `assetId`; a removed record is `{ assetId, change }` only
 * (snapshot state keeps a fingerprint, not the record).
 * The state is what the core functions keep (incremental: high-water mark + ids seen in the overlap window;
 * snapshot: one short fingerprint per id), tagged with the detection it belongs to.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import {
	acceptIncremental,
	diffSnapshot,
	fingerprintAsset,
	idKey,
	incrementalQuery,
	timestampMs,
	type IncrementalState,
	type SnapshotState,
} from '../../core/changeDetection';
import { compilePath } from '../../core/mapping/sourcePath';
import type { PollSettings } from './readPollSettings';

export type Change = 'created' | 'updated' | 'removed';

export type PollerState = { mode: 'incremental'; state: IncrementalState } | { mode: 'snapshot'; state: SnapshotState };

export const STATE_KEY = 'assetSource';

export function changeItem(record: Record<string, unknown> | undefined, assetId: string, change: Change): INodeExecutionData {
	return { json: { ...(record ?? {}), change, assetId } as IDataObject };
}

/** The state saved for this detection kind, or undefined (first run, or the detection was switched). */
export function previousState(staticData: IDataObject, settings: PollSettings): PollerState | undefined {
	const saved = staticData[STATE_KEY] as PollerState | undefined;
	return saved && typeof saved === 'object' && saved.mode === settings.changeDetection && saved.state && typeof saved.state === 'object' ? saved : undefined;
}

/** Extra query parameters for the pull (incremental: updated since the mark minus the overlap). */
export function pullQuery(previous: PollerState | undefined, settings: PollSettings): Record<string, string> {
	if (settings.changeDetection !== 'incremental') return {};
	const query = incrementalQuery(previous?.mode === 'incremental' ? previous.state : undefined, { overlapSeconds: settings.overlapSeconds });
	return query.updatedSince ? { [settings.updatedSinceParam]: query.updatedSince } : {};
}

export interface Detected {
	items: INodeExecutionData[];
	next: PollerState;
}

export function detectChanges(previous: PollerState | undefined, records: Array<Record<string, unknown>>, complete: boolean, settings: PollSettings): Detected {
	const idOf = compilePath(settings.idField);
	if (settings.changeDetection === 'snapshot') {
		const diff = diffSnapshot(previous?.mode === 'snapshot' ? previous.state : undefined, records.map((record) => ({ id: idOf(record), record })), {
			complete,
			firstRun: settings.firstRun,
		});
		const items = [
			...diff.created.map((c) => changeItem(c.record, c.id, 'created')),
			...diff.updated.map((c) => changeItem(c.record, c.id, 'updated')),
			...diff.removed.map((id) => changeItem(undefined, id, 'removed')),
		];
		return { items, next: { mode: 'snapshot', state: diff.nextState } };
	}

	const before = previous?.mode === 'incremental' ? previous.state : undefined;
	const updatedAtOf = compilePath(settings.updatedAtField);
	const result = acceptIncremental(before, records.map((record) => ({ id: idOf(record), updatedAt: updatedAtOf(record), record })), {
		overlapSeconds: settings.overlapSeconds,
		firstRun: settings.firstRun,
	});
	const mark = before?.highWaterMark ? timestampMs(before.highWaterMark) : undefined;
	const windowStart = mark === undefined ? undefined : mark - settings.overlapSeconds * 1000;
	const createdAtOf = settings.createdAtField ? compilePath(settings.createdAtField) : undefined;
	const seenBefore = before?.seen ?? {};
	const kind = (id: string, record: Record<string, unknown>): Change => {
		if (result.firstRun) return 'created';
		if (!createdAtOf || windowStart === undefined) return 'updated';
		const createdMs = timestampMs(createdAtOf(record));
		// new to us: created inside the pulled window and not emitted before
		return createdMs !== undefined && createdMs >= windowStart && !Object.prototype.hasOwnProperty.call(seenBefore, id) ? 'created' : 'updated';
	};
	const items = result.emit.map((e) => changeItem(e.record, e.id, kind(e.id, e.record)));
	let next: IncrementalState = result.nextState;
	const baseline = result.firstRun && settings.firstRun === 'baseline';
	if (!complete && !settings.sortedByUpdatedAt && !baseline) {
		// Records on pages not fetched may be older than what was emitted: keep the mark where it was (so they
		// are asked for again) and remember everything emitted so it is not emitted twice.
		const seen = { ...seenBefore };
		for (const e of result.emit) seen[e.id] = { fingerprint: fingerprintAsset(e.record), updatedAtMs: timestampMs(e.updatedAt) ?? 0 };
		next = { highWaterMark: before?.highWaterMark ?? null, seen };
	}
	return { items, next: { mode: 'incremental', state: next } };
}

/** Manual runs: the first page as 'created' items, state untouched. */
export function sampleItems(records: Array<Record<string, unknown>>, settings: PollSettings): INodeExecutionData[] {
	const idOf = compilePath(settings.idField);
	return records.map((record) => changeItem(record, idKey(idOf(record)) ?? '', 'created'));
}
