/**
 * Emitting whole groups (e.g. every charger of a site) instead of only the changed records of a snapshot diff.
 * Why: the next nodes build one object per group (the OCPI Mapper builds a Location from all chargers of a
 * site) and the CPMS Push treats that object as complete, marking EVSEs missing from it REMOVED. Emitting only
 * the changed charger of a three-charger site would make the Push remove the two others.
 *
 * Rules: every current record of a group with a created, updated or removed member is emitted; records
 * emitted only for their group are 'unchanged'. A removed id whose group still has records is not emitted:
 * the group coming without it says it is gone. A removed id whose whole group is gone is emitted as removed
 * with the group value. A hard-deleted record's group is only known from the last poll, hence the id → group
 * state. Records without a group value are emitted on their own, as without grouping.
 * On an incomplete pull a changed group with a known member that was not fetched is held back (its changes are
 * not recorded, so they come again), because emitting part of a group would make the Push remove the rest.
 */
import { idKey } from './recordId';
import type { SnapshotDiff, SnapshotItem, SnapshotState } from './snapshotDiff';

/** id → group value (as text), kept next to the snapshot fingerprints. */
export type GroupState = Record<string, string>;

export type GroupedChange = 'created' | 'updated' | 'unchanged' | 'removed';

export interface GroupedItem<R = unknown> {
	id: string;
	change: GroupedChange;
	/** Absent for removed ids (the state keeps no records). */
	record?: R;
	/** Only on removed ids whose group is known: the group they belonged to. */
	group?: string;
}

export interface GroupExpansionOptions<R> {
	/** Reads a record's group value; strings and finite numbers count, anything else is "no group". */
	groupOf: (record: R) => unknown;
	/** The same flag the diff got: true only if the pull saw every record. */
	complete: boolean;
	/** The fingerprints the diff started from, to give held-back records their old fingerprint back. */
	previousState?: SnapshotState | null;
	/** id → group saved by the last poll; undefined for an older state (removed ids then come as plain removed items). */
	previousGroups?: GroupState | null;
}

export interface GroupExpansion<R = unknown> {
	items: Array<GroupedItem<R>>;
	/** The diff's next state, minus the changes of held-back groups. */
	nextState: SnapshotState;
	nextGroups: GroupState;
	counts: {
		/** Current records without a group value (emitted on their own when they change). */
		withoutGroup: number;
		/** Records emitted only because a member of their group changed. */
		unchanged: number;
		/** Removed ids expressed by their group being emitted without them. */
		removedWithinGroup: number;
		/** Groups not emitted because the incomplete pull missed a known member. */
		heldBackGroups: number;
	};
}

const has = (object: object, key: string) => Object.prototype.hasOwnProperty.call(object, key);

export function expandGroups<R>(
	diff: Pick<SnapshotDiff<R>, 'created' | 'updated' | 'removed' | 'nextState'>,
	current: Iterable<SnapshotItem<R>>,
	options: GroupExpansionOptions<R>,
): GroupExpansion<R> {
	const before = options.previousGroups ?? undefined;
	const groupBefore = (id: string) => (before && has(before, id) ? before[id] : undefined);
	// first occurrence per id, as the diff counts it
	const records = new Map<string, { record: R; group: string | undefined }>();
	const groupsNow = new Set<string>();
	let withoutGroup = 0;
	for (const item of current) {
		const id = idKey(item?.id);
		if (id === undefined || records.has(id)) continue;
		const group = idKey(options.groupOf(item.record));
		records.set(id, { record: item.record, group });
		if (group === undefined) withoutGroup++;
		else groupsNow.add(group);
	}

	const changes = new Map<string, 'created' | 'updated'>();
	for (const c of diff.created) changes.set(c.id, 'created');
	for (const c of diff.updated) changes.set(c.id, 'updated');

	const changedGroups = new Set<string>();
	for (const id of changes.keys()) {
		const group = records.get(id)?.group;
		if (group !== undefined) changedGroups.add(group);
		// a record moved to another group: its old group lost a member
		const old = groupBefore(id);
		if (old !== undefined && old !== group && groupsNow.has(old)) changedGroups.add(old);
	}
	const removedItems: Array<GroupedItem<R>> = [];
	let removedWithinGroup = 0;
	for (const id of diff.removed) {
		const group = groupBefore(id);
		if (group === undefined) removedItems.push({ id, change: 'removed' });
		else if (groupsNow.has(group)) {
			changedGroups.add(group);
			removedWithinGroup++;
		} else removedItems.push({ id, change: 'removed', group });
	}

	const heldBack = options.complete || !before ? new Set<string>() : groupsMissingMembers(changedGroups, before, records);
	const nextState = { ...diff.nextState };
	const nextGroups = groupsFor(nextState, records, options.complete ? undefined : before);
	for (const [id, change] of changes) {
		const group = records.get(id)?.group;
		if (group === undefined || !heldBack.has(group)) continue;
		// not recorded: the next poll sees the change again
		const old = options.previousState && has(options.previousState, id) ? options.previousState[id] : undefined;
		if (change === 'created' || old === undefined) {
			delete nextState[id];
			delete nextGroups[id];
		} else {
			nextState[id] = old;
			const oldGroup = groupBefore(id);
			if (oldGroup !== undefined) nextGroups[id] = oldGroup;
			else delete nextGroups[id];
		}
	}

	const items: Array<GroupedItem<R>> = [];
	let unchanged = 0;
	for (const [id, { record, group }] of records) {
		const change = changes.get(id);
		if (group === undefined) {
			if (change) items.push({ id, change, record });
		} else if (changedGroups.has(group) && !heldBack.has(group)) {
			if (!change) unchanged++;
			items.push({ id, change: change ?? 'unchanged', record });
		}
	}
	items.push(...removedItems);
	return { items, nextState, nextGroups, counts: { withoutGroup, unchanged, removedWithinGroup, heldBackGroups: heldBack.size } };
}

/** Changed groups of which a member known from the last poll is not in this pull. */
function groupsMissingMembers(changed: Set<string>, before: GroupState, records: Map<string, unknown>): Set<string> {
	const missing = new Set<string>();
	for (const [id, group] of Object.entries(before)) if (changed.has(group) && !records.has(id)) missing.add(group);
	return missing;
}

/** id → group for every id of the next state: from this pull, else (incomplete pull) as remembered. */
function groupsFor(state: SnapshotState, records: Map<string, { group: string | undefined }>, kept: GroupState | undefined): GroupState {
	const groups: GroupState = {};
	for (const id of Object.keys(state)) {
		const seen = records.get(id);
		if (seen) {
			if (seen.group !== undefined) groups[id] = seen.group;
		} else if (kept && has(kept, id)) groups[id] = kept[id];
	}
	return groups;
}
