import * as vm from 'vm';
import { enrichOcpiObject, type ReferenceData } from '../../../core/enrichment/enrich';

const rows: ReferenceData['rows'] = {
	LOC1: {
		operator: { name: 'Stadtwerke Musterstadt', website: 'https://example.com' },
		opening_times: { twentyfourseven: true },
		time_zone: 'Europe/Berlin',
		facilities: ['CAFE'],
	},
	'Acme Charging': { owner: { name: 'Acme Holding' } },
};

describe('referenceData switch', () => {
	it('merges the matching row, own values win, one change per merged top-level field', () => {
		const location = { id: 'LOC1', operator: { name: 'Own Operator' }, facilities: [], time_zone: 'Europe/Oslo' };
		const { object, changes } = enrichOcpiObject(location, 'location', '2.2.1', { referenceData: { keyField: 'id', rows } });
		expect(object).toEqual({
			id: 'LOC1',
			operator: { name: 'Own Operator', website: 'https://example.com' },
			facilities: ['CAFE'],
			time_zone: 'Europe/Oslo',
			opening_times: { twentyfourseven: true },
		});
		expect(changes).toEqual([
			{
				path: 'operator',
				from: { name: 'Own Operator' },
				to: { name: 'Own Operator', website: 'https://example.com' },
				reason: "from reference data row 'LOC1'",
			},
			{ path: 'opening_times', from: undefined, to: { twentyfourseven: true }, reason: "from reference data row 'LOC1'" },
			{ path: 'facilities', from: [], to: ['CAFE'], reason: "from reference data row 'LOC1'" },
		]);
	});

	it('lets the row win with overwrite', () => {
		const location = { id: 'LOC1', operator: { name: 'Own Operator' }, time_zone: 'Europe/Oslo' };
		const { object } = enrichOcpiObject(location, 'location', '2.2.1', { referenceData: { keyField: 'id', rows, overwrite: true } });
		expect(object).toMatchObject({ operator: { name: 'Stadtwerke Musterstadt', website: 'https://example.com' }, time_zone: 'Europe/Berlin' });
	});

	it('finds the row through a dotted key field', () => {
		const { changes } = enrichOcpiObject({ operator: { name: 'Acme Charging' } }, 'location', '2.2.1', {
			referenceData: { keyField: 'operator.name', rows },
		});
		expect(changes).toEqual([
			{ path: 'owner', from: undefined, to: { name: 'Acme Holding' }, reason: "from reference data row 'Acme Charging'" },
		]);
	});

	it.each([
		['no matching row', { id: 'OTHER' }, { keyField: 'id', rows }],
		['no key value', {}, { keyField: 'id', rows }],
		['a prototype key', { id: '__proto__' }, { keyField: 'id', rows }],
		['a row that is not an object', { id: 'X' }, { keyField: 'id', rows: { X: 'junk' } }],
		['rows that are not an object', { id: 'LOC1' }, { keyField: 'id', rows: 'junk' }],
		['no key field', { id: 'LOC1' }, { rows }],
	])('changes nothing with %s', (_case, object, referenceData) => {
		expect(enrichOcpiObject(object, 'location', '2.2.1', { referenceData: referenceData as unknown as ReferenceData })).toEqual({
			object,
			changes: [],
		});
	});

	it('does not let a row reach the prototype', () => {
		const evil = JSON.parse('{"LOC1": {"__proto__": {"polluted": true}, "name": "ok"}}');
		const { object } = enrichOcpiObject({ id: 'LOC1' }, 'location', '2.2.1', { referenceData: { keyField: 'id', rows: evil } });
		expect(object).toEqual({ id: 'LOC1', name: 'ok' });
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('merges a row handed over from a sandbox: an object of another realm behind a proxy, which structuredClone refuses', () => {
		// n8n's Code node builds its objects in a sandbox of its own and hands them over behind proxies:
		// their prototype is not this process's Object.prototype (no plain copy) and structuredClone
		// cannot clone a proxy, so the copy the row needs is a JSON round-trip, which reads through both.
		const operator = new Proxy(vm.runInNewContext('({ name: "Stadtwerke Musterstadt", website: "https://example.com" })') as object, {});
		expect(() => structuredClone(operator)).toThrow();
		const sandboxRows = { LOC1: { operator } } as unknown as ReferenceData['rows'];
		const { object, changes } = enrichOcpiObject({ id: 'LOC1' }, 'location', '2.2.1', { referenceData: { keyField: 'id', rows: sandboxRows } });
		expect(object).toEqual({ id: 'LOC1', operator: { name: 'Stadtwerke Musterstadt', website: 'https://example.com' } });
		expect(Object.getPrototypeOf((object as { operator: object }).operator)).toBe(Object.prototype);
		expect(changes).toEqual([
			{ path: 'operator', from: undefined, to: { name: 'Stadtwerke Musterstadt', website: 'https://example.com' }, reason: "from reference data row 'LOC1'" },
		]);
	});

	it('leaves out of a merged row what JSON cannot hold (a function), as the copy of the Location does', () => {
		const withFunction = { LOC1: { operator: { name: 'Stadtwerke Musterstadt', format: () => 'x' } } } as unknown as ReferenceData['rows'];
		const { object } = enrichOcpiObject({ id: 'LOC1' }, 'location', '2.2.1', { referenceData: { keyField: 'id', rows: withFunction } });
		expect(object).toEqual({ id: 'LOC1', operator: { name: 'Stadtwerke Musterstadt' } });
	});

	it('does nothing when not set', () => {
		expect(enrichOcpiObject({ id: 'LOC1' }, 'location', '2.2.1', {})).toEqual({ object: { id: 'LOC1' }, changes: [] });
	});
});
