import { parseReferenceTable } from '../../../core/export';
import { stationDataFor } from '../../../core/export/shared/stationData';

describe('AFIR reference data', () => {
	it('reads an object keyed by Location id, or rows with a location (as an expression over earlier items gives them)', () => {
		expect(parseReferenceTable('{"*": {"a": 1}, "L1": {"b": 2}}')).toEqual({ '*': { a: 1 }, L1: { b: 2 } });
		expect(parseReferenceTable([{ location: '*', a: 1 }, { location: 'L1', b: 2 }, { location: 'L1', c: 3 }])).toEqual({ '*': { a: 1 }, L1: { b: 2, c: 3 } });
		expect(parseReferenceTable('')).toEqual({});
	});

	it('refuses rows it cannot place', () => {
		expect(() => parseReferenceTable([{ a: 1 }])).toThrow('row 1 needs a "location"');
		expect(() => parseReferenceTable('[1]')).toThrow('row 1');
		expect(() => parseReferenceTable('"x"')).toThrow('JSON object');
		expect(() => parseReferenceTable({ L1: 'x' })).toThrow('"L1" must be an object');
	});

	it("merges '*', the Location's row and the item's own data, blanks never overriding", () => {
		const table = { '*': { a: 'all', b: 'all', c: 'all' }, L1: { b: 'row', c: '' } };
		expect(stationDataFor(table, 'L1', { c: 'own', a: ' ' })).toEqual({ a: 'all', b: 'row', c: 'own' });
		expect(stationDataFor(table, 'L2', undefined)).toEqual({ a: 'all', b: 'all', c: 'all' });
	});
});
