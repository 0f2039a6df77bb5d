import { ReferenceTables } from '../../../core/enrichment/referenceTables';

describe('ReferenceTables: Reference Data parsed once per execution', () => {
	const text = JSON.stringify([{ id: 'LOC-1', operator: { name: 'Acme' } }, { id: 'LOC-2', city: 'Berlin' }]);

	it('parses the same text once, whatever the number of items', () => {
		const tables = new ReferenceTables();
		const first = tables.parse(text, 'id');
		expect(first).toEqual({ ok: true, rows: { 'LOC-1': { operator: { name: 'Acme' } }, 'LOC-2': { city: 'Berlin' } } });
		// the very same result object: nothing was parsed again (an equal copy of the text hits too)
		for (let item = 0; item < 1000; item++) expect(tables.parse(`${text} `.trimEnd(), 'id')).toBe(first);
	});

	it('keeps tables apart by text, key field and source object', () => {
		const tables = new ReferenceTables();
		const byId = tables.parse(text, 'id');
		const byCity = tables.parse(JSON.stringify([{ city: 'Berlin', x: 1 }]), 'city');
		expect(byCity).toEqual({ ok: true, rows: { Berlin: { x: 1 } } });
		expect(tables.parse(text, 'city')).toEqual({ ok: false, reason: "row 0 has no 'city' value to match on" });
		expect(tables.parse(text, 'id')).toBe(byId);

		const object = { 'LOC-9': { name: 'Nine' } };
		const fromObject = tables.parse(object, 'id');
		expect(fromObject).toEqual({ ok: true, rows: object });
		expect(tables.parse(object, 'id')).toBe(fromObject);
		expect(tables.parse({ 'LOC-9': { name: 'Other' } }, 'id')).toEqual({ ok: true, rows: { 'LOC-9': { name: 'Other' } } });
	});

	it('remembers a refusal too, and gives the same reason as a fresh parse', () => {
		const tables = new ReferenceTables();
		const refused = tables.parse('{not json', 'id');
		expect(refused.ok).toBe(false);
		expect(tables.parse('{not json', 'id')).toBe(refused);
	});
});
