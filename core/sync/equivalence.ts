/**
 * When a receiver's copy means the same as ours. Receivers store Locations within the spec but not
 * byte for byte as sent, so a plain comparison would see changes that are none and write forever:
 *
 * - CiString fields (ids, country_code, party_id, evse_id, tariff_ids) compare case-insensitively
 *   (OCPI 2.2.1 types: CiString; in 2.1.1 these are case-sensitive strings);
 * - DateTimes compare as instants (`2024-10-16T07:07:46Z` = `2024-10-16 07:07:46+00:00`);
 * - an absent optional field equals `null` and an empty list;
 * - a field the receiver fills with its spec default (charging_when_closed: true) is no change.
 *
 * Used by the planner's diff and id matching, by the client's check of echoed objects, and by tests.
 */
import { isoInstant, ocpiInstantMs } from '../foundation/dateTime';
import { isVoid } from '../foundation/json';
import { isCiVersion } from '../ocpi/ids';
import { isMetadataKey } from '../ocpi/metadata';
import type { OcpiVersion } from '../ocpi/version';

/** Fields (at any depth) whose values are CiStrings in OCPI 2.2.1; list fields hold CiStrings. */
const CI_STRING_FIELDS = new Set(['id', 'uid', 'country_code', 'party_id', 'evse_id', 'tariff_ids', 'group_id']);

/** Fields that hold an OCPI DateTime (period_begin/end of RegularHours are HH:MM and stay text). */
const DATE_TIME_FIELDS = new Set(['last_updated', 'period_begin', 'period_end', 'timestamp']);

/** Spec defaults a receiver may write into a field we leave out (mod_locations: "default: true"). */
const SPEC_DEFAULTS: ReadonlyMap<string, unknown> = new Map([['charging_when_closed', true]]);

/** The field holds its spec default (own entries only: no JSON value equals what an object inherits). */
function isSpecDefault(field: string, value: unknown): boolean {
	return value !== undefined && SPEC_DEFAULTS.get(field) === value;
}


/**
 * A form of the value in which equivalent values are identical: metadata, void fields and spec defaults
 * dropped, CiStrings lower-cased, DateTimes as ISO instants. `undefined` when the value means "no value".
 */
export function canonical(value: unknown, field = '', version?: OcpiVersion): unknown {
	if (isVoid(value)) return undefined;
	if (Array.isArray(value)) return value.map((item) => canonical(item, field, version) ?? null);
	if (typeof value === 'string') {
		if (CI_STRING_FIELDS.has(field) && isCiVersion(version)) return value.toLowerCase();
		if (DATE_TIME_FIELDS.has(field)) {
			const instant = ocpiInstantMs(value);
			if (!Number.isNaN(instant)) return isoInstant(instant);
		}
		return value;
	}
	if (typeof value !== 'object') return value;
	const out: Record<string, unknown> = {};
	for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
		if (isMetadataKey(key) || isSpecDefault(key, item)) continue;
		const form = canonical(item, key, version);
		if (form !== undefined) out[key] = form;
	}
	return out;
}

/** A field `canonical` leaves out of an object: metadata, no value, or only its spec default. */
function dropped(key: string, item: unknown): boolean {
	return isMetadataKey(key) || isVoid(item) || isSpecDefault(key, item);
}

function sameText(a: string, b: string, field: string, version: OcpiVersion | undefined): boolean {
	if (a === b) return true;
	if (CI_STRING_FIELDS.has(field) && isCiVersion(version)) return a.toLowerCase() === b.toLowerCase();
	if (!DATE_TIME_FIELDS.has(field)) return false;
	const left = ocpiInstantMs(a);
	return !Number.isNaN(left) && left === ocpiInstantMs(b);
}

/** Numbers, booleans and what JSON has no form for (written as null), as the sorted-JSON text compared them. */
function samePrimitive(a: unknown, b: unknown): boolean {
	return a === b || (JSON.stringify(a) ?? 'null') === (JSON.stringify(b) ?? 'null');
}

function sameFields(a: Record<string, unknown>, b: Record<string, unknown>, version: OcpiVersion | undefined): boolean {
	let kept = 0;
	for (const key of Object.keys(a)) {
		const item = a[key];
		if (dropped(key, item)) continue;
		kept++;
		const other = Object.prototype.hasOwnProperty.call(b, key) ? b[key] : undefined;
		if (dropped(key, other) || !sameCanonical(item, other, key, version)) return false;
	}
	for (const key of Object.keys(b)) if (!dropped(key, b[key])) kept--;
	return kept === 0;
}

/**
 * Whether canonical(a) and canonical(b) would be the same, without building either (the planner compares every
 * field of every Location on every run). Neither value is void here.
 */
function sameCanonical(a: unknown, b: unknown, field: string, version: OcpiVersion | undefined): boolean {
	if (typeof a === 'string' && typeof b === 'string') return sameText(a, b, field, version);
	const aIsList = Array.isArray(a);
	if (aIsList || Array.isArray(b)) {
		if (!aIsList || !Array.isArray(b) || a.length !== b.length) return false;
		for (let i = 0; i < a.length; i++) {
			// a void entry stands as null in the list
			const voidA = isVoid(a[i]);
			if (voidA || isVoid(b[i])) {
				if (voidA !== isVoid(b[i])) return false;
				continue;
			}
			if (!sameCanonical(a[i], b[i], field, version)) return false;
		}
		return true;
	}
	const aIsObject = typeof a === 'object' && a !== null;
	const bIsObject = typeof b === 'object' && b !== null;
	if (aIsObject || bIsObject) return aIsObject && bIsObject && sameFields(a as Record<string, unknown>, b as Record<string, unknown>, version);
	return samePrimitive(a, b);
}

/** Whether a field holds no value, or only its spec default: leaving it out changes nothing. */
export function isUnset(value: unknown, field: string, _version?: OcpiVersion): boolean {
	// canonical() gives undefined for exactly these
	return isVoid(value) || isSpecDefault(field, value);
}

/** Same meaning for the receiver, under the rules above; `field` names what the values are (for CiStrings, DateTimes). */
export function equivalent(a: unknown, b: unknown, field = '', version?: OcpiVersion): boolean {
	// the daily compare's usual answer: the same value means the same under every rule below
	if (a === b) return true;
	const unsetA = isUnset(a, field, version);
	const unsetB = isUnset(b, field, version);
	if (unsetA || unsetB) return unsetA === unsetB;
	return sameCanonical(a, b, field, version);
}
