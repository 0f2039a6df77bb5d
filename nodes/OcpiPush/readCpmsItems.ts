/**
 * Read CPMS Locations as n8n items: one compact ledger row per Location the CPMS holds for our party,
 * then one read report. It runs once per execution, whatever the number of input items, so every item
 * pairs to input item 0.
 */
import { NodeApiError, type IDataObject, type IExecuteFunctions, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import type { OcpiClient } from '../../core/client';
import { readCpmsLocations, type CpmsLocationsReport } from '../../core/push/readCpmsLocations';
import { configurationError } from './pushItems';
import type { PushSettings } from './readPushSettings';

const FIRST_ITEM = { item: 0 };

/** The last item: `readReport: true` tells it from the rows (a template reads it with `.last()`). */
function reportItem(report: CpmsLocationsReport): INodeExecutionData {
	const { failure, ...rest } = report;
	const json: IDataObject = { readReport: true, ...rest, total: rest.total ?? null };
	if (failure) json.error = failure.message;
	return { json, pairedItem: FIRST_ITEM };
}

export async function readCpmsLocationItems(context: IExecuteFunctions, settings: PushSettings, client: OcpiClient, now: Date): Promise<INodeExecutionData[]> {
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
	const output: INodeExecutionData[] = rows.map((row) => ({ json: { ...row }, pairedItem: FIRST_ITEM }));
	output.push(reportItem(report));
	return output;
}
