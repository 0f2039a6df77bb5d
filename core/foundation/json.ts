/**
 * JSON values: the plain-object check, "no value", a canonical text (keys sorted at every level) and
 * the fingerprint and equality built on it. The OCPI meaning of "the same" (CiStrings, DateTimes as
 * instants, spec defaults) is core/sync/equivalence, on top of this.
 */
import { createHash } from 'crypto';

export type JsonObject = Record<string, unknown>;

/** An object that is not a list (null is no object). */
export function isRecord(value: unknown): value is JsonObject {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

// "No value" has four strengths; each caller names the one it means.

/** Absent or null. */
export function isAbsent(value: unknown): value is undefined | null {
	return value === undefined || value === null;
}

/** Absent, null or only whitespace: nothing was given (a gap a default may fill). */
export function isBlank(value: unknown): boolean {
	return isAbsent(value) || (typeof value === 'string' && value.trim() === '');
}

/** Absent, null or an empty list: what these mean to an OCPI receiver is the same. */
export function isVoid(value: unknown): boolean {
	return isAbsent(value) || (Array.isArray(value) && value.length === 0);
}

/** Blank or an empty list. */
export function isEmpty(value: unknown): boolean {
	return isBlank(value) || (Array.isArray(value) && value.length === 0);
}

/** Leaves a member out of the canonical text (metadata, fields that change on every export). */
export type SkipMember = (key: string, member: unknown) => boolean;

/**
 * JSON with sorted keys; undefined members are dropped as JSON.stringify does, non-finite numbers become
 * null, Dates their ISO text. `skip` drops more members at every depth.
 */
export function canonicalJson(value: unknown, skip?: SkipMember): string {
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
	if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
	if (typeof value === 'bigint') return JSON.stringify(value.toString());
	if (value instanceof Date) return JSON.stringify(Number.isNaN(value.getTime()) ? null : value.toISOString());
	if (Array.isArray(value)) return `[${value.map((item) => (item === undefined || typeof item === 'function' ? 'null' : canonicalJson(item, skip))).join(',')}]`;
	if (typeof value === 'object') {
		const entries = Object.keys(value as object)
			.sort()
			.filter((key) => {
				const member = (value as Record<string, unknown>)[key];
				return member !== undefined && typeof member !== 'function' && typeof member !== 'symbol' && !skip?.(key, member);
			})
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key], skip)}`);
		return `{${entries.join(',')}}`;
	}
	// functions and symbols have no JSON form
	return 'null';
}

/** Same JSON content, whatever the key order; a value and its absence (null, undefined) differ. */
export function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
	return canonicalJson(a) === canonicalJson(b);
}

/**
 * A short, stable fingerprint: sha256 over the canonical text, so two reads of the same record give the
 * same hash whatever order the keys come in. 16 base64url characters (96 bits) keep poller state small
 * while collisions stay out of reach.
 */
export const FINGERPRINT_LENGTH = 16;

export function fingerprint(value: unknown, skip?: SkipMember): string {
	return sha256(canonicalJson(value, skip)).digest('base64url').slice(0, FINGERPRINT_LENGTH);
}

/** The full sha256 of the canonical text in hex, where a hash is kept as state. */
export function fingerprintHex(value: unknown, skip?: SkipMember): string {
	return sha256(canonicalJson(value, skip)).digest('hex');
}

function sha256(text: string) {
	return createHash('sha256').update(text);
}
