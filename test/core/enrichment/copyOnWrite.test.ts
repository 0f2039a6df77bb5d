/**
 * Enrichment copies only what its steps write (core/enrichment/copyOnWrite) instead of the whole Location. The
 * oracle is enrichment with the full copy: a reference-data step that matches no row is enabled, which makes
 * enrichOcpiObject take copyData's full copy and change nothing else. Both must give the same object (same
 * fields, same key order) and the same changes, and the input must stay as it was.
 */
import * as vm from 'vm';
import { enrichOcpiObject, type EnrichmentOptions } from '../../../core/enrichment/enrich';
import type { OcpiObjectKind } from '../../../core/ocpi/version';
import { createRandom } from '../../../bench/fixtures/network/random';
import { generateLocations } from '../../../bench/fixtures/network/generateNetwork';
import type { LocationJson } from '../../fixtures/ocpiLocations';

const NOW = new Date('2026-12-03T12:00:00Z');
const ALL_STEPS: EnrichmentOptions = { defaults: true, countryCodes: true, coordinates: true, timeZone: true, evseId: 'strict', now: NOW };
/** Enables the reference-data step without a row to merge: enrichment then copies the whole input, as it did. */
const FULL_COPY = { referenceData: { keyField: 'no_such_field', rows: {} } };

function enrichBoth(input: unknown, kind: OcpiObjectKind, options: EnrichmentOptions) {
	return { shallow: enrichOcpiObject(input, kind, '2.2.1', options), full: enrichOcpiObject(input, kind, '2.2.1', { ...options, ...FULL_COPY }) };
}

function isObject(value: unknown): value is LocationJson {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function evsesOf(location: LocationJson): unknown[] {
	return Array.isArray(location.evses) && location.evses.length > 0 ? location.evses : [undefined];
}

type Mutation = (location: LocationJson, pick: <T>(list: readonly T[]) => T) => void;

/** Inputs each step rewrites, at every level, and shapes the tree walk skips. */
const MUTATIONS: Mutation[] = [
	(location) => {
		location.coordinates = { latitude: 52.5, longitude: '13,4' };
	},
	(location) => {
		location.related_locations = [{ latitude: 48.1, longitude: 11.5, name: { language: 'de', text: 'Einfahrt' } }, 'junk'];
	},
	(location, pick) => {
		const evse = pick(evsesOf(location));
		if (isObject(evse)) evse.coordinates = { latitude: '1,5', longitude: 2 };
	},
	(location, pick) => {
		location.country = pick(['Germany', 'de', 'deu']);
	},
	(location, pick) => {
		const evse = pick(evsesOf(location));
		if (isObject(evse)) evse.evse_id = 'de-abc-e1234 5';
	},
	(location, pick) => {
		delete location.last_updated;
		const evse = pick(evsesOf(location));
		if (!isObject(evse)) return;
		delete evse.last_updated;
		if (isObject(evse.connectors?.[0])) delete evse.connectors[0].last_updated;
	},
	(location) => {
		delete location.time_zone;
		delete location.publish;
		delete location.charging_when_closed;
	},
	(location) => {
		if (Array.isArray(location.evses)) location.evses.push(null, 7, ['list'], 'text');
	},
	(location) => {
		location.evses = { not: 'a list' };
	},
	(location) => {
		location.operator = { name: 'Shared', logo: { url: 'https://x.example/l.png', category: 'OPERATOR', type: 'png' } };
	},
];

describe('copy on write: enrichment copies only what its steps write', () => {
	it('gives the same object, key order and changes as the full copy on 600 generated Locations, EVSEs and Connectors, and leaves the input as it was', () => {
		const { next, pick } = createRandom(20261203);
		const disagreements: string[] = [];
		let changed = 0;
		for (const sample of generateLocations({ seed: 7, locations: 200 })) {
			const location = JSON.parse(JSON.stringify(sample)) as LocationJson;
			for (let i = 0; i < 1 + Math.floor(next() * 3); i++) pick(MUTATIONS)(location, pick);
			const evse = Array.isArray(location.evses) ? location.evses.find(isObject) : undefined;
			for (const [kind, input] of [['location', location], ['evse', evse], ['connector', evse?.connectors?.[0]]] as const) {
				if (input === undefined) continue;
				const before = JSON.stringify(input);
				const options = { ...ALL_STEPS, evseId: pick(['strict', 'lenient', 'off'] as const) };
				const { shallow, full } = enrichBoth(input, kind, options);
				if (JSON.stringify(shallow) !== JSON.stringify(full) || JSON.stringify(input) !== before) {
					if (disagreements.length < 3) disagreements.push(`${kind} ${before}\nshallow ${JSON.stringify(shallow)}\nfull ${JSON.stringify(full)}\ninput after ${JSON.stringify(input)}`);
				}
				expect(shallow.object).toStrictEqual(full.object);
				if (shallow.changes.length > 0) changed++;
			}
		}
		expect(disagreements).toEqual([]);
		// the steps had work to do, so the copies were written
		expect(changed).toBeGreaterThan(150);
	});

	it('shares what no step writes: a default at the top copies the Location alone, a new evse_id that EVSE and its list', () => {
		const location = JSON.parse(JSON.stringify(generateLocations({ seed: 3, locations: 1 }).next().value)) as LocationJson;
		delete location.charging_when_closed;
		const before = JSON.stringify(location);
		const top = enrichOcpiObject(location, 'location', '2.2.1', { defaults: true, now: NOW }).object as LocationJson;
		expect(top.charging_when_closed).toBe(true);
		expect(top).not.toBe(location);
		expect(top.evses).toBe(location.evses);
		expect(top.coordinates).toBe(location.coordinates);
		expect(location.evses.length).toBeGreaterThan(1);
		location.evses[0].evse_id = location.evses[0].evse_id.toLowerCase();
		const evse = enrichOcpiObject(location, 'location', '2.2.1', { evseId: 'strict' }).object as LocationJson;
		expect(evse.evses).not.toBe(location.evses);
		expect(evse.evses[0]).not.toBe(location.evses[0]);
		expect(evse.evses[0].connectors).toBe(location.evses[0].connectors);
		expect(evse.evses[1]).toBe(location.evses[1]);
		expect(location.evses[0].evse_id).toBe(location.evses[0].evse_id.toLowerCase());
		location.evses[0].evse_id = evse.evses[0].evse_id;
		expect(JSON.stringify(location)).toBe(before);
	});

	it('copies input that is not plain JSON data in full first, as before', () => {
		const sandboxed = vm.runInNewContext('({ name: "x" })') as object;
		const cycle: Record<string, unknown> = {};
		cycle.self = cycle;
		for (const odd of [{ at: new Date(0) }, { run: () => 1 }, JSON.parse('{"__proto__": {"polluted": true}}'), { operator: sandboxed }, { operator: cycle }, { evses: [{ connectors: [{ at: new Date(0) }] }] }]) {
			const input = { id: 'LOC-1', ...odd };
			const { shallow, full } = enrichBoth(input, 'location', ALL_STEPS);
			expect(shallow).toStrictEqual(full);
		}
	});
});
