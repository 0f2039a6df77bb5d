/** Deep comparison of OCPI JSON objects that ignores metadata (`_…`) and chosen fields such as last_updated. */
import { isRecord } from '../foundation/json';
import { isMetadataKey } from '../ocpi/metadata';
import type { OcpiVersion } from '../ocpi/version';
import { equivalent, isUnset } from './equivalence';
import type { JsonObject } from './types';

/**
 * A deep copy without metadata fields at any depth (they must never reach a CPMS) and without undefined
 * or null values (OCPI has no use for explicit nulls; a receiver's `null` for an unset field is not resent).
 */
export function stripMetadata<T>(value: T): T {
	if (Array.isArray(value)) return value.map((item) => stripMetadata(item)) as T;
	if (!isRecord(value)) return value;
	const out: JsonObject = {};
	for (const [key, item] of Object.entries(value)) {
		if (isMetadataKey(key) || item === undefined || item === null) continue;
		out[key] = stripMetadata(item);
	}
	return out as T;
}

/** Same meaning for a receiver (see core/sync/equivalence). */
export function sameValue(a: unknown, b: unknown, version?: OcpiVersion): boolean {
	return equivalent(a, b, '', version);
}

function ownValue(object: JsonObject, key: string): unknown {
	return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export interface FieldDiff {
	/** New or different in desired: what a PATCH would carry. */
	changed: string[];
	/** In known but not in desired: a PATCH cannot remove them, only a PUT can. */
	removed: string[];
}

/**
 * Top-level fields of two objects that differ, ignoring metadata and the `ignore` keys. Differences
 * that mean nothing to a receiver (core/sync/equivalence) are none: no write is planned for them.
 */
export function diffFields(desired: JsonObject, known: JsonObject, ignore: ReadonlySet<string>, version?: OcpiVersion): FieldDiff {
	// nothing allocated until a field differs: the daily compare walks every object and finds none
	let diff: FieldDiff | undefined;
	// for…in with an own-property check: no key arrays per object
	for (const key in desired) {
		if (Object.prototype.hasOwnProperty.call(desired, key)) diff = compareField(desired, known, key, ignore, version, diff);
	}
	for (const key in known) {
		if (Object.prototype.hasOwnProperty.call(known, key) && !Object.prototype.hasOwnProperty.call(desired, key)) diff = compareField(desired, known, key, ignore, version, diff);
	}
	if (!diff) return NO_DIFFERENCE;
	// sorted, so requests and reports name fields in one order whatever the key order of either object
	diff.changed.sort();
	diff.removed.sort();
	return diff;
}

const NO_DIFFERENCE: FieldDiff = Object.freeze({ changed: Object.freeze([]) as unknown as string[], removed: Object.freeze([]) as unknown as string[] });

/** Whether a field differs for a receiver (metadata and `ignore` keys never do). */
function fieldDiffers(desired: JsonObject, known: JsonObject, key: string, ignore: ReadonlySet<string>, version: OcpiVersion | undefined): boolean {
	return !isMetadataKey(key) && !ignore.has(key) && !equivalent(ownValue(desired, key), ownValue(known, key), key, version);
}

function compareField(desired: JsonObject, known: JsonObject, key: string, ignore: ReadonlySet<string>, version: OcpiVersion | undefined, diff: FieldDiff | undefined): FieldDiff | undefined {
	if (!fieldDiffers(desired, known, key, ignore, version)) return diff;
	const found = diff ?? { changed: [], removed: [] };
	(isUnset(ownValue(desired, key), key, version) ? found.removed : found.changed).push(key);
	return found;
}

/** Whether diffFields would find any field, stopping at the first: the daily compare's usual answer is no. */
export function anyFieldDiffers(desired: JsonObject, known: JsonObject, ignore: ReadonlySet<string>, version?: OcpiVersion): boolean {
	for (const key in desired) {
		if (Object.prototype.hasOwnProperty.call(desired, key) && fieldDiffers(desired, known, key, ignore, version)) return true;
	}
	for (const key in known) {
		if (Object.prototype.hasOwnProperty.call(known, key) && !Object.prototype.hasOwnProperty.call(desired, key) && fieldDiffers(desired, known, key, ignore, version)) return true;
	}
	return false;
}
