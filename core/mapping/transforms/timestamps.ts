/**
 * Date-times as asset systems write them → OCPI DateTime in UTC, 'YYYY-MM-DDTHH:MM:SSZ'.
 *
 * Read: ISO 8601 / RFC 3339 with 'T' or a space, with 'Z' or an offset (+01:00, +0100, +01),
 * with or without seconds and fractions; 'YYYY/MM/DD'; the day-first dotted form 'DD.MM.YYYY HH:MM'
 * (the dots leave no doubt it is day first); epoch seconds and milliseconds; a bare date.
 * Refused: 'DD/MM/YYYY' and 'MM/DD/YYYY' (01/03 is 1 March in Europe and 3 January in the US),
 * impossible dates (30 February, 24:00, second 60), and anything else.
 * A time without an offset is read as UTC, with a note: the source cannot tell us its zone.
 * Fractions of a second are dropped; OCPI allows them, but whole seconds compare safely everywhere.
 */
import { fail, isBlank, ok, quote, type TransformResult } from './result';

interface Parts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
	/** Minutes east of UTC; undefined when the text carries no offset. */
	offsetMinutes?: number;
	dateOnly: boolean;
}

const ISO =
	/^(\d{4})[-/](\d{2})[-/](\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASHED_DAY_OR_MONTH_FIRST = /^\d{1,2}\/\d{1,2}\/\d{2,4}/;
// Epoch numbers from 1e11 up are milliseconds: 1e11 seconds is the year 5138.
const MILLISECONDS_FROM = 1e11;
const MAX_EPOCH_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

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
		const [, y, mo, d, h, mi, s, zone] = iso;
		return {
			year: Number(y),
			month: Number(mo),
			day: Number(d),
			hour: Number(h ?? 0),
			minute: Number(mi ?? 0),
			second: Number(s ?? 0),
			offsetMinutes: offsetOf(zone),
			dateOnly: h === undefined,
		};
	}
	const dotted = DOTTED.exec(text);
	if (dotted) {
		const [, d, mo, y, h, mi, s] = dotted;
		const time = { hour: Number(h ?? 0), minute: Number(mi ?? 0), second: Number(s ?? 0) };
		return { year: Number(y), month: Number(mo), day: Number(d), ...time, dateOnly: h === undefined };
	}
	return undefined;
}

// Real offsets run from -12:00 to +14:00.
const MAX_OFFSET_MINUTES = 14 * 60;

function isReal(parts: Parts): boolean {
	const { year, month, day, hour, minute, second, offsetMinutes } = parts;
	if (offsetMinutes !== undefined && !(Math.abs(offsetMinutes) <= MAX_OFFSET_MINUTES)) return false;
	if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
	const lastOfMonth = new Date(0);
	lastOfMonth.setUTCFullYear(year, month, 0);
	return day <= lastOfMonth.getUTCDate();
}

// Date.UTC reads years 0-99 as 1900-1999; setUTCFullYear does not.
function utcMilliseconds({ year, month, day, hour, minute, second }: Parts): number {
	const date = new Date(0);
	date.setUTCFullYear(year, month - 1, day);
	date.setUTCHours(hour, minute, second, 0);
	return date.getTime();
}

/** 'YYYY-MM-DDTHH:MM:SSZ' from epoch milliseconds. */
export function formatUtc(epochMs: number): string {
	return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

function fromEpoch(value: number, raw: unknown, field: string): TransformResult<string> {
	if (!Number.isFinite(value) || value < 0) return fail(`${field} ${quote(raw)} is not a usable epoch time: give a date like 2024-03-01T10:00:00Z`);
	const ms = value >= MILLISECONDS_FROM ? value : value * 1000;
	if (ms > MAX_EPOCH_MS) return fail(`${field} ${quote(raw)} lies beyond the year 9999: check the source data`);
	return ok(formatUtc(Math.floor(ms)));
}

export function toUtcDateTime(raw: unknown, field = 'last_updated'): TransformResult<string> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? fail(`${field} is an invalid date: check the source data`) : ok(formatUtc(raw.getTime()));
	if (typeof raw === 'number') return fromEpoch(raw, raw, field);
	if (typeof raw !== 'string') return fail(`${field} is ${quote(raw)}, not a date: map a date field to it`);
	const text = raw.trim();
	if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text), raw, field);
	if (SLASHED_DAY_OR_MONTH_FIRST.test(text)) {
		return fail(`${field} ${quote(raw)} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD, e.g. 2024-03-01 10:00`);
	}
	const parts = partsOf(text);
	if (!parts) return fail(`${field} ${quote(raw)} is not a date-time we can read: write it like 2024-03-01T10:00:00+01:00`);
	if (!isReal(parts)) return fail(`${field} ${quote(raw)} is not a real date or time: check the source data`);
	const utcMs = utcMilliseconds(parts) - (parts.offsetMinutes ?? 0) * 60_000;
	// Before 1970 no asset record was written; beyond 9999 OCPI's four-digit year ends.
	if (utcMs < 0 || utcMs > MAX_EPOCH_MS) return fail(`${field} ${quote(raw)} lies outside the years 1970 to 9999: check the source data`);
	const utc = formatUtc(utcMs);
	if (parts.offsetMinutes !== undefined) return ok(utc);
	const what = parts.dateOnly ? 'a date without a time, read as midnight UTC' : 'a time without a zone, read as UTC';
	return ok(utc, `${field} ${quote(raw)} is ${what}: add an offset (e.g. +01:00) in the source if it is local time`);
}
