/**
 * Free text for OCPI string fields: trimmed, inner whitespace (including CR, LF and TAB, which OCPI
 * strings forbid) collapsed to one space, and cut to the field's maximum length — never silently.
 */
import { fail, isBlank, joinNotes, ok, quote, type TransformResult } from './result';

/**
 * What cleaning would change: whitespace other than a space, a control character, two spaces in a row, or a
 * space at either end. Text without any (nearly all) is returned as it is, without building a copy.
 */
const NEEDS_CLEANING = /[^\S ]|[\u0000-\u001F\u007F]| {2}|^ | $/;

/** Trims and collapses whitespace. Numbers become text (postal codes often arrive as numbers). */
export function cleanText(raw: unknown, field: string): TransformResult<string> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (typeof raw === 'number' && Number.isFinite(raw)) return ok(String(raw));
	if (typeof raw !== 'string') return fail(`${field} is ${quote(raw)}, not text: map a text field to it`);
	if (!NEEDS_CLEANING.test(raw)) return ok(raw);
	const cleaned = raw.replace(/[\s\u0000-\u001F\u007F]+/g, ' ').trim();
	return cleaned === '' ? fail(`${field} holds only control characters: fill it in the source data`) : ok(cleaned);
}

/**
 * Cuts text to `max` characters (Unicode code points, so no emoji or accent is split in half) and
 * says so in a note: "address cut from 52 to 45 characters". Trailing spaces left by the cut go too.
 */
export function cutToLength(value: string, max: number, field: string): TransformResult<string> {
	// no more UTF-16 units than the limit: no more code points either, so nothing to count
	if (value.length <= max) return ok(value);
	const characters = Array.from(value);
	if (characters.length <= max) return ok(value);
	const cut = characters.slice(0, max).join('').trimEnd();
	const length = Array.from(cut).length;
	return ok(cut, `${field} cut from ${characters.length} to ${length} characters`);
}

/** cleanText then cutToLength: the usual treatment of an OCPI string(n) field. */
export function toOcpiText(raw: unknown, max: number, field: string): TransformResult<string> {
	const cleaned = cleanText(raw, field);
	if (!cleaned.ok) return cleaned;
	const cut = cutToLength(cleaned.value, max, field);
	return cut.ok ? ok(cut.value, joinNotes(cleaned.note, cut.note)) : cut;
}
