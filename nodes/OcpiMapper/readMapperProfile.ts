/**
 * Builds the mapping profile from the node's parameters: the imported JSON, or the editor's fields
 * put together into the same document. Field mapping rows are read raw, so an expression source
 * stays an expression and is evaluated per item by the engine, not once for the whole run.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { MAPPING_PROFILE_FORMAT, parseMappingProfile, type FieldRule, type MappedObject, type MappingProfile } from '../../core/mapping';

export interface MapperSettings {
	profile: MappingProfile;
	outputProfile: boolean;
	/** The user states the input is a complete read of every site (a full export). */
	inputIsComplete: boolean;
}

interface MappingRow {
	target?: string;
	source?: string;
	transform?: string;
	default?: string;
}

interface ValueMapRow {
	map?: string;
	from?: string;
	to?: string;
}

function fieldsFrom(rows: MappingRow[]): Record<MappedObject, Record<string, FieldRule>> {
	const fields: Record<MappedObject, Record<string, FieldRule>> = { location: {}, evse: {}, connector: {} };
	for (const row of rows) {
		const [object, ...rest] = String(row.target ?? '').split('.');
		const rules = fields[object as MappedObject];
		// An unknown target is left for the profile check to report by name.
		const field = rest.join('.');
		const rule: Record<string, unknown> = {};
		if (row.source?.trim()) rule.source = row.source.trim();
		if (row.transform) rule.transform = row.transform;
		if (row.default !== undefined && row.default !== '') rule.default = row.default;
		if (rules) rules[field] = rule as FieldRule;
		else fields.location[String(row.target)] = rule as FieldRule;
	}
	return fields;
}

function valueMapsFrom(rows: ValueMapRow[]): Record<string, Record<string, string>> {
	const maps: Record<string, Record<string, string>> = {};
	for (const row of rows) (maps[row.map ?? 'connectorStandard'] ??= {})[String(row.from ?? '')] = String(row.to ?? '');
	return maps;
}

function profileFromEditor(context: IExecuteFunctions, options: IDataObject): unknown {
	const parameter = (name: string, fallback: unknown = '') => context.getNodeParameter(name, 0, fallback);
	const text = (name: string, fallback = '') => String(parameter(name, fallback)).trim();
	// Raw rows: expressions in Source must reach the engine unevaluated.
	const raw = context.getNode().parameters;
	const mappingRows = ((raw.fieldMappings as IDataObject | undefined)?.mapping ?? []) as MappingRow[];
	const valueRows = ((parameter('valueMapEntries', {}) as IDataObject).entry ?? []) as ValueMapRow[];
	const version = text('ocpiVersion', '2.2.1');
	const evseGroup = text('evseGroupKey');
	const shape = text('shape', 'rows');
	return {
		format: MAPPING_PROFILE_FORMAT,
		name: text('profileName', 'asset-mapping'),
		version: text('profileVersion', '1.0.0'),
		shape,
		keys: {
			locationId: text('locationKey'),
			evseId: text('chargePointKey'),
			connectorId: text('connectorKey'),
			...(evseGroup && text('evseGranularity') === 'outlet' ? { evseGroup } : {}),
		},
		paths: {
			...(typeof options.recordsPath === 'string' && options.recordsPath.trim() ? { records: options.recordsPath.trim() } : {}),
			chargePoints: shape === 'sites' ? text('chargePointsPath', 'chargePoints') : 'chargePoints',
			connectors: shape === 'rows' ? 'connectors' : text('connectorsPath', 'connectors'),
		},
		evseGranularity: text('evseGranularity', 'chargePoint'),
		ocpiVersion: version,
		...(version === '2.2.1' ? { party: { country_code: text('partyCountryCode'), party_id: text('partyId') } } : {}),
		fields: fieldsFrom(mappingRows),
		valueMaps: valueMapsFrom(valueRows),
		units: {
			power: text('powerUnit', 'kW'),
			...(options.decimalSeparator ? { decimalSeparator: options.decimalSeparator } : {}),
		},
		autoMap: options.autoMap !== false,
	};
}

export function readMapperSettings(context: IExecuteFunctions): MapperSettings {
	const mode = context.getNodeParameter('mode', 0) as string;
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const source = mode === 'profile' ? context.getNodeParameter('profileJson', 0) : profileFromEditor(context, options);
	const parsed = parseMappingProfile(source);
	if (!parsed.ok) {
		const where = mode === 'profile' ? 'Check Mapping Profile (JSON).' : 'Check the keys, field mappings and value maps.';
		throw new NodeOperationError(context.getNode(), `The mapping cannot be used: ${parsed.reason}`, { description: where });
	}
	return { profile: parsed.profile, outputProfile: options.outputProfile === true, inputIsComplete: options.inputIsComplete === true };
}
