/**
 * Core change detection → trigger items and the next state. Items are the record's own fields plus
 * `change` (created | updated | deleted, `removed` in node version 1) and `assetId`; a deleted record is `{ assetId, change }` only
 * (snapshot state keeps a fingerprint, not the record).
 * The state is what the core functions keep (incremental: high-water mark + ids seen in the overlap window;
 * snapshot: one short fingerprint per id), tagged with the detection it belongs to. With Emit Whole Group on
 * Change the snapshot state also keeps id → group (and the field it was read from), because a hard-deleted
 * record's group can only be known from the last poll; a state without it still loads.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import {
	acceptIncremental,
	heldIncrementalState,
	incrementalChangeKind,
	changedRecordsMark,
	diffSnapshot,
	expandGroups,
	groupMark,
	idKey,
	incrementalQuery,
	type GroupState,
	type IncrementalState,
	type PullSummary,
	type SnapshotDiff,
	type SnapshotState,
} from '../../core/changeDetection';
import { compilePath } from '../../core/foundation/path';
import type { SourceReadMark } from '../../core/ocpi/completeness';
import type { PollSettings } from './readPollSettings';

/** 'unchanged': emitted only because another record of its group changed (Emit Whole Group on Change). */
export type Change = 'created' | 'updated' | 'unchanged' | 'removed';

/** Snapshot `groups`/`groupBy`: only while Emit Whole Group on Change is on. */
export type SnapshotPollerState = { mode: 'snapshot'; state: SnapshotState; groups?: GroupState; groupBy?: string };

export type PollerState = { mode: 'incremental'; state: IncrementalState } | SnapshotPollerState;

export const STATE_KEY = 'assetSource';

/** `read`: whether the item's group was read whole (`_read`, see core/changeDetection/readMarks). */
export function changeItem(record: Record<string, unknown> | undefined, assetId: string, change: Change, read?: SourceReadMark, group?: string): INodeExecutionData {
	const json = { ...(record ?? {}), change, assetId, ...(group === undefined ? {} : { group }), ...(read ? { _read: read } : {}) };
	return { json: json as unknown as IDataObject };
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
	/** Snapshot with groups: current records that have no group value (worth a log line). */
	withoutGroup?: number;
}

export function detectChanges(previous: PollerState | undefined, records: Array<Record<string, unknown>>, pull: PullSummary, settings: PollSettings): Detected {
	const idOf = compilePath(settings.idField);
	const { complete } = pull;
	if (settings.changeDetection === 'snapshot') {
		const before = previous?.mode === 'snapshot' ? previous : undefined;
		const current = records.map((record) => ({ id: idOf(record), record }));
		const diff = diffSnapshot(before?.state, current, { complete, firstRun: settings.firstRun });
		if (settings.groupBy) return wholeGroups(before, diff, current, pull, settings.groupBy);
		const read = changedRecordsMark('snapshot', pull);
		const items = [
			...diff.created.map((c) => changeItem(c.record, c.id, 'created', read)),
			...diff.updated.map((c) => changeItem(c.record, c.id, 'updated', read)),
			...diff.removed.map((id) => changeItem(undefined, id, 'removed', read)),
		];
		return { items, next: { mode: 'snapshot', state: diff.nextState } };
	}

	return incrementalChanges(previous, records, pull, settings);
}

function wholeGroups(
	before: SnapshotPollerState | undefined,
	diff: SnapshotDiff<Record<string, unknown>>,
	current: Array<{ id: unknown; record: Record<string, unknown> }>,
	pull: PullSummary,
	groupBy: string,
): Detected {
	// groups saved from another field would name the wrong groups: treat the state as one without groups
	const previousGroups = before?.groupBy === groupBy && before.groups && typeof before.groups === 'object' ? before.groups : undefined;
	const groupOf = compilePath(groupBy);
	const expanded = expandGroups(diff, current, { groupOf, complete: pull.complete, previousState: before?.state, previousGroups });
	return {
		items: expanded.items.map((i) => {
			const group = i.record === undefined ? i.group : idKey(groupOf(i.record));
			return changeItem(i.record, i.id, i.change, groupMark(i.change, group, pull), i.group);
		}),
		next: { mode: 'snapshot', state: expanded.nextState, groups: expanded.nextGroups, groupBy },
		withoutGroup: expanded.counts.withoutGroup,
	};
}

function incrementalChanges(previous: PollerState | undefined, records: Array<Record<string, unknown>>, pull: PullSummary, settings: PollSettings): Detected {
	const { complete } = pull;
	const idOf = compilePath(settings.idField);
	const before = previous?.mode === 'incremental' ? previous.state : undefined;
	const updatedAtOf = compilePath(settings.updatedAtField);
	const result = acceptIncremental(before, records.map((record) => ({ id: idOf(record), updatedAt: updatedAtOf(record), record })), {
		overlapSeconds: settings.overlapSeconds,
		firstRun: settings.firstRun,
	});
	const createdAtOf = settings.createdAtField ? compilePath(settings.createdAtField) : undefined;
	const kind = incrementalChangeKind(before, result, { overlapSeconds: settings.overlapSeconds }, createdAtOf);
	const read = changedRecordsMark('incremental', pull);
	const items = result.emit.map((e) => changeItem(e.record, e.id, kind(e), read));
	const baseline = result.firstRun && settings.firstRun === 'baseline';
	// unsorted results of an incomplete pull: the mark stays (see core/changeDetection/incremental)
	const next: IncrementalState = !complete && !settings.sortedByUpdatedAt && !baseline ? heldIncrementalState(before, result) : result.nextState;
	return { items, next: { mode: 'incremental', state: next } };
}

/**
 * The word for a record gone from the asset system: `deleted` from node version 2 (as the webhook trigger
 * says), `removed` in version 1, so saved workflows that branch on it keep working. The state and the core
 * keep `removed`; only the emitted items are named.
 */
export function goneWordOf(typeVersion: number): 'deleted' | 'removed' {
	return typeVersion >= 2 ? 'deleted' : 'removed';
}

export function nameGoneRecords(items: INodeExecutionData[], word: 'deleted' | 'removed'): INodeExecutionData[] {
	if (word === 'removed') return items;
	return items.map((item) => (item.json.change === 'removed' ? { ...item, json: { ...item.json, change: word } } : item));
}

/** Manual runs: the first page as 'created' items, state untouched. */
export function sampleItems(records: Array<Record<string, unknown>>, settings: PollSettings): INodeExecutionData[] {
	const idOf = compilePath(settings.idField);
	return records.map((record) => changeItem(record, idKey(idOf(record)) ?? '', 'created'));
}
