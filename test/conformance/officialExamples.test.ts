/**
 * Conformance against the official OCPI example payloads (ocpi/ocpi, see test/fixtures/ocpi-examples/SOURCES.md).
 * Valid ones must pass with profile 'spec'; the known-invalid ones must be refused at the right path with the right code.
 */
import { baseLocation221, check, FULL_LOCATION_EXAMPLES, clone, expectIssue, expectValid, loadOfficial } from './helpers';

const FULL_LOCATIONS_221 = FULL_LOCATION_EXAMPLES;

describe('official 2.2.1 Location examples are accepted (profile spec)', () => {
	test.each(FULL_LOCATIONS_221)('%s', (file) => {
		const location = loadOfficial('2.2.1', file);
		const result = check(location, { version: '2.2.1', kind: 'location', profile: 'spec' });
		expectValid(result);
		expect(result.valid).toBe(true);
		// The examples use only OCPI fields.
		expect(result.warnings.filter((w) => w.code === 'unknown_field')).toEqual([]);
	});

	test('validation does not mutate the example', () => {
		const location = loadOfficial('2.2.1', 'location_example.json');
		const before = clone(location);
		check(location);
		expect(location).toEqual(before);
	});

	test('each EVSE and connector of location_example.json is valid on its own (kind evse / connector)', () => {
		const location = loadOfficial('2.2.1', 'location_example.json');
		for (const evse of location.evses) {
			expectValid(check(evse, { kind: 'evse' }));
			for (const connector of evse.connectors) expectValid(check(connector, { kind: 'connector' }));
		}
	});
});

describe('official 2.2.1 fragments are accepted when wrapped into a valid Location', () => {
	test.each([
		'location_hours_247_open_exception_closing.json',
		'location_hours_opening_hours_with_exceptional_closing.json',
		'location_hours_opening_hours_with_exceptional_opening.json',
	])('Hours %s as opening_times', (file) => {
		const location = baseLocation221();
		location.opening_times = loadOfficial('2.2.1', file);
		expectValid(check(location));
	});

	test('RegularHours example (location_regularhours_example.json) as opening_times', () => {
		const location = baseLocation221();
		location.opening_times = loadOfficial('2.2.1', 'location_regularhours_example.json').opening_times;
		expectValid(check(location));
	});

	test.each([
		'location_energymix_example_complete.json',
		'location_energymix_example_energy_provider.json',
		'location_energymix_example_simple.json',
	])('EnergyMix %s as energy_mix', (file) => {
		const location = baseLocation221();
		location.energy_mix = loadOfficial('2.2.1', file).energy_mix;
		expectValid(check(location));
	});
});

describe('official 2.1.1 example violates 2.1.1 rules and is rejected (version 2.1.1)', () => {
	const example = () => loadOfficial('2.1.1', 'location_example.json');

	test('latitude "51.04759" has 5 decimals, 2.1.1 demands exactly 6', () => {
		expectIssue(check(example(), { version: '2.1.1' }), 'coordinates.latitude', 'invalid_format');
	});

	test('longitude "3.72994" has 5 decimals, 2.1.1 demands exactly 6', () => {
		expectIssue(check(example(), { version: '2.1.1' }), 'coordinates.longitude', 'invalid_format');
	});

	test('the second EVSE\'s connector has no last_updated', () => {
		expectIssue(check(example(), { version: '2.1.1' }), 'evses[1].connectors[0].last_updated', 'required');
	});

	test('EVSE field `id` (dash-separated, ocpi/ocpi#179) is not a 2.1.1 EVSE field', () => {
		expectIssue(check(example(), { version: '2.1.1' }), 'evses[0].id', 'unknown_field', 'warning');
		expectIssue(check(example(), { version: '2.1.1' }), 'evses[1].id', 'unknown_field', 'warning');
	});

	test('connector field `status` is not a 2.1.1 Connector field', () => {
		expectIssue(check(example(), { version: '2.1.1' }), 'evses[1].connectors[0].status', 'unknown_field', 'warning');
	});

	test('with only the coordinates and the missing last_updated fixed, the example is valid 2.1.1', () => {
		const fixed = example();
		fixed.coordinates = { latitude: '51.047590', longitude: '3.729940' };
		fixed.evses[1].connectors[0].last_updated = '2015-06-29T20:39:09Z';
		expectValid(check(fixed, { version: '2.1.1' }));
	});

	test('the 2.1.1 example is not a 2.2.1 Location either (no country_code/party_id/publish/time_zone)', () => {
		const result = check(example(), { version: '2.2.1' });
		expectIssue(result, 'country_code', 'required');
		expectIssue(result, 'party_id', 'required');
		expectIssue(result, 'publish', 'required');
		expectIssue(result, 'time_zone', 'required');
		expectIssue(result, 'evses[0].connectors[0].max_voltage', 'required');
	});
});

describe('official 2.2.1 location_put_example_add_evse.json is an invalid EVSE', () => {
	const evse = () => loadOfficial('2.2.1', 'location_put_example_add_evse.json');

	test.each([
		['connectors[0].power_type', 'required'],
		['connectors[0].max_voltage', 'required'],
		['connectors[0].max_amperage', 'required'],
		['connectors[0].last_updated', 'required'],
		['physical_reference', 'wrong_type'],
	] as const)('%s → %s', (path, code) => {
		expectIssue(check(evse(), { kind: 'evse' }), path, code);
	});

	test('`floor` is an unknown field (the field is floor_level)', () => {
		expectIssue(check(evse(), { kind: 'evse' }), 'floor', 'unknown_field', 'warning');
	});

	test('wrapped into a Location, the same problems are reported under evses[0]', () => {
		const location = baseLocation221();
		location.evses = [evse()];
		const result = check(location);
		expectIssue(result, 'evses[0].connectors[0].power_type', 'required');
		expectIssue(result, 'evses[0].physical_reference', 'wrong_type');
		expectIssue(result, 'evses[0].floor', 'unknown_field', 'warning');
	});
});
