/** Shapes an inspection into the item an operator reads in the Valid or Invalid output. */
import { isRecord } from '../../core/foundation/json';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Inspection } from '../../core/validation/inspect';
import type { NetworkCompleteness } from '../../core/validation/networkCompleteness';

/** The id an operator recognises: a Location's id, an EVSE's uid, a Connector's id. */
function objectIdOf(value: unknown): string | undefined {
	if (!isRecord(value)) return undefined;
	const record = value;
	const id = record.id ?? record.uid;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

export function validItem(inspection: Inspection, itemIndex: number, setObject: (object: IDataObject) => IDataObject): INodeExecutionData {
	const object = {
		...(inspection.object as IDataObject),
		_validation: {
			valid: true,
			changes: inspection.changes,
			warnings: inspection.warnings,
			...(inspection.completeness ? { completeness: inspection.completeness } : {}),
		},
	} as IDataObject;
	return { json: setObject(object), pairedItem: { item: itemIndex } };
}

export function invalidItem(inspection: Inspection, received: unknown, itemIndex: number): INodeExecutionData {
	const json = {
		valid: false,
		objectId: objectIdOf(received),
		summary: inspection.summary,
		errorCount: inspection.errors.length,
		issues: inspection.errors,
		warnings: inspection.warnings,
		changes: inspection.changes,
		...(inspection.completeness ? { completeness: inspection.completeness } : {}),
		object: received,
	} as unknown as IDataObject;
	return { json, pairedItem: { item: itemIndex } };
}

/**
 * The network's completeness goes on every item of the run (valid and invalid), so the operator reads
 * "92 % AFIR-complete: 14 Locations lack opening_times" wherever they look before pushing.
 */
export function addNetworkCompleteness(outputs: INodeExecutionData[][], network: NetworkCompleteness | undefined): void {
	if (!network) return;
	for (const output of outputs) for (const item of output) item.json.networkCompleteness = network as unknown as IDataObject;
}
