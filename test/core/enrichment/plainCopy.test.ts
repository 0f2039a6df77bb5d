import { enrichOcpiObject } from '../../../core/enrichment/enrich';
import * as vm from 'vm';
import { copyData, NotPlainData, plainCopy } from '../../../core/enrichment/plainCopy';
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
