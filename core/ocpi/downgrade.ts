/**
 * Converts a 2.3.0 Location down to 2.2.1 for a CPMS that speaks no 2.3.0, and reports per Location exactly
 * what was lost or changed: nothing is cut silently.
 *
 * - fields 2.2.1 does not have (parking_places, help_phone, EVSE parking and accepted_service_providers,
 *   connector capabilities) are removed;
 * - text longer than 2.2.1 allows (address 255 → 45, state 45 → 20) is cut;
 * - values 2.2.1's closed enumerations lack are replaced by their 2.2.1 stand-in (SAE_J3400 → TESLA_S),
 *   or removed from optional lists (facilities, capabilities, parking_restrictions …);
 * - a value in a required field that 2.2.1 cannot express (connector standard MCS, an unlisted OpenEnum value)
 *   refuses the Location: dropping the connector or EVSE instead would read as a removal at the CPMS.
 *
 * A 2.2.1 Location passes unchanged (a 2.2.1 Location is valid 2.3.0 too). Metadata fields (`_…`) ride along.
 */
import { isRecord } from './fields';
import { TEXT_LIMITS } from './limits';
import { isMetadataKey } from './metadata';
import * as v221 from './v221/enums';
import type { OcpiVersion } from './version';

export type LossKind = 'removed' | 'cut' | 'changed';

export interface Loss {
	/** Path in the Location, e.g. `evses[0].connectors[1].standard`. */
	path: string;
	kind: LossKind;
	from: unknown;
	/** The value sent instead (cut or changed); absent when removed. */
	to?: unknown;
	reason: string;
}

export interface Downgrade {
	from: OcpiVersion;
	to: OcpiVersion;
	/** The Location as it can be sent; absent when it cannot be sent at all (see refused). */
	location?: Record<string, unknown>;
	losses: Loss[];
	/** Why the Location cannot be expressed in the target version, when it cannot. */
	refused?: string;
}

type Json = Record<string, unknown>;

const TO = '2.2.1';
const LIMITS = TEXT_LIMITS[TO];
/** 2.3.0 values with a close 2.2.1 relative. */
const STAND_INS: Record<string, string> = { SAE_J3400: 'TESLA_S' };

const setOf = (values: readonly string[]): ReadonlySet<string> => new Set(values);
/** 2.2.1's values, as sets: every Location bound for a 2.2.1 CPMS is looked over (its connector standards among 40 types). */
const V221 = {
	connectorTypes: setOf(v221.CONNECTOR_TYPES),
	capabilities: setOf(v221.CAPABILITIES),
	parkingRestrictions: setOf(v221.PARKING_RESTRICTIONS),
	parkingTypes: setOf(v221.PARKING_TYPES),
	facilities: setOf(v221.FACILITIES),
	imageCategories: setOf(v221.IMAGE_CATEGORIES),
	environmentalImpactCategories: setOf(v221.ENVIRONMENTAL_IMPACT_CATEGORIES),
	tokenTypes: setOf(v221.TOKEN_TYPES),
} as const;

const ONLY_230 = {
	location: ['parking_places', 'help_phone'],
	evse: ['parking', 'accepted_service_providers'],
	connector: ['capabilities'],
} as const;

/**
 * Whether every text in the list (or every entry's `field`, when given) is one of `allowed`: the look pass asks for
 * every list of every Location, and most lose nothing. Loops, not every() with a closure per list.
 */
function allListed(list: readonly unknown[], allowed: ReadonlySet<string>, field?: string): boolean {
	for (let i = 0; i < list.length; i++) {
		const entry = list[i];
		const value = field === undefined ? entry : isRecord(entry) ? entry[field] : undefined;
		if (typeof value === 'string' && !allowed.has(value)) return false;
	}
	return true;
}

const BUSINESS_DETAILS = ['operator', 'suboperator', 'owner'] as const;

class Converter {
	readonly losses: Loss[] = [];
	refused?: string;

	/** write false: only list the losses, touching nothing (most Locations lose nothing and need no copy). */
	constructor(private readonly write: boolean) {}

	removeFields(object: Json, keys: readonly string[], prefix: string): void {
		for (const key of keys) {
			if (!(key in object)) continue;
			this.losses.push({ path: `${prefix}${key}`, kind: 'removed', from: object[key], reason: `OCPI ${TO} has no ${key}` });
			if (this.write) delete object[key];
		}
	}

	cut(object: Json, key: string, max: number | undefined, prefix: string): void {
		const value = object[key];
		if (typeof value !== 'string') return;
		if (max === undefined) {
			this.removeFields(object, [key], prefix);
			return;
		}
		if (value.length <= max) return;
		const to = value.slice(0, max);
		if (this.write) object[key] = to;
		this.losses.push({ path: `${prefix}${key}`, kind: 'cut', from: value, to, reason: `OCPI ${TO} allows at most ${max} characters in ${key}` });
	}

	/** A required enumerated field: stand-in, or the Location cannot be sent. */
	requiredValue(object: Json, key: string, allowed: ReadonlySet<string>, prefix: string): void {
		const value = object[key];
		if (typeof value !== 'string' || allowed.has(value)) return;
		const standIn = STAND_INS[value];
		if (standIn && allowed.has(standIn)) {
			if (this.write) object[key] = standIn;
			this.losses.push({ path: `${prefix}${key}`, kind: 'changed', from: value, to: standIn, reason: `OCPI ${TO} has no ${value}; ${standIn} is the closest value it has` });
			return;
		}
		this.refused ??= `${prefix}${key} is ${value}, which OCPI ${TO} cannot express; push this Location to a CPMS that speaks 2.3.0, or map another value`;
		this.losses.push({ path: `${prefix}${key}`, kind: 'removed', from: value, reason: `OCPI ${TO} has no ${value} and no stand-in: the Location is not sent` });
	}

	/** An optional enumerated field: removed when 2.2.1 lacks the value. */
	optionalValue(object: Json, key: string, allowed: ReadonlySet<string>, prefix: string): void {
		const value = object[key];
		if (typeof value !== 'string' || allowed.has(value)) return;
		this.losses.push({ path: `${prefix}${key}`, kind: 'removed', from: value, reason: `OCPI ${TO} has no ${key} value ${value}` });
		if (this.write) delete object[key];
	}

	/** A list of enumerated values: 2.2.1 lacks some, they are left out (stand-ins where there are). */
	listValues(object: Json, key: string, allowed: ReadonlySet<string>, prefix: string): void {
		const list = object[key];
		if (!Array.isArray(list) || (!this.write && allListed(list, allowed))) return;
		const kept: unknown[] = [];
		list.forEach((value, index) => {
			if (typeof value !== 'string' || allowed.has(value)) {
				kept.push(value);
				return;
			}
			this.losses.push({ path: `${prefix}${key}[${index}]`, kind: 'removed', from: value, reason: `OCPI ${TO} has no ${key} value ${value}` });
		});
		if (this.write) object[key] = kept;
	}

	/** Entries of a list whose enumerated field 2.2.1 lacks (an Image's category): the entry is left out. */
	listEntries(object: Json, key: string, field: string, allowed: ReadonlySet<string>, prefix: string): void {
		const list = object[key];
		if (!Array.isArray(list)) return;
		if (!this.write && allListed(list, allowed, field)) return;
		const kept: unknown[] = [];
		list.forEach((entry, index) => {
			const value = isRecord(entry) ? entry[field] : undefined;
			if (typeof value !== 'string' || allowed.has(value)) {
				kept.push(entry);
				return;
			}
			this.losses.push({ path: `${prefix}${key}[${index}]`, kind: 'removed', from: entry, reason: `OCPI ${TO} has no ${field} value ${value}, so this entry cannot be sent` });
		});
		if (this.write) object[key] = kept;
	}

	images(object: Json, prefix: string): void {
		this.listEntries(object, 'images', 'category', V221.imageCategories, prefix);
	}

	business(object: Json, key: string, prefix: string): void {
		const details = object[key];
		if (!isRecord(details) || !isRecord(details.logo)) return;
		this.optionalLogo(details, `${prefix}${key}.`);
	}

	private optionalLogo(details: Json, prefix: string): void {
		const category = (details.logo as Json).category;
		if (typeof category !== 'string' || V221.imageCategories.has(category)) return;
		this.losses.push({ path: `${prefix}logo`, kind: 'removed', from: details.logo, reason: `OCPI ${TO} has no image category ${category}` });
		if (this.write) delete details.logo;
	}

	connector(connector: Json, prefix: string): void {
		this.removeFields(connector, ONLY_230.connector, prefix);
		this.requiredValue(connector, 'standard', V221.connectorTypes, prefix);
	}

	evse(evse: Json, prefix: string): void {
		this.removeFields(evse, ONLY_230.evse, prefix);
		this.listValues(evse, 'capabilities', V221.capabilities, prefix);
		this.listValues(evse, 'parking_restrictions', V221.parkingRestrictions, prefix);
		this.images(evse, prefix);
		const connectors = evse.connectors;
		// looking only counts losses: no paths to build
		if (!Array.isArray(connectors)) return;
		for (let i = 0; i < connectors.length; i++) {
			const connector: unknown = connectors[i];
			if (isRecord(connector)) this.connector(connector, this.write ? `${prefix}connectors[${i}].` : '');
		}
	}

	location(location: Json): void {
		this.removeFields(location, ONLY_230.location, '');
		this.cut(location, 'address', LIMITS.address, '');
		this.cut(location, 'state', LIMITS.state, '');
		this.optionalValue(location, 'parking_type', V221.parkingTypes, '');
		this.listValues(location, 'facilities', V221.facilities, '');
		this.images(location, '');
		for (const key of BUSINESS_DETAILS) this.business(location, key, '');
		if (isRecord(location.energy_mix)) this.listEntries(location.energy_mix, 'environ_impact', 'category', V221.environmentalImpactCategories, 'energy_mix.');
		this.listEntries(location, 'publish_allowed_to', 'type', V221.tokenTypes, '');
		const evses = location.evses;
		if (!Array.isArray(evses)) return;
		for (let i = 0; i < evses.length; i++) {
			const evse: unknown = evses[i];
			if (isRecord(evse)) this.evse(evse, this.write ? `evses[${i}].` : '');
		}
	}
}

/**
 * The Location in the target version with what it lost. Only 2.3.0 → 2.2.1 converts; for the same version
 * (or a newer target) the Location passes as it is.
 */
export function downgradeLocation(location: unknown, from: OcpiVersion, to: OcpiVersion): Downgrade {
	if (!isRecord(location)) return { from, to, losses: [], refused: 'The Location is no JSON object' };
	if (from === to || !(from === '2.3.0' && to === '2.2.1')) {
		if (from === '2.3.0' && to === '2.1.1') {
			return { from, to, losses: [], refused: 'Converting OCPI 2.3.0 Locations to 2.1.1 is not supported (2.1.1 has no party fields, other voltage and tariff fields); map them as 2.1.1 instead' };
		}
		return { from, to, location, losses: [] };
	}
	// a first pass only looks: a Location that loses nothing is sent as it is, without a copy
	const look = new Converter(false);
	look.location(location);
	if (look.losses.length === 0) return { from, to, location, losses: [] };
	// a JSON copy: items from n8n's code sandbox are objects structuredClone cannot clone
	const copy = JSON.parse(JSON.stringify(location)) as Json;
	const converter = new Converter(true);
	converter.location(copy);
	for (const key of Object.keys(location)) if (isMetadataKey(key)) copy[key] = location[key];
	if (converter.refused) return { from, to, losses: converter.losses, refused: converter.refused };
	return { from, to, location: copy, losses: converter.losses };
}
