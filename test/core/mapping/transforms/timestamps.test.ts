import { toUtcDateTime } from '../../../../core/mapping/transforms/timestamps';

const NAIVE = (raw: string) => `last_updated '${raw}' is a time without a zone, read as UTC: add an offset (e.g. +01:00) in the source if it is local time`;

describe('toUtcDateTime', () => {
	it.each<[unknown, string]>([
		['2024-03-01T10:00:00+01:00', '2024-03-01T09:00:00Z'],
		['2024-03-01T10:00:00Z', '2024-03-01T10:00:00Z'],
		['2024-03-01T10:00:00z', '2024-03-01T10:00:00Z'],
		['2024-03-01T10:00:00.123Z', '2024-03-01T10:00:00Z'],
		['2024-03-01T10:00:00-05:30', '2024-03-01T15:30:00Z'],
		['2024-03-01T00:30:00+0100', '2024-02-29T23:30:00Z'],
		['2024-03-01T10:00+02', '2024-03-01T08:00:00Z'],
		['2024-03-01 10:00:00+00:00', '2024-03-01T10:00:00Z'],
		['2024-12-31T23:30:00-01:00', '2025-01-01T00:30:00Z'],
		[1709287200, '2024-03-01T10:00:00Z'],
		[1709287200000, '2024-03-01T10:00:00Z'],
		[1709287200123, '2024-03-01T10:00:00Z'],
		['1709287200', '2024-03-01T10:00:00Z'],
		['1709287200000', '2024-03-01T10:00:00Z'],
		[new Date(Date.UTC(2024, 2, 1, 10)), '2024-03-01T10:00:00Z'],
		['2024-02-29T12:00:00Z', '2024-02-29T12:00:00Z'],
		['1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z'],
	])('%j → %s', (raw, expected) => {
		expect(toUtcDateTime(raw)).toEqual({ ok: true, value: expected });
	});

	it.each<[string, string, string]>([
		['2024-03-01 10:00:00', '2024-03-01T10:00:00Z', NAIVE('2024-03-01 10:00:00')],
		['2024-03-01T10:00', '2024-03-01T10:00:00Z', NAIVE('2024-03-01T10:00')],
		['2024/03/01 10:00', '2024-03-01T10:00:00Z', NAIVE('2024/03/01 10:00')],
		['01.03.2024 10:00', '2024-03-01T10:00:00Z', NAIVE('01.03.2024 10:00')],
		['1.3.2024 10:00:05', '2024-03-01T10:00:05Z', NAIVE('1.3.2024 10:00:05')],
		[
			'2024-03-01',
			'2024-03-01T00:00:00Z',
			"last_updated '2024-03-01' is a date without a time, read as midnight UTC: add an offset (e.g. +01:00) in the source if it is local time",
		],
	])('%j → %s with a note', (raw, value, note) => {
		expect(toUtcDateTime(raw)).toEqual({ ok: true, value, note });
	});

	it.each<[unknown, string]>([
		['', 'last_updated is empty: fill it in the source data'],
		['01/03/2024 10:00', "last_updated '01/03/2024 10:00' is ambiguous (day/month or month/day?): write it as YYYY-MM-DD, e.g. 2024-03-01 10:00"],
		['13/03/2024', "last_updated '13/03/2024' is ambiguous (day/month or month/day?): write it as YYYY-MM-DD, e.g. 2024-03-01 10:00"],
		['2023-02-29T10:00:00Z', "last_updated '2023-02-29T10:00:00Z' is not a real date or time: check the source data"],
		['2024-02-30 10:00', "last_updated '2024-02-30 10:00' is not a real date or time: check the source data"],
		['2024-13-01T10:00:00Z', "last_updated '2024-13-01T10:00:00Z' is not a real date or time: check the source data"],
		['2024-03-01T24:00:00Z', "last_updated '2024-03-01T24:00:00Z' is not a real date or time: check the source data"],
		['2015-06-29T17:17:66Z', "last_updated '2015-06-29T17:17:66Z' is not a real date or time: check the source data"],
		['2024-03-01T10:00:00+15:00', "last_updated '2024-03-01T10:00:00+15:00' is not a real date or time: check the source data"],
		['2024-03-01T10:00:00+01:75', "last_updated '2024-03-01T10:00:00+01:75' is not a real date or time: check the source data"],
		['31.02.2024', "last_updated '31.02.2024' is not a real date or time: check the source data"],
		['yesterday', "last_updated 'yesterday' is not a date-time we can read: write it like 2024-03-01T10:00:00+01:00"],
		['March 1, 2024', "last_updated 'March 1, 2024' is not a date-time we can read: write it like 2024-03-01T10:00:00+01:00"],
		['12345', "last_updated '12345' is not a date-time we can read: write it like 2024-03-01T10:00:00+01:00"],
		[-5, 'last_updated -5 is not a usable epoch time: give a date like 2024-03-01T10:00:00Z'],
		[Number.NaN, 'last_updated NaN is not a usable epoch time: give a date like 2024-03-01T10:00:00Z'],
		[1e17, 'last_updated 100000000000000000 lies beyond the year 9999: check the source data'],
		[new Date('nope'), 'last_updated is an invalid date: check the source data'],
		[true, 'last_updated is true, not a date: map a date field to it'],
		['0099-01-01T00:00:00Z', "last_updated '0099-01-01T00:00:00Z' lies outside the years 1970 to 9999: check the source data"],
		['9999-12-31T23:30:00-01:00', "last_updated '9999-12-31T23:30:00-01:00' lies outside the years 1970 to 9999: check the source data"],
	])('refuses %j', (raw, reason) => {
		expect(toUtcDateTime(raw)).toEqual({ ok: false, reason });
	});
});
