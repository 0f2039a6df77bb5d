/**
 * Value maps: what people write in an asset system ('Typ 2', 'out of order') → an OCPI value.
 * A preset ships the common spellings; a user adds their own, and theirs win. Keys are compared
 * without case, spaces, '-', '_' and '.', so 'CCS-Combo 2' and 'ccs combo2' are one key.
 */
import { fail, isBlank, ok, quote, type TransformResult } from './result';

export interface ValueMapEntry<T> {
	value: T;
	/** Said whenever this entry is used, e.g. why NACS becomes TESLA_S in 2.2.1. */
	note?: string;
}

export interface ValueMapPreset<T> {
	/** What the targets are called in reasons, e.g. 'OCPI Status'. */
	valueLabel: string;
	/** The map as the editor names it ('Connector Standard'), for the row a reason asks to add. */
	mapName?: string;
	/** A target as a user would type it in a row ('IEC_62196_T2 SOCKET'). */
	describeTarget?: (value: T) => string;
	/** The OCPI values a target may be, listed in reasons about bad user entries. */
	allowedValues: readonly string[];
	entries: Readonly<Record<string, ValueMapEntry<T>>>;
	/** Reads a target as a user types it ('iec_62196_t2'); undefined when it is not an allowed value. */
	parseTarget(text: string): T | undefined;
}

/** A user's own entry, as a key/value object or as rows of a table in the node's UI. */
export type UserEntries = Readonly<Record<string, unknown>> | ReadonlyArray<{ from: unknown; to: unknown }>;

export interface ValueMap<T> {
	readonly valueLabel: string;
	readonly mapName?: string;
	readonly describeTarget?: (value: T) => string;
	readonly entries: ReadonlyMap<string, ValueMapEntry<T> & { source: 'user' | 'preset' }>;
	readonly parseTarget: (text: string) => T | undefined;
}

/** The comparison key: lower case, no spaces, '-', '_' or '.'. */
export function matchKey(text: string): string {
	return text.toLowerCase().replace(/[\s\-_.]+/g, '');
}

/** Finds `text` among OCPI values however it is cased or spaced ('iec 62196 t2' → 'IEC_62196_T2'). */
/** Edit distance of two keys (short texts: a plain table is fast enough). */
function distance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = current;
	}
	return previous[b.length];
}

const SUGGESTED = 2;

/**
 * "did you mean IEC_62196_T2 ('Typ 2')? add the row 'Typ2 x' → IEC_62196_T2 SOCKET to the Connector Standard
 * value map": the nearest entries by spelling (or one written inside the text), and the exact row to add.
 */
function closestHint<T>(map: ValueMap<T>, text: string): string {
	const key = matchKey(text);
	const describe = map.describeTarget ?? ((value: T) => String(value));
	const scored: Array<{ word: string; target: string; score: number }> = [];
	for (const [word, entry] of map.entries) {
		const within = word.length >= 3 && key.length >= 3 && (key.includes(word) || word.includes(key));
		const score = within ? 0 : distance(key, word) / Math.max(key.length, word.length);
		if (score <= 0.4) scored.push({ word, target: describe(entry.value), score: within ? -word.length : score });
	}
	scored.sort((a, b) => a.score - b.score);
	const targets = [...new Set(scored.map((candidate) => candidate.target))].slice(0, SUGGESTED);
	const where = map.mapName ? `the ${map.mapName} value map (Value Map Additions)` : 'the value map';
	if (targets.length === 0) return `add the row ${quote(text)} → <${map.valueLabel} value> to ${where}`;
	return `did you mean ${targets.join(' or ')}? Add the row ${quote(text)} → ${targets[0]} to ${where}`;
}

export function findAllowedValue<V extends string>(allowed: readonly V[], text: string): V | undefined {
	const key = matchKey(text);
	return allowed.find((value) => matchKey(value) === key);
}

const LISTED_VALUES = 12;

function describeAllowed<T>(preset: ValueMapPreset<T>): string {
	const { allowedValues: values, valueLabel } = preset;
	if (values.length <= LISTED_VALUES) return `use one of ${values.join(', ')}`;
	return `use one of the ${values.length} ${valueLabel} values, e.g. ${values.slice(0, 4).join(', ')}`;
}

function userRows(userEntries: UserEntries): Array<{ from: unknown; to: unknown }> {
	return Array.isArray(userEntries)
		? [...userEntries]
		: Object.entries(userEntries as Record<string, unknown>).map(([from, to]) => ({ from, to }));
}

/**
 * Builds a map from a preset and the user's entries. Fails (naming the entry) when a user entry
 * points at no OCPI value or two of them contradict each other once case and spacing are ignored.
 */
export function createValueMap<T>(preset: ValueMapPreset<T>, userEntries: UserEntries = {}): TransformResult<ValueMap<T>> {
	const entries = new Map<string, ValueMapEntry<T> & { source: 'user' | 'preset' }>();
	for (const [from, entry] of Object.entries(preset.entries)) entries.set(matchKey(from), { ...entry, source: 'preset' });
	const written = new Map<string, { from: string; to: string }>();
	for (const { from, to } of userRows(userEntries)) {
		if (typeof from !== 'string' || from.trim() === '') {
			return fail(`a value map entry has no value to match (${quote(from)}): fill in the text as it appears in your data`);
		}
		if (typeof to !== 'string' || to.trim() === '') {
			return fail(`the value map entry for '${from}' has no ${preset.valueLabel} value: ${describeAllowed(preset)}`);
		}
		const value = preset.parseTarget(to);
		if (value === undefined) {
			return fail(`the value map entry '${from}' → '${to}' is not an allowed ${preset.valueLabel} value: ${describeAllowed(preset)}`);
		}
		const key = matchKey(from);
		const earlier = written.get(key);
		if (earlier && matchKey(earlier.to) !== matchKey(to)) {
			return fail(
				`the value map entries '${earlier.from}' → '${earlier.to}' and '${from}' → '${to}' match the same text (case, spaces, '-', '_' and '.' are ignored): keep one`,
			);
		}
		written.set(key, { from, to });
		entries.set(key, { value, source: 'user' });
	}
	return ok({ valueLabel: preset.valueLabel, mapName: preset.mapName, describeTarget: preset.describeTarget, entries, parseTarget: preset.parseTarget });
}

/**
 * Looks `raw` up: the user's and the preset's entries first, then the OCPI value itself
 * ('AVAILABLE' stays AVAILABLE). `fieldLabel` names the field in reasons, e.g. 'plug type'.
 */
export function mapValue<T>(map: ValueMap<T>, raw: unknown, fieldLabel: string): TransformResult<T> {
	if (isBlank(raw)) return fail(`${fieldLabel} is empty: fill it in the source data`);
	if (typeof raw !== 'string' && typeof raw !== 'number') {
		return fail(`${fieldLabel} is ${quote(raw)}, not text: map a text field to it`);
	}
	const text = String(raw).trim();
	const entry = map.entries.get(matchKey(text));
	if (entry) return ok(entry.value, entry.note);
	const direct = map.parseTarget(text);
	if (direct !== undefined) return ok(direct);
	return fail(`${fieldLabel} ${quote(text)} has no ${map.valueLabel} value: ${closestHint(map, text)}`);
}
