/**
 * Zod builders for the field types OCPI uses (CiString, string, DateTime, int, coordinates …), shared
 * by the 2.2.1 and 2.1.1 models. The format rules themselves live in formats.ts; this file only
 * turns them into checks.
 *
 * A failing check pushes a zod `custom` issue whose `params` (OcpiRuleParams) carry the stable issue
 * code and the wording, so core/validation/zodIssues.ts can translate it without knowing the rule.
 * Params objects are built once, with the schema: a passing check allocates nothing.
 */
import { z } from 'zod/v4';
import { isAbsent } from '../foundation/json';
import { strictUtcMs } from '../foundation/dateTime';
import type { IssueCode } from '../foundation/issue';
import { countryByAlpha2, countryByAlpha3, findCountry } from '../reference/countryLookup';
import {
	CI_STRING_PATTERN,
	COORDINATE_PATTERNS,
	COUNTRY_ALPHA2_PATTERN,
	COUNTRY_ALPHA3_PATTERN,
	DATE_TIME_MAX_LENGTH,
	HOUR_MINUTE_PATTERNS,
	isRealUtcDateTime,
	LANGUAGE_PATTERN,
	LATITUDE_RANGE,
	LONGITUDE_RANGE,
	OFFSET_DATE_TIME_PATTERN,
	STRING_FORBIDDEN_PATTERN,
	absoluteUrlProblem,
	URL_MAX_LENGTH,
	urlIdProblem,
	UTC_DATE_TIME_PATTERN,
} from './formats';
import type { OcpiVersion } from './version';

/** What a failing OCPI check tells the issue translator. */
export interface OcpiRuleParams {
	ocpiCode: IssueCode;
	/** Completes the sentence "<field> must be …", e.g. "a whole number of volts". */
	expected?: string;
	/**
	 * A whole sentence, for rules about several fields. `{related}` is replaced by the full path of
	 * `related`, which is given relative to the value the check ran on; `{field}` by the reported
	 * field's name as in other messages (e.g. `country`).
	 */
	message?: string;
	related?: ReadonlyArray<string | number>;
	/** How many trailing path segments lead from the checked value to the reported field (set by reportIssue). */
	depth?: number;
	/** 'warning' for a value that is allowed but probably wrong; errors by default. */
	severity?: 'warning';
}

type Payload = z.core.ParsePayload;

/** Records one OCPI issue on a zod parse payload. `path` is relative to the checked value. */
export function reportIssue(
	payload: Payload,
	params: OcpiRuleParams,
	path: Array<string | number> = [],
	input: unknown = payload.value,
): void {
	if (params.related) params.depth = path.length;
	payload.issues.push({
		code: 'custom',
		message: params.message ?? params.expected ?? params.ocpiCode,
		input,
		path,
		params: params as unknown as Record<string, unknown>,
		continue: true,
	} as z.core.$ZodRawIssue);
}

export type FieldRuleTest = (value: never) => OcpiRuleParams | undefined;

/**
 * A check made here carries the function behind it, so the Validator can run it on its own (schemaAccepts.ts,
 * schemaWalk.ts): on the check object itself, not in a module-level registry (node code keeps no module state).
 */
const RULE_TEST = Symbol('ocpiFieldRuleTest');
const OBJECT_CHECK = Symbol('ocpiObjectRuleCheck');

function carry(check: object, key: symbol, value: unknown): void {
	Object.defineProperty(check, key, { value });
}

function carried<T>(check: unknown, key: symbol): T | undefined {
	return check !== null && typeof check === 'object' ? ((check as Record<symbol, T | undefined>)[key] ?? undefined) : undefined;
}

/** A check on a value of a known type: `test` returns the params of the problem, or nothing. */
export function fieldRule<T>(test: (value: T) => OcpiRuleParams | undefined): z.core.$ZodCheck<T> {
	const rule = z.check<T>((payload) => {
		const problem = test(payload.value);
		if (problem) reportIssue(payload, problem);
	});
	carry(rule, RULE_TEST, test);
	return rule;
}

/** The test of a zod check made by fieldRule, if it is one. */
export function fieldRuleTest(check: unknown): FieldRuleTest | undefined {
	return carried<FieldRuleTest>(check, RULE_TEST);
}

const runAlways = (): boolean => true;

export type ObjectRuleCheck = (value: unknown, payload: Payload) => void;

/**
 * A cross-field check on an object. It runs even when the object's fields have errors (zod skips
 * ordinary refinements then), so every problem is reported in one pass; `value` can therefore be
 * anything and the check must look before it reads.
 *
 * zod leaves an optional field with errors out of the parsed value (a Location's `evses` when one
 * EVSE is wrong), so on the failure path validate.ts runs the same checks once more on the raw
 * input (see schemaWalk.ts). Checks must therefore cope with any JSON value: skip what is not usable,
 * and treat null like an absent field.
 */
export function objectRule(check: ObjectRuleCheck): z.core.$ZodCheck<unknown> {
	const rule = z.check<unknown>((payload) => check(payload.value, payload));
	rule._zod.when = runAlways;
	// schemaWalk.ts runs it again on raw input
	carry(rule, OBJECT_CHECK, check);
	return rule;
}

/** The cross-field check of a zod check made by objectRule, if it is one. */
export function objectRuleCheck(check: unknown): ObjectRuleCheck | undefined {
	return carried<ObjectRuleCheck>(check, OBJECT_CHECK);
}

/**
 * True when a field was given but failed its own checks: zod then leaves an optional field out of the
 * parsed value, so a cross-field rule must not mistake it for a missing one. A field that is just
 * null counts as not given (it is reported as "leave it out"). Only scans on failures.
 */
export function failedField(payload: Payload, key: string): boolean {
	for (const issue of payload.issues) {
		const path = issue.path;
		if (path?.[0] !== key) continue;
		if (path.length === 1 && issue.input === null) continue;
		return true;
	}
	return false;
}

/** A value a cross-field rule can treat as given: null is "no value", like an absent field. */
export function isGiven(value: unknown): boolean {
	return !isAbsent(value);
}

// rule files take the JSON plain-object check from here with the other field helpers
export { isRecord } from '../foundation/json';

// ---------------------------------------------------------------------------------------------
// Text

const CI_STRING_PROBLEM: OcpiRuleParams = {
	ocpiCode: 'invalid_characters',
	expected: 'plain ASCII text (letters without accents, digits, punctuation; no line breaks)',
};
const STRING_PROBLEM: OcpiRuleParams = {
	ocpiCode: 'invalid_characters',
	expected: 'text without line breaks, tabs or other control characters',
};

interface TextOptions {
	max: number;
	/** CiString = printable ASCII; string = any printable text. */
	ci: boolean;
	/** A format the text must have, with its wording for the "must be …" sentence. */
	format?: { pattern: RegExp; expected: string };
	/** Any further check, run only on text that passed the ones above. */
	extra?: (value: string) => OcpiRuleParams | undefined;
}

function textField(options: TextOptions) {
	const { max, ci, format, extra } = options;
	const charsetProblem = ci ? CI_STRING_PROBLEM : STRING_PROBLEM;
	const formatProblem: OcpiRuleParams | undefined = format && { ocpiCode: 'invalid_format', expected: format.expected };
	return z
		.string()
		.max(max)
		.check(
			fieldRule<string>((value) => {
				// too long is already reported by max(); one problem per field is enough
				if (value.length > max) return undefined;
				if (ci ? !CI_STRING_PATTERN.test(value) : STRING_FORBIDDEN_PATTERN.test(value)) return charsetProblem;
				if (format && !format.pattern.test(value)) return formatProblem;
				return extra?.(value);
			}),
		);
}

/** CiString(n): case-insensitive, printable ASCII. */
export const ciString = (max: number) => textField({ max, ci: true });

function unsafeIdProblem(value: string): OcpiRuleParams | undefined {
	const problem = urlIdProblem(value);
	if (problem === undefined) return undefined;
	return { ocpiCode: 'unsafe_id', message: `{field} ${problem}. Give the object an id of letters, digits, "-" and "_" (a dot is fine inside an id), e.g. by mapping another key` };
}

/**
 * An id that becomes a Receiver URL segment (Location id, party_id, EVSE uid, connector id): its text type
 * (CiString in 2.2.1, string in 2.1.1) plus the one id-safety rule of formats.ts.
 */
export const urlId = (max: number, ci: boolean) => textField({ max, ci, extra: unsafeIdProblem });
/** string(n): printable UTF-8 without control characters. */
export const text = (max: number) => textField({ max, ci: false });
function urlProblem(value: string): OcpiRuleParams | undefined {
	const problem = absoluteUrlProblem(value);
	if (problem === undefined) return undefined;
	return { ocpiCode: 'invalid_format', expected: `an absolute URL such as "https://example.com/terms" (this one ${problem})` };
}

/** URL: a string(255) holding an absolute URL, in every version. */
export const url = () => textField({ max: URL_MAX_LENGTH, ci: false, extra: urlProblem });

// ---------------------------------------------------------------------------------------------
// Open enumerations (OCPI 2.3.0 types.asciidoc "OpenEnum")

/**
 * An OpenEnum: a receiver must accept values the spec does not list (types.asciidoc, OpenEnum), so an
 * unlisted value is a warning, not an error: receivers of older versions refuse it, and the
 * down-conversion reports it.
 */
export function openEnum<const T extends readonly [string, ...string[]]>(values: T, version: OcpiVersion) {
	const known: ReadonlySet<string> = new Set(values);
	const shown = values.length > 12 ? `${values.slice(0, 12).join(', ')} …` : values.join(', ');
	const unlisted: OcpiRuleParams = {
		ocpiCode: 'unlisted_enum_value',
		message: `{field} is not one of the values OCPI ${version} lists (${shown}); allowed in this open enumeration, but receivers that speak an older version refuse it`,
		severity: 'warning',
	};
	const empty: OcpiRuleParams = { ocpiCode: 'invalid_format', expected: 'a non-empty value' };
	return z.string().check(
		fieldRule<string>((value) => {
			if (known.has(value)) return undefined;
			if (value.trim() === '') return empty;
			return CI_STRING_PATTERN.test(value) ? unlisted : CI_STRING_PROBLEM;
		}),
	) as unknown as z.ZodType<T[number] | (string & {})>;
}

// ---------------------------------------------------------------------------------------------
// Countries: checked against the one country table (core/reference/countries.ts)

const UNKNOWN_ALPHA2: OcpiRuleParams = { ocpiCode: 'invalid_format', expected: 'an existing ISO 3166-1 alpha-2 country code such as "NL"' };

/** country_code / party country: ISO 3166-1 alpha-2, a CiString(2), so any case. */
export const countryAlpha2 = () =>
	textField({
		max: 2,
		ci: true,
		format: { pattern: COUNTRY_ALPHA2_PATTERN, expected: 'a two-letter ISO 3166-1 country code such as "NL"' },
		extra: (value) => (countryByAlpha2(value) ? undefined : UNKNOWN_ALPHA2),
	});

const ALPHA3_UPPER_PATTERN = /^[A-Z]{3}$/;
const ALPHA3_EXPECTED = 'a three-letter ISO 3166-1 country code such as "NLD"';
const ALPHA3_FORMAT: OcpiRuleParams = { ocpiCode: 'invalid_format', expected: ALPHA3_EXPECTED };
const ALPHA3_TOO_LONG: OcpiRuleParams = { ocpiCode: 'too_long', expected: `${ALPHA3_EXPECTED}, at most 3 characters` };
/** Longer text is no country name; findCountry need not look at it. */
const MAX_COUNTRY_NAME = 100;
const COUNTRY_ENRICHMENT_HINT = 'The enrichment "Country to ISO Alpha-3" converts it';

function alpha3Problem(value: string): OcpiRuleParams | undefined {
	if (ALPHA3_UPPER_PATTERN.test(value) && countryByAlpha3(value)) return undefined;
	const match = value.length <= MAX_COUNTRY_NAME ? findCountry(value) : undefined;
	if (match) {
		const { alpha3, name } = match.country;
		const given = JSON.stringify(value);
		const message =
			match.matchedBy === 'alpha-3'
				? `{field} must be the ISO 3166-1 alpha-3 code in upper case, "${alpha3}"; got ${given}. ${COUNTRY_ENRICHMENT_HINT}`
				: `{field} must be the ISO 3166-1 alpha-3 code such as "${alpha3}"; got ${given}, ${match.matchedBy === 'name' ? 'a name' : 'the alpha-2 code'} of ${name}. ${COUNTRY_ENRICHMENT_HINT}`;
		return { ocpiCode: 'invalid_format', message };
	}
	if (value.length > 3) return ALPHA3_TOO_LONG;
	if (!COUNTRY_ALPHA3_PATTERN.test(value)) return ALPHA3_FORMAT;
	return { ocpiCode: 'invalid_format', message: `{field} must be an existing ISO 3166-1 alpha-3 country code such as "NLD"; "${value}" is not one` };
}

/**
 * Location.country: ISO 3166-1 alpha-3 in upper case, a string(3). A name, an alpha-2 code or
 * lower case is named with the code that was meant, so the fix is obvious.
 */
export const countryAlpha3 = () => z.string().check(fieldRule<string>(alpha3Problem));
/** DisplayText.language: ISO 639-1. */
export const languageCode = () =>
	textField({ max: 2, ci: false, format: { pattern: LANGUAGE_PATTERN, expected: 'a two-letter ISO 639-1 language code such as "en"' } });

/** RegularHours period_begin / period_end, local time "HH:MM". */
export const hourMinute = (version: OcpiVersion) =>
	textField({ max: 5, ci: false, format: { pattern: HOUR_MINUTE_PATTERNS[version], expected: 'a time of day written "HH:MM" with leading zeros, e.g. "08:00"' } });

// ---------------------------------------------------------------------------------------------
// Time zone

const TIME_ZONE_PROBLEM: OcpiRuleParams = {
	ocpiCode: 'invalid_format',
	expected: 'an IANA time zone name such as "Europe/Berlin" (not an offset like "UTC+2" or an abbreviation like "CET")',
};
/** The canonical names, so the common case needs no Intl object; aliases fall through to Intl. */
const CANONICAL_TIME_ZONES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('timeZone'));

/** The zone Intl takes `name` for (case-insensitively, aliases resolved), or undefined. */
function resolveTimeZone(name: string): string | undefined {
	try {
		return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
	} catch {
		return undefined;
	}
}

/**
 * Intl resolves an alias to another zone (Europe/Kyiv → Europe/Kiev, US/Eastern → America/New_York)
 * and forgets how the alias itself is spelt, so for aliases the IANA spelling rule stands in: every
 * part starts with a capital, and no part longer than three letters is all capitals
 * ("Etc/GMT+5", "Australia/ACT", "America/Port-au-Prince" pass; "europe/kyiv", "US/EASTERN" do not).
 */
function hasIanaCase(name: string): boolean {
	for (const part of name.split('/')) {
		const first = part.charCodeAt(0);
		if (!(first >= 65 && first <= 90)) return false;
		if (part.length > 3 && part === part.toUpperCase() && (part.match(/[A-Z]/g)?.length ?? 0) > 3) return false;
	}
	return true;
}

function timeZoneProblem(name: string): OcpiRuleParams | undefined {
	if (CANONICAL_TIME_ZONES.has(name)) return undefined;
	// Intl also takes abbreviations like `CET` and offsets, which OCPI does not
	if (!(name.includes('/') || name.toUpperCase() === 'UTC')) return TIME_ZONE_PROBLEM;
	const resolved = resolveTimeZone(name);
	if (resolved === undefined) return TIME_ZONE_PROBLEM;
	if (resolved === name) return undefined;
	const sameZone = resolved.toLowerCase() === name.toLowerCase();
	// an alias spelt as IANA spells it, e.g. "Europe/Kyiv" or "Asia/Kolkata"
	if (!sameZone && hasIanaCase(name)) return undefined;
	return {
		ocpiCode: 'invalid_format',
		expected: `an IANA time zone name written exactly as IANA writes it (upper and lower case), e.g. "${resolved}"`,
	};
}

/**
 * IANA names only, in IANA's own upper and lower case ("Europe/Brussels", not "europe/brussels");
 * aliases such as "Europe/Kyiv" or "US/Eastern" are IANA names too.
 */
export function isIanaTimeZone(name: string): boolean {
	return timeZoneProblem(name) === undefined;
}

export const timeZone = () => textField({ max: 255, ci: false, extra: timeZoneProblem });

// ---------------------------------------------------------------------------------------------
// DateTime

const DATE_TIME_EXPECTED = 'a UTC date-time such as "2024-05-01T12:00:00Z"';
const NOT_UTC: OcpiRuleParams = { ocpiCode: 'not_utc', expected: `${DATE_TIME_EXPECTED}; OCPI does not allow offsets, not even +00:00` };
const NOT_A_DATE: OcpiRuleParams = { ocpiCode: 'invalid_date', expected: `${DATE_TIME_EXPECTED} that exists in the calendar` };
const DATE_TIME_FORMAT: OcpiRuleParams = { ocpiCode: 'invalid_format', expected: DATE_TIME_EXPECTED };
const DATE_TIME_TOO_LONG: OcpiRuleParams = { ocpiCode: 'too_long', expected: `${DATE_TIME_EXPECTED} of at most ${DATE_TIME_MAX_LENGTH} characters` };

function dateTimeProblem(value: string): OcpiRuleParams | undefined {
	const strict = strictUtcMs(value);
	if (strict !== undefined) return Number.isNaN(strict) ? NOT_A_DATE : undefined;
	if (UTC_DATE_TIME_PATTERN.test(value)) {
		if (!isRealUtcDateTime(value)) return NOT_A_DATE;
		return value.length > DATE_TIME_MAX_LENGTH ? DATE_TIME_TOO_LONG : undefined;
	}
	return OFFSET_DATE_TIME_PATTERN.test(value) ? NOT_UTC : DATE_TIME_FORMAT;
}

/** DateTime: RFC 3339 in UTC, `Z` optional. */
export const dateTime = () => z.string().check(fieldRule<string>(dateTimeProblem));

// the Validator's cross-field rules order DateTimes with the package's one date-time module
export { compareDateTimes } from '../foundation/dateTime';

/** True for a string dateTime() accepts, so cross-field rules only compare real instants. */
export function isValidDateTime(value: unknown): value is string {
	return typeof value === 'string' && dateTimeProblem(value) === undefined;
}

// ---------------------------------------------------------------------------------------------
// Numbers

interface NumberOptions {
	min?: number;
	max?: number;
	/** Completes "<field> must be …", e.g. "a whole number of volts, 0 or more". */
	expected: string;
}

function numberField(options: NumberOptions, wholeNumber: boolean) {
	const { min = -Infinity, max = Infinity, expected } = options;
	const notInteger: OcpiRuleParams = { ocpiCode: 'not_integer', expected };
	const outOfRange: OcpiRuleParams = { ocpiCode: 'out_of_range', expected };
	return z.number().check(
		fieldRule<number>((value) => {
			if (wholeNumber && !Number.isInteger(value)) return notInteger;
			if (value < min || value > max) return outOfRange;
			return undefined;
		}),
	);
}

/** int / int(n): a whole number. */
export const integer = (options: NumberOptions) => numberField(options, true);
/** number: a decimal. */
export const decimal = (options: NumberOptions) => numberField(options, false);

export const percentage = () => decimal({ min: 0, max: 100, expected: 'a percentage from 0 to 100' });

// ---------------------------------------------------------------------------------------------
// Coordinates

function coordinateField(version: OcpiVersion, axis: 'latitude' | 'longitude') {
	const { decimals } = COORDINATE_PATTERNS[version];
	const pattern = COORDINATE_PATTERNS[version][axis];
	const range = axis === 'latitude' ? LATITUDE_RANGE : LONGITUDE_RANGE;
	const example = axis === 'latitude' ? '"52.370216"' : '"4.895168"';
	const expected = `a number from -${range} to ${range}, written as text with ${decimals} decimals and a "." separator, e.g. ${example}`;
	const badFormat: OcpiRuleParams = { ocpiCode: 'invalid_format', expected };
	const outOfRange: OcpiRuleParams = { ocpiCode: 'out_of_range', expected };
	// The regex bounds the length (the spec's string(10)/(11) is one short for negative 7-decimal values).
	return z.string().check(
		fieldRule<string>((value) => {
			if (!pattern.test(value)) return badFormat;
			return Math.abs(Number(value)) > range ? outOfRange : undefined;
		}),
	);
}

export const latitude = (version: OcpiVersion) => coordinateField(version, 'latitude');
export const longitude = (version: OcpiVersion) => coordinateField(version, 'longitude');

// ---------------------------------------------------------------------------------------------
// Identifiers

/** Same id? CiStrings compare case-insensitively (ASCII only, so no locale rules needed). */
export function sameId(a: string, b: string, caseInsensitive: boolean): boolean {
	if (a === b) return true;
	if (!caseInsensitive || a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		let x = a.charCodeAt(i);
		let y = b.charCodeAt(i);
		if (x >= 97 && x <= 122) x -= 32;
		if (y >= 97 && y <= 122) y -= 32;
		if (x !== y) return false;
	}
	return true;
}
