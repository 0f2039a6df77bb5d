/**
 * What every transform returns: the value plus an optional note on what it did, or a reason a user
 * can act on. Transforms never throw on bad data; the Mapper reports reasons and notes per field.
 */
export type TransformSuccess<T> = { ok: true; value: T; note?: string };
export type TransformFailure = { ok: false; reason: string };
export type TransformResult<T> = TransformSuccess<T> | TransformFailure;

export function ok<T>(value: T, note?: string): TransformSuccess<T> {
	return note === undefined ? { ok: true, value } : { ok: true, value, note };
}

export function fail(reason: string): TransformFailure {
	return { ok: false, reason };
}

/** Joins the notes of steps that ran one after the other; undefined when none said anything. */
export function joinNotes(...notes: ReadonlyArray<string | undefined>): string | undefined {
	const said = notes.filter((note): note is string => note !== undefined && note !== '');
	return said.length === 0 ? undefined : said.join('; ');
}

const MAX_QUOTED = 60;

/** A raw value as it appears inside a reason: `'Typ 3'`, `42`, `empty`. Long text is shortened. */
export function quote(raw: unknown): string {
	if (raw === undefined || raw === null) return 'empty';
	if (typeof raw === 'string') {
		const text = raw.length > MAX_QUOTED ? `${raw.slice(0, MAX_QUOTED)}…` : raw;
		return `'${text}'`;
	}
	if (typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
	if (Array.isArray(raw)) return 'a list';
	return 'an object';
}

// Absent, null or only whitespace: there is nothing to transform (transforms take it from here).
export { isBlank } from '../../foundation/json';
