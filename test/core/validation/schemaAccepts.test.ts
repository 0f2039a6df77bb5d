/**
 * The Validator skips zod's parse when core/validation/schemaAccepts says the object has no issue at all. That
 * is only sound if it never says so where zod finds something (an error or a warning): then the result is the
 * one the zod path gives. This file holds zod as the oracle on valid Locations, EVSEs and Connectors of every
 * version and on thousands of random mutations of them (wrong types, limits, formats, enum values, unknown and
 * missing keys, duplicate ids, reordered lists), and checks both answers agree.
 */
import { readdirSync, readFileSync } from 'fs';
import { z } from 'zod/v4';
import { join } from 'path';
import { schemaFor } from '../../../core/ocpi';
import { OCPI_OBJECT_KINDS, type OcpiObjectKind, type OcpiVersion } from '../../../core/ocpi/version';
import { acceptsTest } from '../../../core/validation/schemaAccepts';
import { validateOcpiObject } from '../../../core/validation/validate';
import { createRandom, type Random } from '../../../bench/fixtures/network/random';
import { generateLocations } from '../../../bench/fixtures/network/generateNetwork';
import { testLocation, type LocationJson } from '../../fixtures/ocpiLocations';

const EXAMPLES = join(__dirname, '../../fixtures/ocpi-examples');

/** Whole Locations of a version: the builder's, the spec's examples, and (2.2.1) generated ones. */
function locationsOf(version: OcpiVersion): LocationJson[] {
	const built = version === '2.3.0' ? [] : [testLocation(version)];
	const examples = readdirSync(join(EXAMPLES, version))
		.filter((file) => file.startsWith('location_') && !file.includes('patch'))
		.map((file) => JSON.parse(readFileSync(join(EXAMPLES, version, file), 'utf8')) as { data?: LocationJson } & LocationJson)
		.map((example) => example.data ?? example)
		.filter((example) => example !== null && typeof example === 'object' && !Array.isArray(example));
	const generated = version === '2.2.1' ? [...generateLocations({ seed: 11, locations: 20 })].map((location) => JSON.parse(JSON.stringify(location)) as LocationJson) : [];
	return [...built, ...examples, ...generated];
}

function objectsOf(location: LocationJson, kind: OcpiObjectKind): LocationJson[] {
	if (kind === 'location') return [location];
	const evses = Array.isArray(location.evses) ? location.evses : [];
	return kind === 'evse' ? evses : evses.flatMap((evse: LocationJson) => (Array.isArray(evse.connectors) ? evse.connectors : []));
}

const VARIANTS: unknown[] = [
	undefined, null, [], {}, '', ' ', 'x', 'X'.repeat(300), 'line\nbreak', 'é', -1, 0, 1.5, 230, 22000, Infinity, NaN, true, false,
	'2024-13-01T00:00:00Z', '2024-01-01T00:00:00', '2024-01-01T00:00:00+01:00', '2024-01-01T00:00:00.123Z', '2024-02-30T00:00:00Z',
	'DE', 'de', 'NLD', 'Germany', 'Europe/Berlin', 'europe/berlin', 'UTC+2', '52.5', '52.123456', '-91.000000', '4,881155',
	'AC_3_PHASE', 'DC', 'SAE_J3400', 'MCS', 'OTHER', 'AVAILABLE', 'REMOVED', 'https://example.com/a.png', 'not a url', '08:00', '25:00',
	[{}], ['x'], [null],
];

/** One random change at a random spot of a copy. */
function mutate(value: unknown, random: Random, depth = 0): unknown {
	if (depth > 5 || random.chance(0.12)) return random.pick(VARIANTS);
	if (Array.isArray(value)) {
		const copy = [...value];
		const choice = random.next();
		if (copy.length > 0 && choice < 0.6) {
			const index = random.int(0, copy.length - 1);
			copy[index] = mutate(copy[index], random, depth + 1);
		} else if (copy.length > 0 && choice < 0.75) copy.push(copy[0]);
		else if (choice < 0.85) copy.reverse();
		else copy.pop();
		return copy;
	}
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
		const keys = Object.keys(copy);
		const choice = random.next();
		if (choice < 0.08 || keys.length === 0) copy[random.pick(['extra', 'Id', 'uid', 'last_updated', 'status'])] = random.pick(VARIANTS);
		else if (choice < 0.16) delete copy[random.pick(keys)];
		else {
			const key = random.pick(keys);
			copy[key] = mutate(copy[key], random, depth + 1);
		}
		return copy;
	}
	if (typeof value === 'string' && random.chance(0.3)) return random.chance(0.5) ? value.toLowerCase() : `${value}${value}`;
	if (typeof value === 'number' && random.chance(0.6)) return random.pick([-value, value + 0.5, NaN, Infinity, -Infinity, 1e6]);
	return random.pick(VARIANTS);
}

describe('schemaAccepts answers as zod does', () => {
	for (const version of ['2.1.1', '2.2.1', '2.3.0'] as const) {
		for (const kind of OCPI_OBJECT_KINDS) {
			it(`OCPI ${version} ${kind}: valid objects and 2,000 mutations, both ways`, () => {
				const schema = schemaFor(version, kind);
				const accepts = acceptsTest(schema);
				const bases = locationsOf(version).flatMap((location) => objectsOf(location, kind));
				expect(bases.length).toBeGreaterThan(0);
				const random = createRandom(`${version} ${kind}`);
				const disagreements: string[] = [];
				const tally = { accepted: 0, refused: 0 };
				const compare = (value: unknown): void => {
					const fast = accepts(value);
					const zod = schema.safeParse(value).success;
					if (fast) tally.accepted++;
					else tally.refused++;
					if (fast !== zod && disagreements.length < 5) disagreements.push(`fast ${fast}, zod ${zod}: ${JSON.stringify(value)}`);
				};
				bases.forEach(compare);
				for (let i = 0; i < 2_000; i++) {
					let value = mutate(random.pick(bases), random);
					if (random.chance(0.3)) value = mutate(value, random);
					compare(value);
				}
				expect(disagreements).toEqual([]);
				// both answers occur often enough for the agreement to mean something
				expect(tally.accepted).toBeGreaterThan(100);
				expect(tally.refused).toBeGreaterThan(500);
			});
		}
	}

	it('refuses what only zod’s own type checks catch: NaN and Infinity where the OCPI rule has no bound', () => {
		for (const [version, category] of [['2.1.1', 'source'], ['2.2.1', 'category']] as const) {
			const accepts = acceptsTest(schemaFor(version, 'location'));
			const location = testLocation(version, { energy_mix: { is_green_energy: false, environ_impact: [{ [category]: 'CARBON_DIOXIDE', amount: 372 }] } });
			expect(accepts(location)).toBe(true);
			for (const amount of [Number.NaN, Infinity]) {
				const odd = JSON.parse(JSON.stringify(location)) as LocationJson;
				odd.energy_mix.environ_impact[0].amount = amount;
				expect(schemaFor(version, 'location').safeParse(odd).success).toBe(false);
				expect(accepts(odd)).toBe(false);
			}
		}
	});

	it('says false, never throws, for schema internals it cannot read or a check that throws: zod decides then', () => {
		expect(acceptsTest({ _zod: {} } as unknown as Parameters<typeof acceptsTest>[0])('x')).toBe(false);
		const throwing = z.string().check(() => {
			throw new Error('boom');
		});
		expect(acceptsTest(throwing)('x')).toBe(false);
		expect(() => throwing.safeParse('x')).toThrow('boom');
	});

	it('leaves the Validator’s answers as they were: valid objects valid, issues and warnings from zod', () => {
		const options = { version: '2.2.1', kind: 'location', profile: 'spec' } as const;
		const location = testLocation('2.2.1');
		expect(validateOcpiObject(location, options)).toEqual({ valid: true, errors: [], warnings: [] });
		// a warning is an issue too: zod reports it
		const unknownField = validateOcpiObject({ ...location, extra: 1 }, options);
		expect(unknownField.valid).toBe(true);
		expect(unknownField.warnings.map((issue) => [issue.path, issue.code])).toEqual([['extra', 'unknown_field']]);
		const broken = validateOcpiObject({ ...location, country: 'Germany' }, options);
		expect(broken.errors.map((issue) => [issue.path, issue.code])).toEqual([['country', 'invalid_format']]);
	});
});
