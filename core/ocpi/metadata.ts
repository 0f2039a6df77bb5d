/**
 * Fields starting with `_` carry this package's own bookkeeping (validation results, mapping
 * profile) alongside an OCPI object. OCPI defines no such field, so they can never clash, and
 * they are stripped before an object is checked or sent to a CPMS.
 */
import { isRecord } from '../foundation/json';

export const METADATA_PREFIX = '_';

export function isMetadataKey(key: string): boolean {
	return key.startsWith(METADATA_PREFIX);
}

/** A shallow copy of a top-level object without its metadata fields; anything else is returned as is. */
export function withoutMetadata(value: unknown): unknown {
	if (!isRecord(value)) return value;
	return fieldsWhere(value, false);
}

/** The metadata fields of an object (empty when it has none). */
export function metadataOf(value: unknown): Record<string, unknown> {
	if (!isRecord(value)) return {};
	return fieldsWhere(value, true);
}

// a loop, not entries/filter/fromEntries: the Validator splits every object it checks
function fieldsWhere(object: Record<string, unknown>, metadata: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(object)) {
		if (isMetadataKey(key) !== metadata) continue;
		// an own `__proto__` field (JSON.parse makes one) stays a field, as Object.fromEntries kept it
		if (key === '__proto__') Object.defineProperty(out, key, { value: object[key], enumerable: true, writable: true, configurable: true });
		else out[key] = object[key];
	}
	return out;
}
