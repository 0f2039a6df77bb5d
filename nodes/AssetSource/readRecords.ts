/**
 * The Asset Source node's operations: read every record, or every record of the groups the items name, each
 * distinct group once. Every record out carries `_read` (core/assetSource/readMark.ts): complete or not, and
 * why. A read that fails entirely is an error for the items that asked for it, never an empty success.
 */
import { NodeApiError, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type IPairedItemData } from 'n8n-workflow';
import { addToGroup, fieldValues, groupOfRecord, planGroups, readMark, recordPath, recordsOfGroup, type GroupPlan, type ReadPagesResult } from '../../core/assetSource';
import { getAssetRecord, readAssetList } from '../shared/assetSourceHttp';
import type { SourceSettings } from './readSourceSettings';

export interface Failure {
	error: Error;
	about?: string;
}

export interface SourceOutcome {
	items: INodeExecutionData[];
	/** Input item index → why it produced no records, and what it asked for (its group or record id). */
	failures: Map<number, Failure>;
}

function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value).trim();
}

async function readList(context: IExecuteFunctions, settings: SourceSettings, baseUrl: string, query: Record<string, string>): Promise<ReadPagesResult> {
	return await readAssetList(context, {
		baseUrl,
		path: settings.path,
		query: { ...settings.query, ...query },
		recordsPath: settings.recordsPath,
		pagination: settings.pagination,
		onLaterPageError: 'stop',
	});
}

function marked(records: Array<Record<string, unknown>>, mark: object, pairedItem: IPairedItemData[]): INodeExecutionData[] {
	return records.map((record) => ({ json: { ...record, _read: { ...mark } }, pairedItem }));
}

/** One read of the whole list, paired with every input item. */
export async function readAllRecords(context: IExecuteFunctions, settings: SourceSettings, baseUrl: string, inputCount: number): Promise<SourceOutcome> {
	const readAtMs = Date.now();
	const paired = Array.from({ length: inputCount }, (_, item) => ({ item }));
	try {
		const result = await readList(context, settings, baseUrl, {});
		if (!result.complete) context.logger.warn(`Asset Source: the read of all records is incomplete (${result.reason})`);
		const mark = readMark('all', result, readAtMs);
		if (settings.valuesOf !== '') {
			const { values, missing } = fieldValues(result.records, settings.valuesOf);
			return { items: [{ json: { field: settings.valuesOf, values, missing, _read: mark }, pairedItem: paired }], failures: new Map() };
		}
		return { items: marked(result.records, mark, paired), failures: new Map() };
	} catch (error) {
		return { items: [], failures: new Map(paired.map(({ item }) => [item, { error: error as Error }])) };
	}
}

/** Items without a group: fetch each distinct record once and put the item into its record's group. */
async function lookUpGroups(context: IExecuteFunctions, settings: SourceSettings, baseUrl: string, plan: GroupPlan, failures: Map<number, Failure>): Promise<void> {
	const found = new Map<string, string | Error>();
	for (const { index, assetId } of plan.lookups) {
		if (!found.has(assetId)) {
			try {
				const record = await getAssetRecord(context, baseUrl, recordPath(settings.recordPath, assetId));
				const group = record ? groupOfRecord(record, settings.groupField) : undefined;
				found.set(
					assetId,
					group ??
						new NodeOperationError(context.getNode(), record ? `Record ${assetId} has no value in '${settings.groupField}'` : `Record ${assetId} was not found and its item names no group`, {
							description: record ? 'Check Group Field.' : 'A deleted record\'s group is only known from its event: map it into Group.',
							itemIndex: index,
						}),
				);
			} catch (error) {
				// recordPath refuses ids a URL cannot hold with a plain Error: that is the item's problem
				found.set(assetId, error instanceof NodeOperationError || error instanceof NodeApiError ? error : new NodeOperationError(context.getNode(), (error as Error).message, { itemIndex: index }));
			}
		}
		const group = found.get(assetId) as string | Error;
		if (typeof group === 'string') addToGroup(plan, group, index);
		else failures.set(index, { error: group, about: assetId });
	}
}

/** Each distinct group the items name (directly, or through their record) read once, paired with those items. */
export async function readGroups(context: IExecuteFunctions, settings: SourceSettings, baseUrl: string, inputCount: number): Promise<SourceOutcome> {
	const byRecord = settings.operation === 'readGroupsOfRecords';
	const requests = Array.from({ length: inputCount }, (_, index) => ({
		group: text(context.getNodeParameter('groupValue', index, '')),
		assetId: byRecord ? text(context.getNodeParameter('assetId', index, '')) : undefined,
	}));
	const plan = planGroups(requests);
	const failures = new Map<number, Failure>();
	for (const index of plan.unusable) {
		failures.set(index, { error: new NodeOperationError(context.getNode(), byRecord ? 'The item names neither a group nor a record ID' : 'The item names no group', { itemIndex: index }) });
	}
	if (byRecord) await lookUpGroups(context, settings, baseUrl, plan, failures);

	const items: INodeExecutionData[] = [];
	for (const [group, indexes] of plan.groups) {
		const readAtMs = Date.now();
		let result: ReadPagesResult;
		try {
			result = await readList(context, settings, baseUrl, { [settings.groupParam]: group });
		} catch (error) {
			for (const index of indexes) failures.set(index, { error: error as Error, about: group });
			continue;
		}
		if (!result.complete) context.logger.warn(`Asset Source: the read of group ${group} is incomplete (${result.reason})`);
		const records = recordsOfGroup(result.records, settings.groupField, group);
		items.push(...marked(records, readMark('group', result, readAtMs, group, records.length), indexes.map((item) => ({ item }))));
	}
	return { items, failures };
}
