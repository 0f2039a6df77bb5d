/**
 * Turns a profile into what the engine runs: value maps built once, the party checked, every field
 * compiled into a reader (explicit source, else auto-mapped from the data's own field names).
 * A profile that cannot be used at all throws MappingSetupError with a message a user can act on.
 */
import { toCountryAlpha2 } from './transforms/country';
import { CONNECTOR_STANDARD_PRESET } from './transforms/connectorStandard';
import { STATUS_PRESET } from './transforms/status';
import { createValueMap } from './transforms/valueMap';
import { autoSource, type KnownKeys } from './autoMapping';
import { fieldsFor } from './fieldCatalogue';
import { compileField, labelOf, type CompiledField, type MappingContext } from './fieldMapping';
import { compileIdTemplate, DEFAULT_CONNECTOR_ID, LEGACY_EVSE_UID, SUGGESTED_EVSE_UID, type IdTemplate } from './idTemplates';
import { levelRewriter } from './levelExpressions';
import { MAPPED_OBJECTS, type MappedObject, type MappingProfile } from './profile';
import type { ConnectorRecord, Scope } from './shapes';
import { levelReader } from './levelReaders';
import { isBlank } from './transforms/result';

export class MappingSetupError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'MappingSetupError';
	}
}

export interface LabelledField extends CompiledField {
	label: string;
}

export type KeyReader = (record: ConnectorRecord) => unknown;

export interface CompiledMapping {
	profile: MappingProfile;
	ids: { evseUid: IdTemplate; connectorId: IdTemplate };
	context: MappingContext;
	fields: Record<MappedObject, Map<string, LabelledField>>;
	keys: { location: KeyReader; evse: KeyReader; connector: KeyReader; evseGroup?: KeyReader };
	party?: { country_code: string; party_id: string };
}

/** Levels each object reads from, innermost first; levels that are the same object appear once. */
export function scopesOf(profile: MappingProfile): Record<MappedObject, Scope[]> {
	if (profile.shape === 'rows') return { location: ['outlet'], evse: ['outlet'], connector: ['outlet'] };
	if (profile.shape === 'chargePoints') {
		// with one EVSE per outlet, an EVSE field (evse_id) may sit on the outlet, as it does for sites
		const evse: Scope[] = profile.evseGranularity === 'outlet' ? ['outlet', 'chargePoint'] : ['chargePoint'];
		return { location: ['chargePoint'], evse, connector: ['outlet', 'chargePoint'] };
	}
	const evse: Scope[] = profile.evseGranularity === 'outlet' ? ['outlet', 'chargePoint', 'site'] : ['chargePoint', 'site'];
	return { location: ['site'], evse, connector: ['outlet', 'chargePoint', 'site'] };
}

function keyReader(path: string, scopes: readonly Scope[]): KeyReader {
	return levelReader([path], scopes);
}

function checkParty(profile: MappingProfile): CompiledMapping['party'] {
	if (profile.ocpiVersion === '2.1.1') return undefined;
	const party = profile.party;
	if (!party || isBlank(party.country_code) || isBlank(party.party_id)) {
		throw new MappingSetupError(
			"the party's country_code and party_id are not set: OCPI 2.2.1 Locations carry them (e.g. DE and ABC, as in your OCPI credentials)",
		);
	}
	const country = toCountryAlpha2(party.country_code, "the party's country_code");
	if (!country.ok) throw new MappingSetupError(country.reason);
	const partyId = party.party_id.trim().toUpperCase();
	if (!/^[A-Z0-9]{3}$/.test(partyId)) {
		throw new MappingSetupError(`the party_id '${party.party_id}' is not three letters or digits: use the party id of your OCPI credentials, e.g. ABC`);
	}
	return { country_code: country.value, party_id: partyId };
}

function template(text: string, what: string): IdTemplate {
	const compiled = compileIdTemplate(text, what);
	if (!compiled.ok) throw new MappingSetupError(compiled.reason);
	return compiled.value;
}

function compileIds(profile: MappingProfile): CompiledMapping['ids'] {
	const evseUid = template(profile.ids?.evseUid ?? LEGACY_EVSE_UID[profile.evseGranularity], 'EVSE uid');
	const connectorId = template(profile.ids?.connectorId ?? DEFAULT_CONNECTOR_ID, 'connector id');
	if (profile.evseGranularity === 'chargePoint' && evseUid.usesBay) {
		throw new MappingSetupError(
			`the EVSE uid template '${evseUid.template}' names {bay} or {connector}, but each charge point is one EVSE: choose One EVSE per Outlet to split charge points, or use {chargePoint}`,
		);
	}
	if (profile.evseGranularity === 'outlet' && !evseUid.usesBay) {
		throw new MappingSetupError(
			`the EVSE uid template '${evseUid.template}' names no {bay}: with one EVSE per outlet the EVSEs of a charge point would get the same uid; use ${SUGGESTED_EVSE_UID}`,
		);
	}
	if (!connectorId.template.includes('{connector}')) {
		throw new MappingSetupError(`the connector id template '${connectorId.template}' names no {connector}: connectors of one EVSE would get the same id; use {connector}`);
	}
	return { evseUid, connectorId };
}

export function compileMapping(
	profile: MappingProfile,
	known: KnownKeys,
	evaluate?: MappingContext['evaluate'],
): CompiledMapping {
	const connectorMap = createValueMap(CONNECTOR_STANDARD_PRESET, profile.valueMaps.connectorStandard ?? {});
	if (!connectorMap.ok) throw new MappingSetupError(`connector value map: ${connectorMap.reason}`);
	const statusMap = createValueMap(STATUS_PRESET, profile.valueMaps.status ?? {});
	if (!statusMap.ok) throw new MappingSetupError(`status value map: ${statusMap.reason}`);
	const context: MappingContext = {
		version: profile.ocpiVersion,
		connectorMap: connectorMap.value,
		statusMap: statusMap.value,
		powerUnit: profile.units.power,
		decimalSeparator: profile.units.decimalSeparator,
		evaluate,
		rewrite: levelRewriter(profile),
	};
	const scopes = scopesOf(profile);
	const taken = new Set([profile.keys.locationId, profile.keys.evseId, profile.keys.connectorId, profile.keys.evseGroup ?? '']);
	const fields = {} as CompiledMapping['fields'];
	for (const object of MAPPED_OBJECTS) {
		const specs = fieldsFor(object, profile.ocpiVersion);
		const fillable = new Set(specs.map((spec) => spec.field));
		for (const field of Object.keys(profile.fields[object])) {
			if (!fillable.has(field)) {
				throw new MappingSetupError(
					`the ${object} field '${field}' is not one the Mapper fills in OCPI ${profile.ocpiVersion}: use one of ${[...fillable].join(', ')}`,
				);
			}
		}
		const compiled = new Map<string, LabelledField>();
		for (const spec of specs) {
			const rule = profile.fields[object][spec.field];
			const auto = profile.autoMap && !rule?.source ? autoSource(spec, scopes[object], known, taken) : undefined;
			const field = compileField(spec, rule, auto, scopes[object], context);
			compiled.set(spec.field, { ...field, label: labelOf(field, object) });
		}
		fields[object] = compiled;
	}
	// The charge point key is never read from an outlet, unless (flat rows) the outlet is the whole record.
	const chargePointScopes = scopes.evse.filter((scope) => scope !== 'outlet');
	const keys: CompiledMapping['keys'] = {
		location: keyReader(profile.keys.locationId, scopes.location),
		evse: keyReader(profile.keys.evseId, chargePointScopes.length > 0 ? chargePointScopes : ['outlet']),
		connector: keyReader(profile.keys.connectorId, scopes.connector),
		evseGroup: profile.keys.evseGroup ? keyReader(profile.keys.evseGroup, scopes.connector) : undefined,
	};
	return { profile, ids: compileIds(profile), context, fields, keys, party: checkParty(profile) };
}
