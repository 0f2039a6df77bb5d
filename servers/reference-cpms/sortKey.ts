/**
 * A DateTime as a string that sorts and compares like the instant it names (as core's compareDateTimes does):
 * seconds as written, then nine fraction digits, so "…:00Z", "…:00" and "…:00.000Z" are one key.
 */
const SECONDS_END = 19;
const FRACTION_DIGITS = 9;

export function dateTimeSortKey(value: unknown): string {
	if (typeof value !== 'string') return '';
	const fraction = value.charAt(SECONDS_END) === '.' ? /^\d*/.exec(value.slice(SECONDS_END + 1))![0] : '';
	return `${value.slice(0, SECONDS_END)}.${fraction.slice(0, FRACTION_DIGITS).padEnd(FRACTION_DIGITS, '0')}`;
}
