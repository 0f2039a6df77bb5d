/**
 * Date-times as asset systems write them → OCPI DateTime in UTC, 'YYYY-MM-DDTHH:MM:SSZ'.
 *
 * What is read and refused is core/foundation/dateTime's rule; this transform words the reasons.
 * A time without an offset is read as UTC, with a note: the source cannot tell us its zone.
 * Fractions of a second are dropped; OCPI allows them, but whole seconds compare safely everywhere.
 */
import { ocpiDateTime, readDateTime, type DateTimeProblem } from '../../foundation/dateTime';
import { fail, ok, quote, type TransformResult } from './result';

function reason(problem: DateTimeProblem, raw: unknown, field: string): string {
	switch (problem) {
		case 'empty':
			return `${field} is empty: fill it in the source data`;
		case 'invalid-date':
			return `${field} is an invalid date: check the source data`;
		case 'not-text':
			return `${field} is ${quote(raw)}, not a date: map a date field to it`;
		case 'bad-epoch':
			return `${field} ${quote(raw)} is not a usable epoch time: give a date like 2024-03-01T10:00:00Z`;
		case 'beyond-9999':
			return `${field} ${quote(raw)} lies beyond the year 9999: check the source data`;
		case 'ambiguous':
			return `${field} ${quote(raw)} is ambiguous (day/month or month/day?): write it as YYYY-MM-DD, e.g. 2024-03-01 10:00`;
		case 'unreadable':
			return `${field} ${quote(raw)} is not a date-time we can read: write it like 2024-03-01T10:00:00+01:00`;
		case 'not-real':
			return `${field} ${quote(raw)} is not a real date or time: check the source data`;
		case 'out-of-range':
			return `${field} ${quote(raw)} lies outside the years 1970 to 9999: check the source data`;
	}
}

export function toUtcDateTime(raw: unknown, field = 'last_updated'): TransformResult<string> {
	const reading = readDateTime(raw);
	if (!reading.ok) return fail(reason(reading.problem, raw, field));
	const utc = ocpiDateTime(reading.ms);
	if (reading.zone === 'given') return ok(utc);
	const what = reading.dateOnly ? 'a date without a time, read as midnight UTC' : 'a time without a zone, read as UTC';
	return ok(utc, `${field} ${quote(raw)} is ${what}: add an offset (e.g. +01:00) in the source if it is local time`);
}
