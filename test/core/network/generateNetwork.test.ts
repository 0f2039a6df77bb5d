import {
	generateLocations,
	inChunks,
	networkCounts,
	type SampleLocation,
} from '../../../bench/fixtures/network/generateNetwork';
import { validateOcpiObject } from '../../../core/validation/validate';

function take(options: Parameters<typeof generateLocations>[0]): SampleLocation[] {
	return [...generateLocations(options)];
}

function totals(locations: SampleLocation[]): { evses: number; connectors: number } {
	let evses = 0;
	let connectors = 0;
	for (const location of locations) {
		evses += location.evses.length;
		for (const evse of location.evses) connectors += evse.connectors.length;
	}
	return { evses, connectors };
}

describe('generateLocations (sample network)', () => {
	it('gives the same Locations for the same seed and different ones for another seed', () => {
		const first = JSON.stringify(take({ seed: 42, locations: 300 }));
		expect(JSON.stringify(take({ seed: 42, locations: 300 }))).toBe(first);
		expect(JSON.stringify(take({ seed: 'demo', locations: 300 }))).toBe(JSON.stringify(take({ seed: 'demo', locations: 300 })));
		expect(JSON.stringify(take({ seed: 43, locations: 300 }))).not.toBe(first);
	});

	it('meets the default 3 EVSEs per Location and 2 connectors per EVSE exactly', () => {
		const locations = take({ seed: 7, locations: 1000 });
		expect(locations).toHaveLength(1000);
		expect(totals(locations)).toEqual({ evses: 3000, connectors: 6000 });
		expect(networkCounts({ seed: 7, locations: 1000 })).toEqual({ locations: 1000, evses: 3000, connectors: 6000 });
		// Varied per Location, not a flat 3 everywhere.
		expect(new Set(locations.map((location) => location.evses.length)).size).toBeGreaterThan(2);
	});

	it('meets explicit totals exactly', () => {
		expect(totals(take({ seed: 1, locations: 10, evses: 17, connectors: 40 }))).toEqual({ evses: 17, connectors: 40 });
	});

	it('keeps ids unique, addresses within 45 characters and parents no older than children', () => {
		const locations = take({ seed: 3, locations: 2000 });
		const ids = new Set<string>();
		const uids = new Set<string>();
		const evseIds = new Set<string>();
		// Collected rather than asserted one by one: 12k expect() calls would dominate the test's time.
		const problems: string[] = [];
		for (const location of locations) {
			ids.add(location.id);
			if ((location.address as string).length > 45) problems.push(`${location.id} address too long`);
			if ((location.postal_code as string).length > 10) problems.push(`${location.id} postal_code too long`);
			for (const evse of location.evses) {
				uids.add(evse.uid);
				evseIds.add(evse.evse_id);
				if (location.last_updated < evse.last_updated) problems.push(`${evse.uid} newer than its Location`);
				for (const connector of evse.connectors) {
					if (evse.last_updated < connector.last_updated) problems.push(`${evse.uid}/${connector.id} newer than its EVSE`);
				}
			}
		}
		expect(problems).toEqual([]);
		const { evses } = totals(locations);
		expect(ids.size).toBe(locations.length);
		expect(uids.size).toBe(evses);
		expect(evseIds.size).toBe(evses);
	});

	it('streams in chunks without losing or repeating a Location', () => {
		const sizes = [...inChunks(generateLocations({ seed: 5, locations: 2500 }), 1000)].map((chunk) => chunk.length);
		expect(sizes).toEqual([1000, 1000, 500]);
	});

	it('produces Locations that are valid OCPI 2.2.1 under the strict profile', () => {
		// Every 10th of 5000, so the sample spans many cities, CPOs and EVSE layouts.
		const sample = take({ seed: 11, locations: 5000 }).filter((_, index) => index % 10 === 0);
		expect(sample).toHaveLength(500);
		const failures = sample
			.map((location) => ({ id: location.id, result: validateOcpiObject(location, { version: '2.2.1', kind: 'location', profile: 'strict' }) }))
			.filter(({ result }) => !result.valid || result.warnings.length > 0)
			.map(({ id, result }) => ({ id, issues: [...result.errors, ...result.warnings].slice(0, 3) }));
		expect(failures.slice(0, 3)).toEqual([]);
	});
});
