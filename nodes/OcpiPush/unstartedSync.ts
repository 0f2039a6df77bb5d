/**
 * Sync Locations that cannot even start (a wrong option, a credential without a token) while the node continues on
 * error and outputs ledger rows: n8n would pass the input through unchanged, and a template upserting the rows would
 * record nothing and report nothing. Instead each Location comes out as its keyed ledger row, state failed with the
 * error (its stored row's fingerprint and dates kept), as when the CPMS cannot be discovered.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedBeforeDiscovery } from '../../core/push/runLocationSync';
import { readCpmsCredential } from './cpmsCredential';
import { summaryItem } from './pushItems';
import { syncOutputItems } from './syncItems';
import { readSyncParameters, type PushOutput, type SyncOptions } from './syncOptions';

async function ourParty(context: IExecuteFunctions): Promise<{ country_code: string; party_id: string }> {
	try {
		const credential = readCpmsCredential(await context.getCredentials('ocpiCpmsApi'));
		if (!('problem' in credential)) return credential.party;
	} catch {
		// no credential: Locations without their own country_code and party_id get no key
	}
	return { country_code: '', party_id: '' };
}

/** The rows to output instead of the error, or undefined when the error must stand (no continue-on-fail, another Output). */
export async function unstartedSyncItems(context: IExecuteFunctions, error: unknown): Promise<INodeExecutionData[] | undefined> {
	if (!context.continueOnFail()) return undefined;
	let read: { sync: SyncOptions; output: PushOutput; addSummaryItem: boolean };
	try {
		if (context.getNodeParameter('operation', 0) !== 'syncLocations') return undefined;
		const options = context.getNodeParameter('options', 0, {}) as IDataObject;
		// read as a started Sync reads them; an option that is itself wrong reads as its default
		read = { ...readSyncParameters(context, options), addSummaryItem: options.addSummaryItem === true };
	} catch {
		// the options themselves cannot be read (an expression that fails): the error stands
		return undefined;
	}
	const { sync, output, addSummaryItem } = read;
	if (output === 'everyLocation') return undefined;
	const message = error instanceof Error ? error.message : String(error);
	const outcomes = failedBeforeDiscovery(
		context.getInputData().map((item) => item.json),
		{ ...sync, party: await ourParty(context), now: new Date(), ledgerRowsWanted: true, dryRun: false, concurrency: 1, stopAtFirstFailure: false },
		{ message: `The Push could not start: ${message}` },
	);
	context.addExecutionHints({ message: `Nothing was sent to the CPMS: ${message}`, type: 'warning', location: 'outputPane' });
	const items = syncOutputItems(context, output, outcomes);
	if (addSummaryItem || output === 'problemsAndSummary') items.push(summaryItem(outcomes, false, { mode: sync.cpmsRead }));
	return items;
}
