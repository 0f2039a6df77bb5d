import { parseNumber } from '../../../../core/mapping/transforms/numbers';

describe('parseNumber', () => {
	it.each<[unknown, number]>([
		[22, 22],
		[-3.5, -3.5],
		['22', 22],
		[' 22 ', 22],
		['22,0', 22],
		['22.5', 22.5],
		['7,4', 7.4],
		['1.234,5', 1234.5],
		['1,234.5', 1234.5],
		['1.234.567', 1234567],
		['1,234,567', 1234567],
		['1.234.567,89', 1234567.89],
		['1 234,5', 1234.5],
		["1'234.5", 1234.5],
		['1\u00a0234', 1234],
		['22 000', 22000],
		['0,125', 0.125],
		['0.500', 0.5],
		['1234.567', 1234.567],
		['22.0000', 22],
		[',5', 0.5],
		['-22,5', -22.5],
		['+4', 4],
	])('%j → %d', (raw, value) => {
		expect(parseNumber(raw, 'power')).toEqual({ ok: true, value });
	});

	it.each<[string, number, string]>([
		['22.000', 22000, "power '22.000' read as 22000: a single '.' before three digits is taken as a thousands separator (set the decimal separator to '.' if it is a decimal)"],
		['1,234', 1234, "power '1,234' read as 1234: a single ',' before three digits is taken as a thousands separator (set the decimal separator to ',' if it is a decimal)"],
	])('reads the ambiguous %j as grouped, with a note', (raw, value, note) => {
		expect(parseNumber(raw, 'power')).toEqual({ ok: true, value, note });
	});

	it.each<[string, '.' | ',', number]>([
		['22.000', '.', 22],
		['1,234', ',', 1.234],
		['22,000', '.', 22000],
		['1.234,5', ',', 1234.5],
	])('%j with decimal separator %j → %d', (raw, decimalSeparator, value) => {
		expect(parseNumber(raw, 'power', { decimalSeparator })).toEqual({ ok: true, value });
	});

	it.each<[unknown, string]>([
		[undefined, 'power is empty: fill it in the source data'],
		['', 'power is empty: fill it in the source data'],
		[Number.NaN, 'power is not a number (NaN): check the source data'],
		[Number.POSITIVE_INFINITY, 'power is not a number (Infinity): check the source data'],
		['kW', "power 'kW' holds no digits: give a number"],
		['n/a', "power 'n/a' holds no digits: give a number"],
		['22a', "power '22a' is not a number: write it like 22 or 22.5"],
		['1.23.4', "power '1.23.4' is not a well-formed number: check its thousands and decimal separators"],
		['1,2,3', "power '1,2,3' is not a well-formed number: check its thousands and decimal separators"],
		['22.', "power '22.' is not a well-formed number: check its thousands and decimal separators"],
		['1.234,5.6', "power '1.234,5.6' is not a well-formed number: check its thousands and decimal separators"],
		['12 34', "power '12 34' is not a well-formed number: check its thousands and decimal separators"],
		[{}, 'power is an object, not a number: map a number field to it'],
	])('refuses %j', (raw, reason) => {
		expect(parseNumber(raw, 'power')).toEqual({ ok: false, reason });
	});
});
