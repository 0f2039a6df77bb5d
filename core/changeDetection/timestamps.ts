/**
 * Reading "updated at" values as asset systems send them: ISO 8601 (with or without zone, 'T' or a
 * space), epoch seconds or epoch milliseconds (numbers or digit strings; ≥ 1e11 counts as ms), Dates.
 * Text without a zone is read as UTC so the result never depends on the machine's time zone.
 */
const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

export function timestampMs(value: unknown): number | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.getTime();
	if (typeof value === 'number') return Number.isFinite(value) ? (Math.abs(value) >= 1e11 ? value : value * 1000) : undefined;
	if (typeof value !== 'string') return undefined;
	const text = value.trim();
	if (text === '') return undefined;
	if (/^\d+(\.\d+)?$/.test(text)) return timestampMs(Number(text));
	const iso = NAIVE_DATE_TIME.test(text) ? `${text.replace(' ', 'T')}Z` : text.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T');
	const ms = Date.parse(iso);
	return Number.isNaN(ms) ? undefined : ms;
}

export function isoOf(ms: number): string {
	return new Date(ms).toISOString();
}
