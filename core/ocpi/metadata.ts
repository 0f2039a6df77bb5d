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
	const entries = Object.entries(value).filter(([key]) => !isMetadataKey(key));
	return Object.fromEntries(entries);
}

/** The metadata fields of an object (empty when it has none). */
export function metadataOf(value: unknown): Record<string, unknown> {
	if (!isRecord(value)) return {};
	const entries = Object.entries(value).filter(([key]) => isMetadataKey(key));
	return Object.fromEntries(entries);
}
