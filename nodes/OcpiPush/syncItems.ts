/** Sync Locations as n8n items: the core sequence runs, the Output option decides what each Location becomes. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import type { OcpiClient } from '../../core/client';
import { runLocationSync, type LocationSyncRun } from '../../core/push/runLocationSync';
import type { PushOutcome } from '../../core/push/syncOutcome';
import { failedItem, outcomeError, outcomeItem, summaryItem } from './pushItems';
import type { PushSettings } from './readPushSettings';
import type { PushOutput } from './syncOptions';

const PROBLEMS = new Set(['failed', 'partial', 'stale']);

/**
 * One compact line per Location: the ledger columns, ledger_write (insert / update / none: whether the stored
 * ledger needs this row; routing only, not a column), what happened and how much was sent.
 */
function ledgerRowItem(outcome: PushOutcome, itemIndex: number): INodeExecutionData {
	// core keys every Location with ids (a failed discovery too); only one without a usable id has no row
	const row = outcome.ledger ?? { location_id: outcome.locationId, fingerprint: '', state: 'failed', reason: outcome.failure?.message ?? '', last_pushed: '', last_verified: '' };
	const json: IDataObject = {
		...row,
		// a Location that failed before it had a ledger key (no id, refused conversion) has no row to store
		ledger_write: outcome.ledgerWrite ?? 'none',
		action: outcome.action,
		read: outcome.read ?? null,
		requests: outcome.requests.filter((request) => !request.skipped).length,
		changes: outcome.changes.length,
	};
	if (outcome.failure) {
		json.error = outcome.failure.message;
		json.statusCode = outcome.failure.statusCode ?? null;
	}
	return { json, pairedItem: { item: itemIndex } };
}

/** The items of the Output option; the summary item, when asked for, comes after them. */
export function syncOutputItems(context: IExecuteFunctions, output: PushOutput, outcomes: PushOutcome[]): INodeExecutionData[] {
	switch (output) {
		case 'ledgerRows':
			return outcomes.map(ledgerRowItem);
		case 'problemsAndSummary':
			return outcomes.flatMap((outcome, itemIndex) => (PROBLEMS.has(outcome.action) ? [ledgerRowItem(outcome, itemIndex)] : []));
		default:
			return outcomes.map((outcome, itemIndex) => (outcome.action === 'failed' ? failedItem(context.getNode(), outcome, itemIndex) : outcomeItem(outcome, itemIndex)));
	}
}

export async function syncLocationItems(context: IExecuteFunctions, settings: PushSettings, client: OcpiClient, items: INodeExecutionData[], now: Date): Promise<INodeExecutionData[]> {
	const continueOnFail = context.continueOnFail();
	const run: LocationSyncRun = await runLocationSync(
		client,
		items.map((item) => item.json),
		{
			...settings.sync,
			dryRun: settings.dryRun,
			party: settings.party,
			now,
			concurrency: settings.concurrency,
			stopAtFirstFailure: !continueOnFail,
			ledgerRowsWanted: settings.sync.cpmsRead === 'ledger' || settings.output !== 'everyLocation',
		},
	);
	if (run.read.notice) context.addExecutionHints({ message: run.read.notice, type: 'warning', location: 'outputPane' });
	if (run.firstFailure !== undefined && !continueOnFail) throw outcomeError(context.getNode(), run.outcomes[run.firstFailure]!, run.firstFailure);
	// every Location was started (no stop without a failure), so every outcome is there
	const outcomes = run.outcomes as PushOutcome[];
	const output = syncOutputItems(context, settings.output, outcomes);
	if (settings.addSummaryItem || settings.output === 'problemsAndSummary') output.push(summaryItem(outcomes, settings.dryRun, run.read));
	return output;
}
