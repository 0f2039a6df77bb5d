/**
 * Switch `referenceData`: fills an object from the user's own master data. The row whose key equals
 * the object's value at `keyField` (dots for nested fields, e.g. `operator.name`) is deep-merged in:
 * the object's own non-empty values win unless `overwrite` is set. Applies to the object passed in
 * (not to its EVSEs or Connectors). Bad options or a missing row mean no change.
 */
import { formatPath } from '../foundation/path';
import { copyData } from './plainCopy';
import type { EnrichmentChange, ReferenceData } from './enrich';
import type { EnrichmentStep } from './step';
import { isEmpty, isRecord, sameJson } from '../foundation/json';
import { isUnsafeKey } from './values';

// Master data is shallow in practice; the limit keeps a self-referencing row from recursing forever.
const MAX_DEPTH = 32;

function valueAt(object: unknown, dottedPath: string): unknown {
	let value = object;
	for (const key of dottedPath.split('.')) {
		if (!isRecord(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
		value = value[key];
	}
	return value;
}

function merge(own: unknown, row: unknown, overwrite: boolean, depth: number): unknown {
	if (depth > MAX_DEPTH || isEmpty(row)) return own;
	if (isEmpty(own)) return copyData(row);
	if (isRecord(own) && isRecord(row)) {
		const merged: Record<string, unknown> = { ...own };
		for (const key of Object.keys(row)) {
			if (isUnsafeKey(key)) continue;
			merged[key] = merge(own[key], row[key], overwrite, depth + 1);
		}
		return merged;
	}
	return overwrite ? copyData(row) : own;
}

function rowFor(reference: ReferenceData, object: unknown): { key: string; row: Record<string, unknown> } | undefined {
	if (!isRecord(reference) || typeof reference.keyField !== 'string' || !isRecord(reference.rows)) return undefined;
	const value = valueAt(object, reference.keyField.trim());
	if (typeof value !== 'string' && typeof value !== 'number') return undefined;
	const key = String(value);
	if (!Object.prototype.hasOwnProperty.call(reference.rows, key)) return undefined;
	const row = reference.rows[key];
	return isRecord(row) ? { key, row } : undefined;
}

export const mergeReferenceData: EnrichmentStep = (working, { options }) => {
	const reference = options.referenceData;
	if (reference === undefined || !isRecord(working)) return [];
	const found = rowFor(reference, working);
	if (!found) return [];
	const overwrite = reference.overwrite === true;
	const changes: EnrichmentChange[] = [];
	for (const field of Object.keys(found.row)) {
		if (isUnsafeKey(field)) continue;
		const from = working[field];
		const to = merge(from, found.row[field], overwrite, 0);
		if (sameJson(from, to)) continue;
		working[field] = to;
		changes.push({
			path: formatPath([field]),
			from: copyData(from),
			to: copyData(to),
			reason: `from reference data row '${found.key}'`,
		});
	}
	return changes;
};
