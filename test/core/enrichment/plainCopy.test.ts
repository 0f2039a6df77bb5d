import { enrichOcpiObject } from '../../../core/enrichment/enrich';
import * as vm from 'vm';
import { copyData, isPlainData, NotPlainData, plainCopy } from '../../../core/enrichment/plainCopy';
import { validLocation } from '../../fixtures/ocpiLocations';

describe('plainCopy: the per-Location copy enrichment makes instead of structuredClone', () => {
	it('copies plain JSON data deeply: equal content, no shared object', () => {
		const location = validLocation();
		const copy = plainCopy(location);
		expect(copy).toEqual(location);
		copy.evses[0].connectors[0].max_electric_power = 1;
		copy.coordinates.latitude = '0';
		expect(location.evses[0].connectors[0].max_electric_power).toBe(22000);
		expect(location.coordinates.latitude).toBe('52.521918');
	});

	it('reads through proxies, as n8n sandboxes hand objects over', () => {
		const proxied = new Proxy(validLocation(), {});
		const copy = plainCopy(proxied);
		expect(copy).toEqual(validLocation());
		expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
	});

	it('refuses what is not plain data, so the caller can fall back', () => {
		expect(() => plainCopy({ at: new Date(0) })).toThrow(NotPlainData);
		expect(() => plainCopy({ run: () => 1 })).toThrow(NotPlainData);
		expect(() => plainCopy(JSON.parse('{"__proto__": {"polluted": true}}'))).toThrow(NotPlainData);
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		expect(() => plainCopy(cycle)).toThrow(NotPlainData);
	});

	it('enrichment still copies non-plain input faithfully and never changes its input', () => {
		const withDate = { ...validLocation(), seen: new Date(0) };
		delete (withDate as Record<string, unknown>).publish;
		const result = enrichOcpiObject(withDate, 'location', '2.2.1', { defaults: true });
		expect((result.object as Record<string, unknown>).seen).toEqual(new Date(0));
		expect((result.object as Record<string, unknown>).publish).toBe(true);
		expect(withDate).not.toHaveProperty('publish');
		const withFunction = { ...validLocation(), run: () => 1 };
		const copied = enrichOcpiObject(withFunction, 'location', '2.2.1', { defaults: true }).object as Record<string, unknown>;
		// as before: a JSON copy drops what JSON cannot hold
		expect(copied).not.toHaveProperty('run');
		expect(copied.id).toBe('LOC-1');
	});

	it('copyData: the plain walk, else structuredClone, else a JSON round-trip, else a refusal', () => {
		expect(copyData({ at: new Date(0) })).toEqual({ at: new Date(0) });
		const sandboxed = new Proxy(vm.runInNewContext('({ a: { b: [1, "two"] } })') as object, {});
		expect(() => plainCopy(sandboxed)).toThrow(NotPlainData);
		expect(() => structuredClone(sandboxed)).toThrow();
		expect(copyData(sandboxed)).toEqual({ a: { b: [1, 'two'] } });
		expect(copyData({ name: 'x', run: () => 1 })).toEqual({ name: 'x' });
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		expect(() => copyData(new Proxy(cycle, {}))).toThrow();
	});
});

describe('isPlainData: says whether plainCopy takes a value, without copying', () => {
	const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : depth % 2 ? [nested(depth - 1)] : { next: nested(depth - 1) });
	const values: Array<[string, unknown]> = [
		['a Location', validLocation()],
		['primitives', ['text', 1, true, null, undefined, Number.NaN]],
		['a Date inside', { a: [{ b: new Date(0) }] }],
		['a Map', { m: new Map() }],
		['a class instance', { c: new (class Point {})() }],
		['an object without prototype', Object.create(null) as unknown],
		['an own __proto__ key', JSON.parse('{"a":{"__proto__":{"x":1}}}')],
		['a function', { f: () => 1 }],
		['a symbol', [Symbol('s')]],
		['a bigint', { n: 1n }],
		['a sparse list', Object.assign(new Array<unknown>(3), { 0: 1, 2: 3 })],
		['a proxy of plain data', new Proxy({ a: [1, { b: 'c' }] }, {})],
		['an object from another realm', vm.runInNewContext('({ a: [1] })')],
		['an inherited enumerable key only', Object.create({ inherited: new Date() }) as unknown],
		...[62, 63, 64, 65, 66, 67].map((depth): [string, unknown] => [`nested ${depth} deep`, nested(depth)]),
	];
	it.each(values)('%s', (_name, value) => {
		let copies = true;
		try {
			plainCopy(value);
		} catch {
			copies = false;
		}
		expect(isPlainData(value)).toBe(copies);
	});
});
