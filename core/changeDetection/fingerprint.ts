/**
 * A short, stable fingerprint of a record: sha256 over canonical JSON (keys sorted at every level),
 * so two pulls of the same record give the same hash whatever order the API sends the keys in.
 * 16 base64url characters (96 bits) keep poller state small while collisions stay out of reach.
 */
import { createHash } from 'crypto';

export const FINGERPRINT_LENGTH = 16;

/** JSON with sorted keys; undefined members are dropped as JSON.stringify does, non-finite numbers become null. */
export function canonicalJson(value: unknown): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
	if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
	if (typeof value === 'bigint') return JSON.stringify(value.toString());
	if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
	if (Array.isArray(value)) return `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item))).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.filter((key) => {
				const member = (value as Record<string, unknown>)[key];
				return member !== undefined && typeof member !== 'function' && typeof member !== 'symbol';
			})
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
		return `{${entries.join(',')}}`;
	}
	// functions and symbols have no JSON form
	return 'null';
}

export function fingerprintAsset(record: unknown): string {
	return createHash('sha256').update(canonicalJson(record)).digest('base64url').slice(0, FINGERPRINT_LENGTH);
}
