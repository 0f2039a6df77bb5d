/**
 * Read CPMS Locations as n8n items: one compact ledger row per Location the CPMS holds for our party (or,
 * with Row Format "One Item With All Fingerprints", one item mapping every key to its fingerprint), then one
 * read report. It runs once per execution, whatever the number of input items, so every item pairs to input item 0.
 */
import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import type { OcpiClient } from '../../core/client';
import { readCpmsLocations, type CpmsLocationsReport } from '../../core/push/readCpmsLocations';
import { toOcpiDateTime } from '../../core/sync/timestamps';
import { configurationError } from './pushItems';
import type { LedgerRow } from '../../core/sync/ledger';
import type { PushSettings } from './readPushSettings';

const FIRST_ITEM = { item: 0 };

/** The last item: `readReport: true` tells it from the rows (a template reads it with `.last()`). */
function reportItem(report: CpmsLocationsReport): INodeExecutionData {
	const { failure, ...rest } = report;
	const json: IDataObject = { readReport: true, ...rest, total: rest.total ?? null };
	if (failure) json.error = failure.message;
	return { json, pairedItem: FIRST_ITEM };
}

type RowFormat = 'itemPerLocation' | 'fingerprints';

function rowFormat(context: IExecuteFunctions): RowFormat {
	const format = context.getNodeParameter('options.rowFormat', 0, 'itemPerLocation');
	if (format === 'itemPerLocation' || format === 'fingerprints') return format;
	throw new NodeOperationError(context.getNode(), `Row Format '${String(format)}' is not known`, { description: 'Choose One Item per Location or One Item With All Fingerprints.' });
}

/**
 * Every row of one read is in_sync, verified at the read's time: only key and fingerprint differ, so one object
 * of them (not an n8n item per Location, each copied and proxied by the nodes that read it) says the same.
 */
function fingerprintsItem(rows: LedgerRow[], verified: string): INodeExecutionData {
	const fingerprints: IDataObject = {};
	for (const row of rows) fingerprints[row.location_id] = row.fingerprint;
	return { json: { fingerprints, last_verified: verified }, pairedItem: FIRST_ITEM };
}

export async function readCpmsLocationItems(context: IExecuteFunctions, settings: PushSettings, client: OcpiClient, now: Date): Promise<INodeExecutionData[]> {
	const format = rowFormat(context);
	const { rows, report } = await readCpmsLocations(client, { party: settings.party, now });
	if (report.failure && !context.continueOnFail()) {
		const { message, statusCode, statusMessage, httpStatus } = report.failure;
		if (report.failure.configuration) throw configurationError(context.getNode(), `Read CPMS Locations: ${message}`, 0);
		const response: JsonObject = { message, status_code: statusCode ?? null, status_message: statusMessage ?? null, httpStatus: httpStatus ?? null };
		const error = new NodeApiError(context.getNode(), response, { message: `Read CPMS Locations: ${message}`, httpCode: httpStatus !== undefined ? String(httpStatus) : undefined, itemIndex: 0 });
		// n8n swaps a message naming ECONNREFUSED & co. for a generic one: keep ours
		error.message = `Read CPMS Locations: ${message}`;
		throw error;
	}
	if (!report.complete) {
		context.addExecutionHints({ message: `The CPMS read is not complete (${report.reason}): a Location without a row is not known to be absent`, type: 'warning', location: 'outputPane' });
	}
	const output: INodeExecutionData[] =
		format === 'fingerprints' ? (report.failure ? [] : [fingerprintsItem(rows, rows[0]?.last_verified ?? toOcpiDateTime(now))]) : rows.map((row) => ({ json: { ...row }, pairedItem: FIRST_ITEM }));
	output.push(reportItem(report));
	return output;
}
