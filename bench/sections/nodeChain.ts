/**
 * What the Mapper, Validator and Push nodes do with one batch of items, in the order and with the core calls
 * of their execute() (nodes/OcpiMapper, nodes/OcpiValidator, nodes/OcpiPush/syncItems.ts), with the settings
 * the full-sync template gives them. Only n8n's execution around the nodes (parameter reads, item copies
 * between nodes) is left out; the bench's validator-reference section measures the Validator inside n8n-core.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { mapAssets, type MappingProfile } from '../../core/mapping';
import { runLocationSync, type LocationSyncRun, type LocationSyncSettings } from '../../core/push/runLocationSync';
import type { PushAction } from '../../core/push/syncOutcome';
import { inspectOcpiObject, type InspectionOptions } from '../../core/validation/inspect';
import { networkCompleteness } from '../../core/validation/networkCompleteness';
import type { ObjectCompleteness } from '../../core/validation/profileRules';
import { duplicateLocationIds, withRunIssue } from '../../core/validation/runLocationIds';
import { locationItem } from '../../nodes/OcpiMapper/mappingItems';
import { outcomeItem } from '../../nodes/OcpiPush/pushItems';
import { addNetworkCompleteness, validItem } from '../../nodes/OcpiValidator/inspectionItems';
import { heldCpmsClient } from './heldCpms';
import { ENRICHMENT } from './validation';

export const NOW = new Date('2025-06-01T00:00:00Z');

/** The full-sync template's Validator: spec profile, every enrichment on, EVSE ID normalisation strict. */
export const TEMPLATE_INSPECTION: InspectionOptions = { version: '2.2.1', kind: 'location', profile: 'spec', enrichment: { ...ENRICHMENT, evseId: 'strict', now: NOW } };

/** The full-sync template's Push with CPMS Read = Bulk: node defaults otherwise (Output: every Location). */
export const TEMPLATE_SYNC: LocationSyncSettings = {
	removedEvsePolicy: 'markRemoved',
	dryRun: false,
	party: { country_code: 'DE', party_id: 'ABC' },
	now: NOW,
	assumeCompleteWithoutMark: false,
	staleness: { mode: 'skipOlder', toleranceSeconds: 5, cpmsStamps: 'kept' },
	cpmsRead: 'bulk',
	ledgerRows: [],
	verifyEveryDays: 7,
	ledgerRowsWanted: false,
	concurrency: 4,
	stopAtFirstFailure: false,
};

/** OcpiMapper.execute: one mapAssets call over the batch; one item per Location. */
export function mapperNode(rows: readonly object[], profile: MappingProfile): INodeExecutionData[] {
	return mapAssets(rows as IDataObject[], profile, { now: NOW, inputIsComplete: false }).locations.map(locationItem);
}

/** OcpiValidator.execute: ids compared across the run, each item inspected, the valid ones carry `_validation`. */
export function validatorNode(items: readonly INodeExecutionData[], options: InspectionOptions = TEMPLATE_INSPECTION): { valid: INodeExecutionData[]; invalid: number } {
	const runIssues = duplicateLocationIds(items.map((item) => item.json));
	const scores: Array<ObjectCompleteness | undefined> = [];
	const valid: INodeExecutionData[] = [];
	let invalid = 0;
	items.forEach((item, itemIndex) => {
		const inspection = withRunIssue(inspectOcpiObject(item.json, options), runIssues.get(itemIndex));
		scores.push(inspection.completeness);
		if (inspection.valid) valid.push(validItem(inspection, itemIndex, (object) => object));
		else invalid++;
	});
	addNetworkCompleteness([valid], networkCompleteness(scores, options.kind));
	return { valid, invalid };
}

/** OcpiPush Sync Locations: the core sync sequence against a CPMS holding `held`, then one output item per Location. */
export async function pushNode(items: readonly INodeExecutionData[], held: readonly unknown[], settings: LocationSyncSettings = TEMPLATE_SYNC): Promise<{ run: LocationSyncRun; output: INodeExecutionData[] }> {
	const run = await runLocationSync(
		heldCpmsClient(held),
		items.map((item) => item.json),
		settings,
	);
	const output = run.outcomes.map((outcome, itemIndex) => outcomeItem(outcome!, itemIndex));
	return { run, output };
}

export function countActions(run: LocationSyncRun, into: Partial<Record<PushAction, number>>): void {
	for (const outcome of run.outcomes) {
		const action = outcome?.action ?? 'failed';
		into[action] = (into[action] ?? 0) + 1;
	}
}
