/**
 * Which groups to read for a batch of input items (e.g. the sites of the chargers named by webhook events):
 * each distinct group once, remembering which input items asked for it, and which items first need their
 * record fetched to learn their group. No I/O here.
 */
import { compilePath } from '../foundation/path';
import { idKey } from '../changeDetection/recordId';

export interface GroupRequest {
	/** The group value the input item carries (e.g. its event's site_id); empty when unknown. */
	group?: unknown;
	/** The record's id, used to look the group up when the item does not carry it. */
	assetId?: unknown;
}

export interface GroupPlan {
	/** group value → indexes of the input items that asked for it, in input order. */
	groups: Map<string, number[]>;
	/** Input items that carry no group: their record must be fetched first. */
	lookups: Array<{ index: number; assetId: string }>;
	/** Input items with neither a group nor an id. */
	unusable: number[];
}

export function planGroups(requests: GroupRequest[]): GroupPlan {
	const plan: GroupPlan = { groups: new Map(), lookups: [], unusable: [] };
	requests.forEach((request, index) => {
		const group = idKey(request.group);
		if (group !== undefined) return addToGroup(plan, group, index);
		const assetId = idKey(request.assetId);
		if (assetId !== undefined) plan.lookups.push({ index, assetId });
		else plan.unusable.push(index);
	});
	return plan;
}

export function addToGroup(plan: GroupPlan, group: string, index: number): void {
	const indexes = plan.groups.get(group) ?? [];
	indexes.push(index);
	plan.groups.set(group, indexes);
}

/**
 * The records of a group read that really belong to it: an API that ignores the filter parameter returns
 * every record, and the group must not pick up other groups' records.
 */
export function recordsOfGroup(records: Array<Record<string, unknown>>, groupField: string, group: string): Array<Record<string, unknown>> {
	const groupOf = compilePath(groupField);
	return records.filter((record) => idKey(groupOf(record)) === group);
}

export function groupOfRecord(record: Record<string, unknown>, groupField: string): string | undefined {
	return idKey(compilePath(groupField)(record));
}
