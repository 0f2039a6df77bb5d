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

/** The OCPI fields and the metadata fields of an object, each a shallow copy in key order, in one pass. */
export function splitMetadata(value: Record<string, unknown>): { fields: Record<string, unknown>; metadata: Record<string, unknown> } {
	const fields: Record<string, unknown> = {};
	const metadata: Record<string, unknown> = {};
	for (const key of Object.keys(value)) setField(isMetadataKey(key) ? metadata : fields, key, value[key]);
	return { fields, metadata };
}

/**
 * Sets a field as an object literal or Object.fromEntries would: an own `__proto__` field (JSON.parse makes one)
 * stays a field instead of replacing the prototype.
 */
function setField(object: Record<string, unknown>, key: string, value: unknown): void {
	if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
	else object[key] = value;
}

// a loop, not entries/filter/fromEntries: the Validator splits every object it checks
function fieldsWhere(object: Record<string, unknown>, metadata: boolean): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(object)) if (isMetadataKey(key) === metadata) setField(out, key, object[key]);
	return out;
}
