/**
 * Completeness profiles: one test per rule of every profile (the data point missing once is reported at its
 * path and costs exactly one point), the version and REMOVED exemptions, and the network score of a fixture
 * network.
 */
import { validateOcpiObject } from '../../../core/validation/validate';
import { networkCompleteness } from '../../../core/validation/networkCompleteness';
import { COMPLETENESS_PROFILES, rulesFor, type ProfileRule } from '../../../core/validation/profileRuleSets';
import type { RuleProfile } from '../../../core/validation/ruleProfile';
import type { OcpiVersion } from '../../../core/ocpi/version';
import { baseLocation230 } from '../../conformance/helpers';

type Json = Record<string, any>;

/** A 2.3.0 Location that gives every point of every profile. */
function completeLocation(): Json {
	const location = baseLocation230();
	location.evses[1].parking_restrictions = [];
	location.evses[1].accepted_service_providers = ['Shell Recharge'];
	return location;
}

function check(location: Json, profile: RuleProfile, version: OcpiVersion = '2.3.0') {
	return validateOcpiObject(location, { version, kind: 'location', profile });
}

/** Where the rule's point sits in the Location, and how often it occurs there. */
function placesOf(rule: ProfileRule, location: Json): Array<{ parent: Json; prefix: string }> {
	if (rule.level === 'location') return [{ parent: location, prefix: '' }];
	const evses = (location.evses as Json[]).map((evse, i) => ({ parent: evse, prefix: `evses[${i}].` }));
	if (rule.level === 'evse') return evses;
	return evses.flatMap(({ parent, prefix }) => (parent.connectors as Json[]).map((connector, j) => ({ parent: connector, prefix: `${prefix}connectors[${j}].` })));
}

function unset(parent: Json, dotted: string): void {
	const keys = dotted.split('.');
	const last = keys.pop()!;
	let node = parent;
	for (const key of keys) node = node[key];
	delete node[last];
}

const RULES = Object.values(COMPLETENESS_PROFILES).flatMap((profile) => profile.rules.map((rule) => [rule.id, profile.name as RuleProfile, rule] as const));

describe('every profile rule', () => {
	test.each(Object.keys(COMPLETENESS_PROFILES))('%s: the complete Location scores 100 % and is valid', (profile) => {
		const result = check(completeLocation(), profile as RuleProfile);
		expect(result.errors).toEqual([]);
		expect(result.completeness).toMatchObject({ profile, score: 1, missing: [] });
		expect(result.completeness!.required).toBeGreaterThan(0);
	});

	test.each(RULES)('%s: missing once is an error at its path and costs one point', (id, profile, rule) => {
		const location = completeLocation();
		const [place] = placesOf(rule, location);
		unset(place.parent, rule.field);
		const result = check(location, profile);
		const path = `${place.prefix}${rule.field}`;
		expect(result.errors.filter((issue) => issue.code === 'required_by_profile').map((issue) => issue.path)).toEqual([path]);
		expect(result.valid).toBe(false);
		const { present, required, missing, score } = result.completeness!;
		expect(missing).toEqual([id]);
		expect(present).toBe(required - 1);
		expect(score).toBeCloseTo((required - 1) / required, 10);
		// the message names the field and the profile; the README and the rule set give the source
		const issue = result.errors.find((error) => error.code === 'required_by_profile')!;
		expect(issue.message).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')} is missing: the .+ rule profile requires `));
		expect(rule.source.length).toBeGreaterThan(20);
	});

	test.each(RULES.filter(([, , rule]) => rule.list))('%s: an empty list is given ("none apply")', (_id, profile, rule) => {
		const location = completeLocation();
		for (const { parent } of placesOf(rule, location)) {
			const keys = rule.field.split('.');
			parent[keys[0]] = [];
		}
		// an EVSE parking link needs a Parking to point at
		if (rule.field === 'parking_places') for (const evse of location.evses) delete evse.parking;
		expect(check(location, profile).completeness!.missing).toEqual([]);
	});
});

describe('what a profile does not score', () => {
	test('an EVSE with status REMOVED is not scored (it may drop its evse_id so the id can be reused)', () => {
		const location = completeLocation();
		location.evses[1].status = 'REMOVED';
		delete location.evses[1].evse_id;
		delete location.evses[1].connectors[0].max_electric_power;
		const scored = check(location, 'afir').completeness!;
		const full = check(completeLocation(), 'afir').completeness!;
		expect(scored.missing).toEqual([]);
		// the removed EVSE's points (evse_id, accepted_service_providers, one connector) are out of the count
		expect(full.required - scored.required).toBe(3);
	});

	test('AFIR in 2.2.1 leaves out the points 2.2.1 cannot carry (help_phone, parking_places, accepted_service_providers)', () => {
		const afir = COMPLETENESS_PROFILES.afir;
		expect(rulesFor(afir, '2.2.1').map((rule) => rule.id)).toEqual(['afir.operator', 'afir.opening_times', 'afir.postal_code', 'afir.evse_id', 'afir.max_electric_power']);
		expect(rulesFor(afir, '2.1.1').map((rule) => rule.id)).toEqual(['afir.operator', 'afir.opening_times', 'afir.evse_id']);
	});

	test('the spec profile has no score', () => {
		expect(check(completeLocation(), 'spec').completeness).toBeUndefined();
	});
});

/**
 * The fixture network: ten Locations in 2.3.0. Every Location has 2 EVSEs with 3 connectors in all, so each
 * scores 5 Location points + 2 × 2 EVSE points + 3 connector points = 12 AFIR points.
 */
function fixtureNetwork(): Json[] {
	return Array.from({ length: 10 }, (_, i) => {
		const location = completeLocation();
		location.id = `LOC-${i}`;
		if (i < 3) delete location.opening_times; // three sites lack opening hours
		if (i === 3) delete location.help_phone;
		if (i === 4) delete location.evses[0].connectors[0].max_electric_power;
		if (i === 4) delete location.evses[0].connectors[1].max_electric_power;
		return location;
	});
}

describe('network completeness', () => {
	test('the fixture network scores 114 of 120 AFIR points: 95 %, 5 of 10 Locations complete', () => {
		const results = fixtureNetwork().map((location) => check(location, 'afir'));
		expect(results.map((result) => result.completeness!.required)).toEqual(Array(10).fill(12));
		const network = networkCompleteness(results.map((result) => result.completeness), 'location')!;
		expect(network).toMatchObject({ profile: 'afir', objects: 10, completeObjects: 5, percent: 95 });
		expect(network.score).toBeCloseTo(114 / 120, 10);
		expect(network.lacking.map(({ rule, objects }) => [rule, objects])).toEqual([
			['afir.opening_times', 3],
			['afir.help_phone', 1],
			['afir.max_electric_power', 1],
		]);
		expect(network.summary).toBe('95 % AFIR-complete (5 of 10 Locations complete): 3 Locations lack opening_times, 1 Location lacks help_phone, 1 Location lacks max_electric_power');
	});

	test('the same network in the Dutch NAP profile: energy_mix, restrictions and tariffs are there, opening_times and power are not', () => {
		const network = networkCompleteness(fixtureNetwork().map((location) => check(location, 'nl-nap').completeness), 'location')!;
		expect(network.summary).toMatch(/^\d+ % NL-NAP-complete/);
		expect(network.lacking.map(({ rule, objects }) => [rule, objects])).toEqual([
			['nl-nap.opening_times', 3],
			['nl-nap.max_electric_power', 1],
		]);
	});

	test('no scores, no network score', () => {
		expect(networkCompleteness([undefined, undefined], 'location')).toBeUndefined();
	});
});
