/**
 * What to emit again for pending deliveries that are due (see pendingDeliveries.ts).
 * Incremental entries carry the record they were emitted with: a later pull will not bring it again.
 * Snapshot entries carry none: every pull holds every record, so the change is derived again from this pull
 * (the current record; removed when a complete pull no longer has it; with groups, the whole current group).
 * Absence is not evidence: what an incomplete pull did not bring is held back, not reported removed.
 * Ids this poll emits anyway (detected anew, with their latest record) are not emitted twice.
 */
import type { DeliveryChange, EmittedChange, PendingDelivery } from './pendingDeliveries';

export interface CurrentRecord<R> {
	record: R;
	/** Its group value (Emit Whole Group on Change), as the group expansion reads it. */
	group?: string;
}

export interface RedeliveryOptions<R> {
	due: Array<[string, PendingDelivery]>;
	/** Snapshot: this pull's records by id. Undefined for incremental (entries carry their records). */
	current?: ReadonlyMap<string, CurrentRecord<R>>;
	/** True only if the pull saw every record. */
	complete: boolean;
	/** Snapshot with groups: id → group as the next state remembers it, to see a group member the pull missed. */
	knownGroups?: Readonly<Record<string, string>>;
	/** Ids emitted anyway by this poll. */
	emitted: ReadonlySet<string>;
}

export interface RedeliveryItem<R> {
	id: string;
	change: DeliveryChange;
	record?: R;
	/** Only on removed items of a group that is gone. */
	group?: string;
}

export interface Redelivery<R> {
	items: Array<RedeliveryItem<R>>;
	/**
	 * Due entries carried by this poll's emission without an item of their own (their id is emitted anyway, or
	 * a record removed from a group that is emitted without it): they wait for this emission's run.
	 */
	carried: EmittedChange[];
	/** Due ids not emitted now because the pull was incomplete; they stay pending as they are. */
	heldBack: string[];
}

/** A change as it is emitted again while its record exists. */
function presentChange(change: DeliveryChange): DeliveryChange {
	return change === 'removed' ? 'created' : change;
}

export function redeliveries<R>(options: RedeliveryOptions<R>): Redelivery<R> {
	const result: Redelivery<R> = { items: [], carried: [], heldBack: [] };
	const byGroup = new Map<string, Array<[string, PendingDelivery]>>();
	for (const [id, entry] of options.due) {
		if (options.emitted.has(id)) continue; // the fresh emission supersedes it
		if (!options.current) {
			if (entry.record) result.items.push({ id, change: entry.change, record: entry.record as R });
			else result.heldBack.push(id);
		} else if (options.knownGroups && entry.group !== undefined) {
			byGroup.set(entry.group, [...(byGroup.get(entry.group) ?? []), [id, entry]]);
		} else {
			redeliverOne(id, entry, options.current, options.complete, result);
		}
	}
	const { current, knownGroups } = options;
	if (current && knownGroups) for (const [group, entries] of byGroup) redeliverGroup(group, entries, { ...options, current, knownGroups }, result);
	return result;
}

function redeliverOne<R>(id: string, entry: PendingDelivery, current: ReadonlyMap<string, CurrentRecord<R>>, complete: boolean, result: Redelivery<R>): void {
	const now = current.get(id);
	if (now) result.items.push({ id, change: entry.change === 'unchanged' ? 'updated' : presentChange(entry.change), record: now.record });
	else if (complete) result.items.push({ id, change: 'removed' });
	else result.heldBack.push(id);
}

function redeliverGroup<R>(
	group: string,
	entries: Array<[string, PendingDelivery]>,
	options: RedeliveryOptions<R> & { current: ReadonlyMap<string, CurrentRecord<R>>; knownGroups: Readonly<Record<string, string>> },
	result: Redelivery<R>,
): void {
	const members = [...options.current].filter(([, c]) => c.group === group);
	// the fresh emission already carries this group as it is now
	if (members.some(([id]) => options.emitted.has(id))) {
		result.carried.push(...entries.map(([id, entry]) => carriedEntry(id, entry)));
		return;
	}
	const missingMember = Object.entries(options.knownGroups).some(([id, known]) => known === group && !options.current.has(id));
	// part of a group would make the Push remove the rest; a group not seen at all may exist on an unread page
	if (!options.complete && (missingMember || members.length === 0)) {
		result.heldBack.push(...entries.map(([id]) => id));
		return;
	}
	const pending = new Map(entries);
	if (members.length === 0) {
		for (const [id] of entries) result.items.push({ id, change: 'removed', group });
		return;
	}
	for (const [id, { record }] of members) {
		const change = pending.get(id)?.change;
		result.items.push({ id, change: change === undefined || change === 'unchanged' ? 'unchanged' : presentChange(change), record });
	}
	// a record removed from a group that still has others is expressed by the group coming without it
	for (const [id, entry] of entries) if (!options.current.has(id)) result.carried.push(carriedEntry(id, entry));
}

function carriedEntry(id: string, entry: PendingDelivery): EmittedChange {
	return {
		id,
		change: entry.change,
		...(entry.group === undefined ? {} : { group: entry.group }),
		...(entry.record === undefined ? {} : { record: entry.record }),
		...(entry.failed ? {} : { unanswered: true }),
	};
}
