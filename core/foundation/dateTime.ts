/**
 * Date-times: every place in the package that reads or writes one uses these rules.
 *
 * Zone rule: text that names no zone (no `Z`, no offset) is UTC, as OCPI says of its DateTime. Nothing
 * here reads the machine's time zone, so a result never depends on where n8n runs.
 *
 * Read: ISO 8601 / RFC 3339 with 'T' or a space, with 'Z' or an offset (+01:00, +0100, +01), with or
 * without seconds and fractions; 'YYYY/MM/DD'; the day-first dotted form 'DD.MM.YYYY HH:MM' (the dots
 * leave no doubt it is day first); epoch seconds and milliseconds (from 1e11 up a number is
 * milliseconds: 1e11 seconds is the year 5138); a bare date (midnight UTC).
 * Refused: 'DD/MM/YYYY' and 'MM/DD/YYYY' (01/03 is 1 March in Europe and 3 January in the US),
 * impossible dates (30 February, 24:00, second 60), and anything else.
 *
 * Written: OCPI DateTime in UTC with whole seconds (`YYYY-MM-DDTHH:MM:SSZ`); state and read marks keep
 * milliseconds (`toISOString`).
 */

export const MILLISECONDS_FROM = 1e11;
export const MAX_INSTANT_MS = Date.UTC(9999, 11, 31, 23, 59, 59);
// Real offsets run from -12:00 to +14:00.
const MAX_OFFSET_MINUTES = 14 * 60;

interface Parts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** Milliseconds below the second, from the text's fraction. */
	fractionMs: number;
	/** Minutes east of UTC; undefined when the text carries no offset. */
	offsetMinutes?: number;
	dateOnly: boolean;
}

const ISO =
	/^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED_DAY_OR_MONTH_FIRST = /^\d{1,2}\/\d{1,2}\/\d{2,4}/;
const EPOCH_DIGITS = /^\d+(\.\d+)?$/;
// Other text (an HTTP-date such as 'Wed, 21 Oct 2015 07:28:00 GMT') is read only when it names its zone.
const NAMES_ITS_ZONE = /(\b(GMT|UTC)|Z|[+-]\d{2}:?\d{2})$/i;

function offsetOf(zone: string | undefined): number | undefined {
	if (zone === undefined) return undefined;
	if (zone.toUpperCase() === 'Z') return 0;
	const sign = zone.startsWith('-') ? -1 : 1;
	const digits = zone.slice(1).replace(':', '');
	const minutes = Number(digits.slice(2) || '0');
	// An offset minute of 60 or more is as impossible as a minute of 60.
	return minutes > 59 ? Number.NaN : sign * (Number(digits.slice(0, 2)) * 60 + minutes);
}

function partsOf(text: string): Parts | undefined {
	const iso = ISO.exec(text);
	if (iso) {
		const [, y, mo, d, h, mi, s, fraction, zone] = iso;
		return {
			year: Number(y),
			month: Number(mo),
			day: Number(d),
			hour: Number(h ?? 0),
			minute: Number(mi ?? 0),
			second: Number(s ?? 0),
			fractionMs: fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000),
			offsetMinutes: offsetOf(zone),
			dateOnly: h === undefined,
		};
	}
	const dotted = DOTTED.exec(text);
	if (dotted) {
		const [, d, mo, y, h, mi, s] = dotted;
		const time = { hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0), fractionMs: 0 };
		return { year: Number(y), month: Number(mo), day: Number(d), ...time, dateOnly: h === undefined };
	}
	return undefined;
}

/** Whether a calendar date and clock time exist (no 30 February, no 24:00, no second 60). */
export function isRealDateTime(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): boolean {
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
	return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days in a month of the Gregorian calendar, without a Date (every OCPI DateTime checked comes here). */
function daysInMonth(year: number, month: number): number {
	if (month !== 2) return DAYS_IN_MONTH[month - 1];
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

/** The number the decimal digits of text[start, end) spell, or -1 when one of them is no digit. */
function digitsAt(text: string, start: number, end: number): number {
	let value = 0;
	for (let i = start; i < end; i++) {
		const digit = text.charCodeAt(i) - 48;
		if (digit < 0 || digit > 9) return -1;
		value = value * 10 + digit;
	}
	return value;
}

const STRICT_UTC_LENGTH = 20;
const DAY_MS = 86_400_000;

/**
 * Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's days_from_civil), as Date.UTC
 * counts them for years from 100 on: whole-number arithmetic, no call into the engine's date code.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

/**
 * The form nearly every OCPI DateTime has, 'YYYY-MM-DDTHH:MM:SSZ' (whole seconds, Z), read by character
 * codes: the Mapper, Validator and planner read several per object, so no regex, no allocation and no Date here.
 * The instant; NaN when that date or time does not exist; undefined for any other form (and years
 * before 100, which Date.UTC misreads), which the general readers handle.
 */
export function strictUtcMs(text: string): number | undefined {
	if (
		text.length !== STRICT_UTC_LENGTH ||
		text.charCodeAt(4) !== 45 || // -
		text.charCodeAt(7) !== 45 ||
		text.charCodeAt(10) !== 84 || // T
		text.charCodeAt(13) !== 58 || // :
		text.charCodeAt(16) !== 58 ||
		text.charCodeAt(19) !== 90 // Z
	) {
		return undefined;
	}
	const year = digitsAt(text, 0, 4);
	const month = digitsAt(text, 5, 7);
	const day = digitsAt(text, 8, 10);
	const hour = digitsAt(text, 11, 13);
	const minute = digitsAt(text, 14, 16);
	const second = digitsAt(text, 17, 19);
	if (year < 100 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return undefined;
	if (!isRealDateTime(year, month, day, hour, minute, second)) return Number.NaN;
	return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000;
}

function isReal(parts: Parts): boolean {
	const { offsetMinutes } = parts;
	if (offsetMinutes !== undefined && !(Math.abs(offsetMinutes) <= MAX_OFFSET_MINUTES)) return false;
	return isRealDateTime(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.second);
}

// Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
function instantOfParts(parts: Parts): number {
	const date = new Date(0);
	date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
	date.setUTCHours(parts.hour, parts.minute, parts.second, parts.fractionMs);
	return date.getTime() - (parts.offsetMinutes ?? 0) * 60_000;
}

/** Epoch seconds or milliseconds (from 1e11 up) as milliseconds. */
export function epochMs(value: number): number {
	return Math.abs(value) >= MILLISECONDS_FROM ? value : value * 1000;
}

/** Why a value is no date-time, for the Mapper's reasons; see readDateTime. */
export type DateTimeProblem = 'empty' | 'not-text' | 'invalid-date' | 'bad-epoch' | 'beyond-9999' | 'ambiguous' | 'unreadable' | 'not-real' | 'out-of-range';

export type DateTimeReading =
	| { ok: true; ms: number; zone: 'given' | 'none'; dateOnly: boolean }
	| { ok: false; problem: DateTimeProblem };

function epochReading(value: number): DateTimeReading {
	if (!Number.isFinite(value) || value < 0) return { ok: false, problem: 'bad-epoch' };
	const ms = value >= MILLISECONDS_FROM ? value : value * 1000;
	if (ms > MAX_INSTANT_MS) return { ok: false, problem: 'beyond-9999' };
	return { ok: true, ms: Math.floor(ms), zone: 'given', dateOnly: false };
}

/**
 * A date-time as a source record holds it, strictly: within the years 1970 to 9999 (before 1970 no asset
 * record was written; beyond 9999 OCPI's four-digit year ends), epoch digits 9 to 13 long. Text gives
 * whole seconds; `zone: 'none'` says the text named no zone and was read as UTC.
 */
export function readDateTime(raw: unknown): DateTimeReading {
	if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: false, problem: 'empty' };
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? { ok: false, problem: 'invalid-date' } : { ok: true, ms: raw.getTime(), zone: 'given', dateOnly: false };
	if (typeof raw === 'number') return epochReading(raw);
	if (typeof raw !== 'string') return { ok: false, problem: 'not-text' };
	const text = raw.trim();
	if (/^\d{9,13}$/.test(text)) return epochReading(Number(text));
	if (SLASHED_DAY_OR_MONTH_FIRST.test(text)) return { ok: false, problem: 'ambiguous' };
	const parts = partsOf(text);
	if (!parts) return { ok: false, problem: 'unreadable' };
	if (!isReal(parts)) return { ok: false, problem: 'not-real' };
	// whole seconds: the fraction is dropped, as in the OCPI DateTime written from it
	const ms = instantOfParts({ ...parts, fractionMs: 0 });
	if (ms < 0 || ms > MAX_INSTANT_MS) return { ok: false, problem: 'out-of-range' };
	return { ok: true, ms, zone: parts.offsetMinutes === undefined ? 'none' : 'given', dateOnly: parts.dateOnly };
}

/**
 * The instant a value names, leniently (any year, any epoch number, an HTTP-date), or undefined: for
 * ordering and comparing, where a value is not refused but only left unread.
 */
export function instantMs(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? epochMs(value) : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (EPOCH_DIGITS.test(text)) return epochMs(Number(text));
	const parts = partsOf(text);
	if (parts) return isReal(parts) ? instantOfParts(parts) : undefined;
	if (SLASHED_DAY_OR_MONTH_FIRST.test(text) || !NAMES_ITS_ZONE.test(text)) return undefined;
	const ms = Date.parse(text);
	return Number.isNaN(ms) ? undefined : ms;
}

// RFC 3339 as receivers echo an OCPI DateTime: a space or T, seconds, optional fraction, optional Z or offset.
const RFC_3339 = /^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)?$/i;

/** Milliseconds of an OCPI DateTime as a receiver may echo it (no zone = UTC), NaN when it is none. */
export function ocpiInstantMs(value: unknown): number {
	if (typeof value !== 'string') return Number.NaN;
	const strict = strictUtcMs(value);
	if (strict !== undefined) return strict;
	if (!RFC_3339.test(value.trim())) return Number.NaN;
	return instantMs(value) ?? Number.NaN;
}

/** OCPI DateTime, 'YYYY-MM-DDTHH:MM:SSZ' (whole seconds), from epoch milliseconds. */
export function ocpiDateTime(epochMilliseconds: number): string {
	return `${new Date(epochMilliseconds).toISOString().slice(0, 19)}Z`;
}

/** ISO 8601 in UTC with milliseconds, for state and marks that must keep sub-second order. */
export function isoInstant(epochMilliseconds: number): string {
	return new Date(epochMilliseconds).toISOString();
}

const SECONDS_END = 19;

function fractionDigit(text: string, index: number): number {
	const code = text.charCodeAt(index);
	return code >= 48 && code <= 57 ? code - 48 : 0;
}

/**
 * Orders two valid OCPI UTC DateTimes (`YYYY-MM-DDTHH:MM:SS[.fraction][Z]`) exactly, to the nanosecond:
 * negative when a is earlier, 0 when they name the same instant.
 */
export function compareDateTimes(a: string, b: string): number {
	for (let i = 0; i < SECONDS_END; i++) {
		const diff = a.charCodeAt(i) - b.charCodeAt(i);
		if (diff !== 0) return diff;
	}
	// fraction digits follow a '.' at index 19; anything else counts as zeros
	const aHasFraction = a.charCodeAt(SECONDS_END) === 46;
	const bHasFraction = b.charCodeAt(SECONDS_END) === 46;
	if (!aHasFraction && !bHasFraction) return 0;
	for (let i = SECONDS_END + 1; i < SECONDS_END + 10; i++) {
		const diff = (aHasFraction ? fractionDigit(a, i) : 0) - (bHasFraction ? fractionDigit(b, i) : 0);
		if (diff !== 0) return diff;
	}
	return 0;
}
