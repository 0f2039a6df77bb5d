/**
 * Numbers as people and spreadsheets write them: 22, '22,0', '1.234,5', '1,234.5', '1 234,5', "1'234.5".
 *
 * Separator rule:
 * - With both '.' and ',' the one written last is the decimal separator ('1.234,5', '1,234.5').
 * - A separator written more than once groups thousands ('1.234.567').
 * - A single separator followed by 1, 2 or 4+ digits is the decimal separator ('22,0', '7.4').
 * - A single separator followed by exactly 3 digits ('22.000', '1,234') is ambiguous. We read it as a
 *   thousands separator, because asset exports write grouped integers ('22.000 W', '1,500 W') far
 *   more often than nameplate values with three decimals, and say so in a note. A leading '0'
 *   ('0,125') cannot be grouped and stays a decimal. The caller can settle it with `decimalSeparator`.
 * Spaces and apostrophes only ever group thousands. Group sizes are checked ('1.23.4' is refused).
 */
import { fail, isBlank, ok, quote, type TransformResult } from './result';

export type DecimalSeparator = '.' | ',';

export interface NumberOptions {
	/** The decimal separator of the source, when known; removes the 3-digit ambiguity. */
	decimalSeparator?: DecimalSeparator;
}

const NUMBER_TEXT = /^[+-]?[\d.,'\s\u00a0\u202f]+$/;
const GROUP_SPACES = /['\s\u00a0\u202f]/g;

function count(text: string, char: string): number {
	return text.split(char).length - 1;
}

function decimalSeparatorOf(text: string, options: NumberOptions): { decimal?: DecimalSeparator; guessed: boolean } {
	if (options.decimalSeparator) return { decimal: options.decimalSeparator, guessed: false };
	const dots = count(text, '.');
	const commas = count(text, ',');
	if (dots > 0 && commas > 0) return { decimal: text.lastIndexOf('.') > text.lastIndexOf(',') ? '.' : ',', guessed: false };
	const separator: DecimalSeparator | undefined = dots > 0 ? '.' : commas > 0 ? ',' : undefined;
	if (separator === undefined || dots + commas > 1) return { guessed: false };
	const [integer, fraction] = text.split(separator);
	const groupable = fraction.length === 3 && /^[1-9]\d{0,2}$/.test(integer.replace(/^[+-]/, ''));
	return groupable ? { guessed: true } : { decimal: separator, guessed: false };
}

/** Integer digits with their group separators: first group 1-3 digits, then groups of exactly 3. */
function ungroup(integer: string, groupSeparators: RegExp): string | undefined {
	const groups = integer.split(groupSeparators);
	if (groups.length === 1) return /^\d*$/.test(integer) ? integer : undefined;
	const wellGrouped = /^\d{1,3}$/.test(groups[0]) && groups.slice(1).every((group) => /^\d{3}$/.test(group));
	return wellGrouped ? groups.join('') : undefined;
}

/** Reads a number; `field` names it in reasons. Negative numbers are allowed here (units refuse them). */
export function parseNumber(raw: unknown, field: string, options: NumberOptions = {}): TransformResult<number> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (typeof raw === 'number') {
		return Number.isFinite(raw) ? ok(raw) : fail(`${field} is not a number (${raw}): check the source data`);
	}
	if (typeof raw !== 'string') return fail(`${field} is ${quote(raw)}, not a number: map a number field to it`);
	const text = raw.trim();
	if (!/\d/.test(text)) return fail(`${field} ${quote(raw)} holds no digits: give a number`);
	if (!NUMBER_TEXT.test(text)) return fail(`${field} ${quote(raw)} is not a number: write it like 22 or 22.5`);
	const sign = /^[+-]/.test(text) ? text[0] : '';
	const body = text.slice(sign.length).trim();
	const { decimal, guessed } = decimalSeparatorOf(body, options);
	const decimalAt = decimal === undefined ? -1 : body.lastIndexOf(decimal);
	const integerText = decimalAt < 0 ? body : body.slice(0, decimalAt);
	const fraction = decimalAt < 0 ? '' : body.slice(decimalAt + 1);
	const group = decimal === ',' ? /[.'\s\u00a0\u202f]/ : decimal === '.' ? /[,'\s\u00a0\u202f]/ : /[.,'\s\u00a0\u202f]/;
	const integer = ungroup(integerText, group);
	if (integer === undefined || !/^\d*$/.test(fraction) || (decimalAt >= 0 && fraction === '') || integer + fraction === '') {
		return fail(`${field} ${quote(raw)} is not a well-formed number: check its thousands and decimal separators`);
	}
	const value = Number(`${sign}${integer || '0'}.${fraction || '0'}`);
	if (!guessed) return ok(value);
	const separator = body.replace(GROUP_SPACES, '').replace(/\d/g, '')[0];
	return ok(
		value,
		`${field} ${quote(raw)} read as ${value}: a single '${separator}' before three digits is taken as a thousands separator (set the decimal separator to '${separator}' if it is a decimal)`,
	);
}
