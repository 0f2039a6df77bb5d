/**
 * The textual formats of OCPI fields. Every format rule of the spec stands here once; schemas,
 * enrichment and the reference CPMS import it from here.
 *
 * The spec's regexes are unanchored; ours are anchored and coordinates get range checks on top.
 */
import { isRealDateTime, strictUtcMs } from '../foundation/dateTime';
import type { OcpiVersion } from './version';

const FIVE_TO_SEVEN_DECIMALS = {
	latitude: /^-?[0-9]{1,2}\.[0-9]{5,7}$/,
	longitude: /^-?[0-9]{1,3}\.[0-9]{5,7}$/,
	decimals: '5 to 7',
};

/** GeoLocation latitude/longitude: 2.2.1 and 2.3.0 want 5 to 7 decimals, 2.1.1 exactly 6. */
export const COORDINATE_PATTERNS: Record<OcpiVersion, { latitude: RegExp; longitude: RegExp; decimals: string }> = {
	'2.3.0': FIVE_TO_SEVEN_DECIMALS,
	'2.2.1': FIVE_TO_SEVEN_DECIMALS,
	'2.1.1': {
		latitude: /^-?[0-9]{1,2}\.[0-9]{6}$/,
		longitude: /^-?[0-9]{1,3}\.[0-9]{6}$/,
		decimals: 'exactly 6',
	},
};

/** Decimals written when a number is turned into an OCPI coordinate string. */
export const COORDINATE_OUTPUT_DECIMALS: Record<OcpiVersion, number> = { '2.3.0': 6, '2.2.1': 6, '2.1.1': 6 };

// the earth's own ranges, kept with the reference data (which sits below the OCPI model)
export { LATITUDE_RANGE, LONGITUDE_RANGE } from '../reference/timeZone';

/**
 * eMI3 / ISO 15118 EVSE ID (e.g. `DE*ABC*E123456`) and the DIN phone-style form, as Hubject's
 * OICP EvseIDType defines it. Matched after upper-casing, since evse_id is a CiString.
 */
export const EVSE_ID_PATTERN = /^(([A-Z]{2}\*?[A-Z0-9]{3}\*?E[A-Z0-9*]{1,30})|(\+?[0-9]{1,3}\*[0-9]{3}\*[0-9*]{1,32}))$/;

/** RegularHours period_begin / period_end, local time. 2.1.1's pattern is looser (`[0-2][0-9]`). */
export const HOUR_MINUTE_PATTERNS: Record<OcpiVersion, RegExp> = {
	'2.3.0': /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/,
	'2.2.1': /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/,
	'2.1.1': /^([0-1][0-9]|2[0-3]):[0-5][0-9]$/,
};

/** RFC 3339 date-time in UTC: `Z` is optional (absent means UTC), fractions allowed, offsets are not. */
export const UTC_DATE_TIME_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z?$/;
/** A date-time that carries an offset: well formed, but OCPI says `+00:00` is not UTC. */
export const OFFSET_DATE_TIME_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?[+-]\d{2}:?\d{2}$/;
export const DATE_TIME_MAX_LENGTH = 25;

/** CiString: printable ASCII only. */
export const CI_STRING_PATTERN = /^[\x20-\x7E]*$/;
/** string: printable UTF-8, so no control characters (CR, LF, TAB and the rest). */
export const STRING_FORBIDDEN_PATTERN = /[\u0000-\u001F\u007F]/;

/** ISO 639-1 language code of a DisplayText. */
export const LANGUAGE_PATTERN = /^[a-zA-Z]{2}$/;
/** ISO 3166-1 alpha-2 (country_code of the party) and alpha-3 (country of the location). */
export { COUNTRY_ALPHA2_PATTERN, COUNTRY_ALPHA3_PATTERN } from '../reference/countryLookup';
/** IANA time zone names look like `Europe/Oslo` or `UTC`; `UTC+2` and `CET`-style abbreviations are refused by the list check. */
export const URL_MAX_LENGTH = 255;
/** A URL scheme (RFC 3986 §3.1): what makes a URL absolute; "www.example.com" has none. */
export const URL_SCHEME_PATTERN = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/**
 * Why a URL-typed field's value is no absolute URL, or undefined when it is one. OCPI's URL type
 * follows the w3.org URI spec; a receiver fetches it as it is, so "see our website" or "www.example.com"
 * (no scheme) is no link. http(s) URLs also need a host.
 */
export function absoluteUrlProblem(value: string): string | undefined {
	if (!URL_SCHEME_PATTERN.test(value)) return 'has no scheme such as "https://"';
	let parsed: URL;
	try {
		parsed = new URL(value);
	} catch {
		return 'cannot be read as a URL';
	}
	if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname === '') return 'has no host name';
	if (/\s/.test(value)) return 'contains spaces (write them as %20)';
	return undefined;
}

/** Returns true when a date-time string names a real instant (no 30 February, no second 66). Runs for every DateTime checked: no allocation beyond the match. */
export function isRealUtcDateTime(value: string): boolean {
	const strict = strictUtcMs(value);
	if (strict !== undefined) return !Number.isNaN(strict);
	const match = UTC_DATE_TIME_PATTERN.exec(value);
	if (!match) return false;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	return isRealDateTime(y, mo, d, h, mi, s);
}

/**
 * Ids that become a segment of a Receiver URL (`…/{country_code}/{party_id}/{location_id}/{evse_uid}/{connector_id}`)
 * must address only their own object. `.` and `..` are dot segments that URL parsers and proxies remove
 * (`…/LOC-1/../1` is `…/LOC-1/1`, another object); `/` and `\` (which URL parsers read as `/`) add a
 * segment; `%` starts an escape a receiver may decode twice; `?` and `#` end the path; control
 * characters are cut or refused on the way. The client encodes segments too, but an id a receiver might
 * read as another object is refused before it is ever sent.
 */
export const URL_UNSAFE_ID_CHARACTERS = /[/\\%?#\u0000-\u001F\u007F]/;

/** Why an id cannot be a URL segment as it is, or undefined when it can. The sentence completes "the id …". */
export function urlIdProblem(id: string): string | undefined {
	if (id === '.' || id === '..') return `is "${id}", which a URL reads as a step in the path, so the request would reach another object`;
	const bad = URL_UNSAFE_ID_CHARACTERS.exec(id);
	if (!bad) return undefined;
	const shown = bad[0].charCodeAt(0) < 0x20 || bad[0] === '\u007F' ? 'a control character' : `"${bad[0]}"`;
	return `contains ${shown}, which would change which object the CPMS URL addresses (not allowed in ids: / \\ % ? # and control characters)`;
}
