/**
 * Builds the mapping profile from the node's parameters: the imported JSON, or the editor's fields
 * put together into the same document. Field mapping rows are read raw, so an expression source
 * stays an expression and is evaluated per item by the engine, not once for the whole run.
 */
import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import { DEFAULT_CONNECTOR_ID, MAPPING_PROFILE_FORMAT, parseMappingProfile, SUGGESTED_EVSE_UID, type FieldRule, type MappedObject, type MappingProfile } from '../../core/mapping';
import { hasPartyFields, isOcpiVersion } from '../../core/ocpi/version';

export interface MapperSettings {
	profile: MappingProfile;
	outputProfile: boolean;
	coveragePreview: boolean;
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

/** `={{ $json.siteRef.id }}`, what n8n writes when a field is dragged from the input, as the path 'siteRef.id'. */
const DRAGGED_FIELD = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\d+\]|\[(?:"[^"]*"|'[^']*')\])+)\s*\}\}$/;

export function draggedPath(raw: unknown): string | undefined {
	const match = typeof raw === 'string' ? DRAGGED_FIELD.exec(raw.trim()) : null;
	if (!match) return undefined;
	return match[1]
		.replace(/\[(?:"([^"]*)"|'([^']*)')\]/g, (_, double?: string, single?: string) => `.${double ?? single}`)
		.replace(/^\./, '');
}

function fieldsFrom(rows: MappingRow[], readsDragged: boolean): Record<MappedObject, Record<string, FieldRule>> {
	const fields: Record<MappedObject, Record<string, FieldRule>> = { location: {}, evse: {}, connector: {} };
	for (const row of rows) {
		const [object, ...rest] = String(row.target ?? '').split('.');
		const rules = fields[object as MappedObject];
		// An unknown target is left for the profile check to report by name.
		const field = rest.join('.');
		const rule: Record<string, unknown> = {};
		// Version 2: a field dragged from the input is read on the row's own level (the outlet for connector rows), not from the whole item.
		const source = row.source?.trim() ? ((readsDragged ? draggedPath(row.source) : undefined) ?? row.source.trim()) : undefined;
		if (source) rule.source = source;
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
	const version = context.getNode().typeVersion;
	// A key field dragged from the input names the field, not the value of item 0.
	const key = (name: string) => draggedPath(raw[name]) ?? text(name);
	// Version 2 keeps profile name, version and power unit in Options.
	const setting = (name: string, fallback: string) => (version >= 2 ? String(options[name] ?? fallback).trim() || fallback : text(name, fallback));
	const mappingRows = ((raw.fieldMappings as IDataObject | undefined)?.mapping ?? []) as MappingRow[];
	const valueRows = ((parameter('valueMapEntries', {}) as IDataObject).entry ?? []) as ValueMapRow[];
	const ocpiVersion = text('ocpiVersion', '2.2.1');
	const evseGroup = key('evseGroupKey');
	const shape = text('shape', 'rows');
	const granularity = text('evseGranularity', 'chargePoint');
	return {
		format: MAPPING_PROFILE_FORMAT,
		name: setting('profileName', 'asset-mapping'),
		version: setting('profileVersion', '1.0.0'),
		shape,
		keys: {
			locationId: key('locationKey'),
			evseId: key('chargePointKey'),
			connectorId: key('connectorKey'),
			...(evseGroup && granularity === 'outlet' ? { evseGroup } : {}),
		},
		// Version 1 writes no templates: its uids stay those of earlier releases.
		...(version >= 2 ? { ids: idTemplatesFrom(context, granularity, options) } : {}),
		paths: {
			...(typeof options.recordsPath === 'string' && options.recordsPath.trim() ? { records: options.recordsPath.trim() } : {}),
			chargePoints: shape === 'sites' ? text('chargePointsPath', 'chargePoints') : 'chargePoints',
			connectors: shape === 'rows' ? 'connectors' : text('connectorsPath', 'connectors'),
		},
		evseGranularity: granularity,
		ocpiVersion,
		...(isOcpiVersion(ocpiVersion) && hasPartyFields(ocpiVersion) ? { party: { country_code: text('partyCountryCode'), party_id: text('partyId') } } : {}),
		fields: fieldsFrom(mappingRows, version >= 2),
		valueMaps: valueMapsFrom(valueRows),
		units: {
			power: setting('powerUnit', 'kW'),
			...(options.decimalSeparator ? { decimalSeparator: options.decimalSeparator } : {}),
		},
		autoMap: options.autoMap !== false,
	};
}

function idTemplatesFrom(context: IExecuteFunctions, granularity: string, options: IDataObject): IDataObject {
	const connectorId = String(options.connectorIdTemplate ?? '').trim() || DEFAULT_CONNECTOR_ID;
	if (granularity !== 'outlet') return { connectorId };
	const choice = String(context.getNodeParameter('evseUid', 0, SUGGESTED_EVSE_UID));
	const evseUid = choice === 'custom' ? String(context.getNodeParameter('evseUidTemplate', 0, SUGGESTED_EVSE_UID)).trim() : choice;
	return { evseUid, connectorId };
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
	return {
		profile: parsed.profile,
		outputProfile: options.outputProfile === true,
		coveragePreview: options.coveragePreview === true,
		inputIsComplete: options.inputIsComplete === true,
	};
}
