/** Turns the node's parameters for one item into core inspection options; a wrong setting throws. */
import { NodeOperationError, type IExecuteFunctions, type IDataObject } from 'n8n-workflow';
import type { EnrichmentOptions, EvseIdNormalisation } from '../../core/enrichment/enrich';
import type { ReferenceTables } from '../../core/enrichment/referenceTables';
import { isOcpiVersion, OCPI_OBJECT_KINDS, type OcpiObjectKind } from '../../core/ocpi/version';
import type { InspectionOptions } from '../../core/validation/inspect';
import { RULE_PROFILES, type RuleProfile } from '../../core/validation/ruleProfile';

const EVSE_ID_MODES: readonly EvseIdNormalisation[] = ['off', 'strict', 'lenient'];

export interface ValidatorSettings {
	inspection: InspectionOptions;
	objectField: string;
}

function fail(context: IExecuteFunctions, itemIndex: number, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { itemIndex, description });
}

function readEnrichment(context: IExecuteFunctions, itemIndex: number, now: Date, tables: ReferenceTables): EnrichmentOptions {
	const enrichment = context.getNodeParameter('enrichment', itemIndex, {}) as IDataObject;
	const evseId = (enrichment.evseId ?? 'off') as EvseIdNormalisation;
	if (!EVSE_ID_MODES.includes(evseId)) fail(context, itemIndex, `Unknown EVSE ID normalisation '${evseId}'`);
	const options: EnrichmentOptions = {
		defaults: enrichment.defaults === true,
		countryCodes: enrichment.countryCodes === true,
		timeZone: enrichment.timeZone === true,
		coordinates: enrichment.coordinates === true,
		evseId,
		now,
	};
	const source = enrichment.referenceData;
	if (source !== undefined && source !== '') {
		const keyField = String(enrichment.referenceKeyField ?? 'id').trim() || 'id';
		const table = tables.parse(source, keyField);
		if (!table.ok) {
			fail(context, itemIndex, `The reference data cannot be used: ${table.reason}`, 'Check Enrichment → Reference Data (JSON).');
		}
		options.referenceData = { keyField, rows: table.rows, overwrite: enrichment.referenceOverwrite === true };
	}
	return options;
}

/** `tables` lives for one execution: Reference Data is parsed once, not once per item. */
export function readValidatorOptions(context: IExecuteFunctions, itemIndex: number, now: Date, tables: ReferenceTables): ValidatorSettings {
	const version = context.getNodeParameter('ocpiVersion', itemIndex) as string;
	if (!isOcpiVersion(version)) fail(context, itemIndex, `Unsupported OCPI version '${version}'`, 'Choose 2.3.0, 2.2.1 or 2.1.1.');
	const kind = context.getNodeParameter('objectKind', itemIndex) as OcpiObjectKind;
	if (!OCPI_OBJECT_KINDS.includes(kind)) fail(context, itemIndex, `Unknown object type '${kind}'`);
	const profile = context.getNodeParameter('ruleProfile', itemIndex) as RuleProfile;
	if (!RULE_PROFILES.includes(profile)) fail(context, itemIndex, `Unknown rule profile '${profile}'`);
	const objectField = String(context.getNodeParameter('objectField', itemIndex, '')).trim();
	return {
		inspection: { version, kind, profile, enrichment: readEnrichment(context, itemIndex, now, tables) },
		objectField,
	};
}
