import { parseReferenceTable } from '../../../core/enrichment/referenceTable';

describe('parseReferenceTable', () => {
	it('takes an object keyed by id as it is', () => {
		const result = parseReferenceTable('{"LOC-1": {"operator": {"name": "Acme"}}}', 'id');
		expect(result).toEqual({ ok: true, rows: { 'LOC-1': { operator: { name: 'Acme' } } } });
	});

	it('keys a list of rows by the key field and drops that field from the row', () => {
		const result = parseReferenceTable([{ id: 'A', time_zone: 'Europe/Berlin' }, { id: 7, facilities: ['CAFE'] }], 'id');
		expect(result).toEqual({ ok: true, rows: { A: { time_zone: 'Europe/Berlin' }, '7': { facilities: ['CAFE'] } } });
	});

	it('treats an empty text as no reference data', () => {
		expect(parseReferenceTable('  ', 'id')).toEqual({ ok: true, rows: {} });
	});

	it.each([
		['{not json', 'id', /not valid JSON/],
		['"just text"', 'id', /object keyed by id or a list of rows/],
		['[{"name": "no key"}]', 'id', /row 0 has no 'id' value/],
		['[{"id": "A"}, {"id": "A"}]', 'id', /key 'A' appears in more than one row/],
		['[1]', 'id', /row 0 is not an object/],
		['{"A": 5}', 'id', /entry for 'A' is not an object/],
	])('refuses %s with a reason', (source, keyField, reason) => {
		const result = parseReferenceTable(source, keyField);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.reason).toMatch(reason);
	});
});
