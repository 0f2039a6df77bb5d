/**
 * Sync Locations that cannot even start (a wrong option, a credential without a token) while the node continues on
 * error and outputs ledger rows: n8n would pass the input through unchanged, and a template upserting the rows would
 * record nothing and report nothing. Instead each Location comes out as its keyed ledger row, state failed with the
 * error (its stored row's fingerprint and dates kept), as when the CPMS cannot be discovered.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { failedBeforeDiscovery } from '../../core/push/runLocationSync';
import { OCPI_VERSIONS, type OcpiVersion } from '../../core/ocpi/version';
import { readCpmsCredential } from './cpmsCredential';
import { summaryItem } from './pushItems';
import { syncOutputItems } from './syncItems';

/** A rows option as far as it can be read: an array, or JSON text of one; anything else gives no rows. */
function rowsIn(value: unknown): unknown[] | undefined {
	if (Array.isArray(value)) return value;
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	try {
		const parsed = JSON.parse(value) as unknown;
		return Array.isArray(parsed) ? parsed : undefined;
	} catch {
		return undefined;
	}
}

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
	let options: IDataObject;
	try {
		if (context.getNodeParameter('operation', 0) !== 'syncLocations') return undefined;
		options = context.getNodeParameter('options', 0, {}) as IDataObject;
	} catch {
		// the options themselves cannot be read (an expression that fails): the error stands
		return undefined;
	}
	const output = options.output;
	if (output !== 'ledgerRows' && output !== 'problemsAndSummary') return undefined;
	const cpmsRead = context.getNodeParameter('cpmsRead', 0, 'perObject') === 'ledger' ? 'ledger' : 'perObject';
	const pinned = typeof options.cpmsVersion === 'string' ? options.cpmsVersion.trim() : '';
	const message = error instanceof Error ? error.message : String(error);
	const now = new Date();
	const outcomes = failedBeforeDiscovery(
		context.getInputData().map((item) => item.json),
		{
			cpmsRead,
			ledgerRows: rowsIn(options.ledgerRows) ?? [],
			storedLedgerRows: rowsIn(options.storedLedgerRows),
			cpmsVersion: (OCPI_VERSIONS as readonly string[]).includes(pinned) ? (pinned as OcpiVersion) : undefined,
			verifyEveryDays: typeof options.verifyEveryDays === 'number' ? options.verifyEveryDays : 7,
			party: await ourParty(context),
			now,
			ledgerRowsWanted: true,
			// what follows is not used for rows of Locations that were not synced
			removedEvsePolicy: 'markRemoved',
			dryRun: false,
			assumeCompleteWithoutMark: false,
			staleness: { mode: 'skipOlder', toleranceSeconds: 5, cpmsStamps: 'kept' },
			concurrency: 1,
			stopAtFirstFailure: false,
		},
		{ message: `The Push could not start: ${message}` },
	);
	context.addExecutionHints({ message: `Nothing was sent to the CPMS: ${message}`, type: 'warning', location: 'outputPane' });
	const items = syncOutputItems(context, output, outcomes);
	if (options.addSummaryItem === true || output === 'problemsAndSummary') items.push(summaryItem(outcomes, false, { mode: cpmsRead }));
	return items;
}
