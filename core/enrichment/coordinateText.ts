/**
 * Reading coordinates the way asset systems deliver them (numbers, "52,37", " 52.37 ") and writing
 * them the way OCPI wants them (text, point decimal, 5-7 or exactly 6 decimals). Digits are handled
 * as text, so rounding is exact decimal rounding, not binary floating point.
 */
import { COORDINATE_OUTPUT_DECIMALS, COORDINATE_PATTERNS, LATITUDE_RANGE, LONGITUDE_RANGE } from '../ocpi/formats';
import type { OcpiVersion } from '../ocpi/version';

export type Axis = 'latitude' | 'longitude';

export interface Decimal {
	negative: boolean;
	integer: string;
	fraction: string;
}

const DECIMAL_TEXT = /^([+-])?(\d*)(?:[.,](\d*))?$/;
// No OCPI version allows many decimals beyond its output default; this bounds the work on junk input.
const MAX_EXTRA_DECIMALS_TRIED = 6;
// Beyond this a number prints in exponent form; no coordinate is that large.
const PLAIN_NUMBER_LIMIT = 1e21;

/** The digits of a number's plain text (`-`, digits, an optional point and digits), split without a regex. */
function decimalOfNumberText(text: string): Decimal {
	const negative = text.charCodeAt(0) === 45;
	const start = negative ? 1 : 0;
	const point = text.indexOf('.', start);
	return point < 0 ? { negative, integer: text.slice(start), fraction: '' } : { negative, integer: text.slice(start, point), fraction: text.slice(point + 1) };
}

/** The sign and digits of a coordinate given as a number or as text; undefined when it is no decimal. */
export function decimalOf(value: unknown): Decimal | undefined {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || Math.abs(value) >= PLAIN_NUMBER_LIMIT) return undefined;
		const text = String(value);
		// Tiny numbers print as 1e-7; spell them out (12 decimals is far below a millimetre).
		// Any other number prints as [-]digits[.digits]: most coordinates come as numbers, so no regex for them.
		return decimalOfNumberText(text.includes('e') ? value.toFixed(12).replace(/0+$/, '') : text);
	}
	if (typeof value !== 'string') return undefined;
	const match = DECIMAL_TEXT.exec(value.trim());
	if (!match) return undefined;
	const [, sign, integer = '', fraction = ''] = match;
	if (integer === '' && fraction === '') return undefined;
	return { negative: sign === '-', integer, fraction };
}

function numberOf(decimal: Decimal): number {
	return Number(`${decimal.negative ? '-' : ''}${decimal.integer || '0'}.${decimal.fraction || '0'}`);
}

// From here up to PLAIN_NUMBER_LIMIT a number prints as plain digits, and Number(String(value)) is value again.
const PLAIN_NUMBER_FROM = 1e-6;

/** The coordinate as a number, or undefined when the value is not a readable decimal. */
export function parseCoordinate(value: unknown): number | undefined {
	// a number in plain range reads as itself: no text to print and read back
	if (typeof value === 'number' && Math.abs(value) >= PLAIN_NUMBER_FROM && Math.abs(value) < PLAIN_NUMBER_LIMIT) return value;
	const decimal = decimalOf(value);
	return decimal ? numberOf(decimal) : undefined;
}

export function isWithinRange(axis: Axis, value: number): boolean {
	return Math.abs(value) <= (axis === 'latitude' ? LATITUDE_RANGE : LONGITUDE_RANGE);
}

/** The digits without leading zeros, '0' when nothing is left. */
function withoutLeadingZeros(digits: string): string {
	let start = 0;
	while (start < digits.length && digits.charCodeAt(start) === 48) start++;
	return start === digits.length ? '0' : digits.slice(start);
}

/** Exact half-up rounding of the decimal to `places` decimals, written with a point. */
export function formatDecimal(decimal: Decimal, places: number): string {
	const kept = decimal.fraction.slice(0, places).padEnd(places, '0');
	const roundUp = (decimal.fraction[places] ?? '0') >= '5';
	if (!roundUp) {
		// nothing carries: the digits as given (the Mapper and enrichment write every coordinate through here)
		const integer = withoutLeadingZeros(decimal.integer);
		const isZero = integer === '0' && !/[1-9]/.test(kept);
		return `${decimal.negative && !isZero ? '-' : ''}${integer}${places > 0 ? `.${kept}` : ''}`;
	}
	const digits = (BigInt(`${decimal.integer}${kept}` || '0') + (roundUp ? 1n : 0n)).toString().padStart(places + 1, '0');
	const integer = digits.slice(0, digits.length - places);
	const fraction = digits.slice(digits.length - places);
	const isZero = /^0*$/.test(digits);
	return `${decimal.negative && !isZero ? '-' : ''}${integer}${places > 0 ? `.${fraction}` : ''}`;
}

export interface CoordinateRewrite {
	text: string;
	/** Decimals given and written; they differ when precision beyond what OCPI allows was rounded away. */
	givenDecimals: number;
	writtenDecimals: number;
	lostPrecision: boolean;
}

/**
 * The OCPI text for a coordinate, or undefined when nothing should change: already valid, not
 * readable, or out of range (the validator reports those, we do not guess).
 * Keeps the given precision where the version allows it, pads to COORDINATE_OUTPUT_DECIMALS, and
 * rounds down to the most decimals the version's pattern accepts.
 */
export function toOcpiCoordinate(value: unknown, axis: Axis, version: OcpiVersion): CoordinateRewrite | undefined {
	const pattern = COORDINATE_PATTERNS[version][axis];
	if (typeof value === 'string' && pattern.test(value)) return undefined;
	const decimal = decimalOf(value);
	if (!decimal || !isWithinRange(axis, numberOf(decimal))) return undefined;
	const minimum = COORDINATE_OUTPUT_DECIMALS[version];
	// The pattern is the one rule for how many decimals are allowed; try the most precise form first.
	const start = Math.min(Math.max(decimal.fraction.length, minimum), minimum + MAX_EXTRA_DECIMALS_TRIED);
	for (let places = start; places >= minimum; places--) {
		const text = formatDecimal(decimal, places);
		if (!pattern.test(text)) continue;
		if (text === value) return undefined;
		const lostPrecision = /[1-9]/.test(decimal.fraction.slice(places));
		return { text, givenDecimals: decimal.fraction.length, writtenDecimals: places, lostPrecision };
	}
	return undefined;
}
