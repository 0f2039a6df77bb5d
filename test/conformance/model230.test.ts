/**
 * OCPI 2.3.0 edition 2 conformance: the official examples are accepted, and each invalid variant (one
 * mutation of a known-valid Location) is refused at its exact path. The 2.3.0 differences from 2.2.1 are
 * covered: longer address and state, help_phone, Parking and EVSEParking, accepted_service_providers,
 * connector capabilities, OpenEnums, and "SHALL NOT reject" undocumented fields.
 */
import type { IssueCode } from '../../core/foundation/issue';
import { baseLocation230, chars, check, FULL_LOCATION_EXAMPLES, expectIssue, expectValid, loadOfficial, type Json } from './helpers';

const V230 = { version: '2.3.0' as const };

const FULL_LOCATIONS = FULL_LOCATION_EXAMPLES;

describe('official 2.3.0 edition 2 Location examples are accepted', () => {
	test.each(FULL_LOCATIONS)('%s', (file) => {
		const result = check(loadOfficial('2.3.0', file), V230);
		expectValid(result);
		expect(result.warnings).toEqual([]);
	});

	test('location_example.json uses parking_places and EVSE parking (the 2.3.0 additions are really exercised)', () => {
		const location = loadOfficial('2.3.0', 'location_example.json');
		expect(location.parking_places).toHaveLength(3);
		expect(location.evses[0].parking[0]).toEqual({ parking_id: '1', evse_position: 'LEFT' });
		// the same example is refused by 2.2.1, which knows neither field
		const as221 = check(location, { version: '2.2.1' });
		expect(as221.warnings.map((w) => `${w.path} ${w.code}`)).toEqual(
			expect.arrayContaining(['parking_places unknown_field', 'evses[0].parking unknown_field']),
		);
	});

	test.each(['location_hours_247_open_exception_closing.json', 'location_hours_opening_hours_with_exceptional_closing.json', 'location_hours_opening_hours_with_exceptional_opening.json'])(
		'Hours %s as opening_times',
		(file) => {
			const location = baseLocation230();
			location.opening_times = loadOfficial('2.3.0', file);
			expectValid(check(location, V230));
		},
	);

	test.each(['location_energymix_example_complete.json', 'location_energymix_example_energy_provider.json', 'location_energymix_example_simple.json'])(
		'EnergyMix %s as energy_mix',
		(file) => {
			const location = baseLocation230();
			location.energy_mix = loadOfficial('2.3.0', file).energy_mix;
			expectValid(check(location, V230));
		},
	);

	test('each EVSE and connector of location_example.json is valid on its own', () => {
		for (const evse of loadOfficial('2.3.0', 'location_example.json').evses) {
			expectValid(check(evse, { ...V230, kind: 'evse' }));
			for (const connector of evse.connectors) expectValid(check(connector, { ...V230, kind: 'connector' }));
		}
	});

	test('location_put_example_add_evse.json is still no valid EVSE (unchanged from 2.2.1)', () => {
		const result = check(loadOfficial('2.3.0', 'location_put_example_add_evse.json'), { ...V230, kind: 'evse' });
		expectIssue(result, 'connectors[0].power_type', 'required');
	});

	test('the base Location is valid in both profiles and without warnings', () => {
		const result = check(baseLocation230(), V230);
		expectValid(result);
		expect(result.warnings).toEqual([]);
		expectValid(check(baseLocation230(), { ...V230, profile: 'strict' }));
	});
});

interface Variant {
	name: string;
	mutate: (l: Json) => void;
	path: string;
	code: IssueCode;
	severity?: 'error' | 'warning';
}

const P = (l: Json) => l.parking_places[1];
const E0 = (l: Json) => l.evses[0];
const C0 = (l: Json) => l.evses[0].connectors[0];

const VARIANTS: Variant[] = [
	// Location: limits of edition 2
	{ name: 'address 256 characters', mutate: (l) => (l.address = chars(256)), path: 'address', code: 'too_long' },
	{ name: 'state 46 characters', mutate: (l) => (l.state = chars(46)), path: 'state', code: 'too_long' },
	{ name: 'address with line feed', mutate: (l) => (l.address = 'Street 1\nBack'), path: 'address', code: 'invalid_characters' },
	{ name: 'city 46 characters (unchanged)', mutate: (l) => (l.city = chars(46)), path: 'city', code: 'too_long' },
	{ name: 'id 37 characters', mutate: (l) => (l.id = chars(37)), path: 'id', code: 'too_long' },
	// help_phone
	{ name: 'help_phone 26 characters', mutate: (l) => (l.help_phone = chars(26, '1')), path: 'help_phone', code: 'too_long' },
	{ name: 'help_phone non-ASCII (CiString)', mutate: (l) => (l.help_phone = '+32 9 123 45 67 ☎'), path: 'help_phone', code: 'invalid_characters' },
	{ name: 'help_phone as number', mutate: (l) => (l.help_phone = 3291234567), path: 'help_phone', code: 'wrong_type' },
	// parking_places
	{ name: 'parking_places not a list', mutate: (l) => (l.parking_places = P(l)), path: 'parking_places', code: 'wrong_type' },
	{ name: 'parking id missing', mutate: (l) => delete P(l).id, path: 'parking_places[1].id', code: 'required' },
	{ name: 'parking id 37 characters', mutate: (l) => (P(l).id = chars(37)), path: 'parking_places[1].id', code: 'too_long' },
	{ name: 'parking id used twice', mutate: (l) => (P(l).id = 'p1'), path: 'parking_places[1].id', code: 'duplicate_id' },
	{ name: 'parking physical_reference 13 characters', mutate: (l) => (P(l).physical_reference = chars(13)), path: 'parking_places[1].physical_reference', code: 'too_long' },
	{ name: 'parking vehicle_types missing', mutate: (l) => delete P(l).vehicle_types, path: 'parking_places[1].vehicle_types', code: 'required' },
	{ name: 'parking vehicle_types empty (card. +)', mutate: (l) => (P(l).vehicle_types = []), path: 'parking_places[1].vehicle_types', code: 'too_few_items' },
	{ name: 'parking vehicle type unlisted (OpenEnum: warning)', mutate: (l) => (P(l).vehicle_types = ['VAN', 'CARGO_BIKE']), path: 'parking_places[1].vehicle_types[1]', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'parking vehicle type empty text', mutate: (l) => (P(l).vehicle_types = ['']), path: 'parking_places[1].vehicle_types[0]', code: 'invalid_format' },
	{ name: 'parking restricted_to_type missing', mutate: (l) => delete P(l).restricted_to_type, path: 'parking_places[1].restricted_to_type', code: 'required' },
	{ name: 'parking reservation_required as string', mutate: (l) => (P(l).reservation_required = 'no'), path: 'parking_places[1].reservation_required', code: 'wrong_type' },
	{ name: 'parking max_vehicle_weight negative', mutate: (l) => (P(l).max_vehicle_weight = -1), path: 'parking_places[1].max_vehicle_weight', code: 'out_of_range' },
	{ name: 'parking max_vehicle_height as text', mutate: (l) => (P(l).max_vehicle_height = '275 cm'), path: 'parking_places[1].max_vehicle_height', code: 'wrong_type' },
	{ name: 'parking direction unknown (closed enum)', mutate: (l) => (P(l).direction = 'DIAGONAL'), path: 'parking_places[1].direction', code: 'not_allowed_value' },
	{ name: 'parking time_limit negative', mutate: (l) => (P(l).time_limit = -5), path: 'parking_places[1].time_limit', code: 'out_of_range' },
	{ name: 'parking standards entry 37 characters', mutate: (l) => (P(l).standards = [chars(37)]), path: 'parking_places[1].standards[0]', code: 'too_long' },
	{ name: 'parking image URL without scheme', mutate: (l) => (P(l).images[0].url = 'example.com/p2.jpeg'), path: 'parking_places[1].images[0].url', code: 'invalid_format' },
	{ name: 'parking unknown field (warning, never a refusal)', mutate: (l) => (P(l).colour = 'green'), path: 'parking_places[1].colour', code: 'unknown_field', severity: 'warning' },
	{ name: 'parking for a VAN without dimensions (should)', mutate: (l) => delete P(l).max_vehicle_height, path: 'parking_places[1].max_vehicle_height', code: 'suspicious_value', severity: 'warning' },
	{ name: 'parking for DISABLED without a photo (should)', mutate: (l) => delete P(l).images, path: 'parking_places[1].images', code: 'suspicious_value', severity: 'warning' },
	// EVSE
	{ name: 'EVSE parking not a list', mutate: (l) => (E0(l).parking = { parking_id: 'P1' }), path: 'evses[0].parking', code: 'wrong_type' },
	{ name: 'EVSE parking_id missing', mutate: (l) => delete E0(l).parking[0].parking_id, path: 'evses[0].parking[0].parking_id', code: 'required' },
	{ name: 'EVSE parking_id names no Parking of the Location', mutate: (l) => (E0(l).parking[0].parking_id = 'P9'), path: 'evses[0].parking[0].parking_id', code: 'unknown_reference' },
	{ name: 'EVSE parking_id without any parking_places', mutate: (l) => delete l.parking_places, path: 'evses[0].parking[0].parking_id', code: 'unknown_reference' },
	{ name: 'EVSE evse_position unknown (closed enum)', mutate: (l) => (E0(l).parking[0].evse_position = 'FRONT'), path: 'evses[0].parking[0].evse_position', code: 'not_allowed_value' },
	{ name: 'accepted_service_providers entry 51 characters', mutate: (l) => (E0(l).accepted_service_providers = [chars(51)]), path: 'evses[0].accepted_service_providers[0]', code: 'too_long' },
	{ name: 'accepted_service_providers not a list', mutate: (l) => (E0(l).accepted_service_providers = 'Shell Recharge'), path: 'evses[0].accepted_service_providers', code: 'wrong_type' },
	{ name: 'EVSE parking restriction TENANTS is listed, an unlisted one warns', mutate: (l) => (E0(l).parking_restrictions = ['TENANTS', 'VISITORS']), path: 'evses[0].parking_restrictions[1]', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'EVSE capability unlisted (OpenEnum: warning)', mutate: (l) => (E0(l).capabilities = ['RESERVABLE', 'V2G_CAPABLE']), path: 'evses[0].capabilities[1]', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'EVSE status unknown (Status stays closed)', mutate: (l) => (E0(l).status = 'ASLEEP'), path: 'evses[0].status', code: 'not_allowed_value' },
	// Connector
	{ name: 'connector standard unlisted (OpenEnum: warning)', mutate: (l) => (C0(l).standard = 'CCS_MEGA'), path: 'evses[0].connectors[0].standard', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'connector standard as number', mutate: (l) => (C0(l).standard = 2), path: 'evses[0].connectors[0].standard', code: 'wrong_type' },
	{ name: 'connector standard with non-ASCII', mutate: (l) => (C0(l).standard = 'TYPE_2_É'), path: 'evses[0].connectors[0].standard', code: 'invalid_characters' },
	{ name: 'connector power_type unknown (PowerType stays closed)', mutate: (l) => (C0(l).power_type = 'AC_4_PHASE'), path: 'evses[0].connectors[0].power_type', code: 'not_allowed_value' },
	{ name: 'connector format unknown (ConnectorFormat stays closed)', mutate: (l) => (C0(l).format = 'PLUG'), path: 'evses[0].connectors[0].format', code: 'not_allowed_value' },
	{ name: 'connector capabilities not a list', mutate: (l) => (C0(l).capabilities = 'ISO_15118_2_PLUG_AND_CHARGE'), path: 'evses[0].connectors[0].capabilities', code: 'wrong_type' },
	{ name: 'connector capability unlisted (OpenEnum: warning)', mutate: (l) => (C0(l).capabilities = ['BIDIRECTIONAL']), path: 'evses[0].connectors[0].capabilities[0]', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'connector terms_and_conditions "see our website"', mutate: (l) => (C0(l).terms_and_conditions = 'see our website'), path: 'evses[0].connectors[0].terms_and_conditions', code: 'invalid_format' },
	// Other OpenEnums and classes
	{ name: 'facility unlisted (OpenEnum: warning)', mutate: (l) => (l.facilities = ['CAFE', 'DOG_PARK']), path: 'facilities[1]', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'parking_type unlisted (OpenEnum: warning)', mutate: (l) => (l.parking_type = 'FERRY'), path: 'parking_type', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'image category unlisted (OpenEnum: warning)', mutate: (l) => (l.images[0].category = 'MAP'), path: 'images[0].category', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'environ_impact category unlisted (OpenEnum: warning)', mutate: (l) => (l.energy_mix.environ_impact[0].category = 'METHANE'), path: 'energy_mix.environ_impact[0].category', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'energy source unknown (EnergySourceCategory stays closed)', mutate: (l) => (l.energy_mix.energy_sources[0].source = 'GEOTHERMAL'), path: 'energy_mix.energy_sources[0].source', code: 'not_allowed_value' },
	{ name: 'operator logo category unlisted (OpenEnum: warning)', mutate: (l) => (l.operator.logo.category = 'BRAND'), path: 'operator.logo.category', code: 'unlisted_enum_value', severity: 'warning' },
	{ name: 'operator website "www.newmotion.com" (no scheme)', mutate: (l) => (l.operator.website = 'www.newmotion.com'), path: 'operator.website', code: 'invalid_format' },
	{
		name: 'publish_allowed_to token type unlisted (OpenEnum: warning)',
		mutate: (l) => {
			l.publish = false;
			l.publish_allowed_to = [{ uid: '012345678', type: 'NFC_WATCH' }];
		},
		path: 'publish_allowed_to[0].type',
		code: 'unlisted_enum_value',
		severity: 'warning',
	},
	{ name: 'unknown top-level field (warning: "SHALL NOT reject")', mutate: (l) => (l.accessibility_notes = 'ramp'), path: 'accessibility_notes', code: 'unknown_field', severity: 'warning' },
];

describe('2.3.0 invalid variants are refused (or warned) at the right path', () => {
	test('at least 40 variants', () => expect(VARIANTS.length).toBeGreaterThanOrEqual(40));

	test.each(VARIANTS.map((v) => [v.name, v] as const))('%s', (_name, variant) => {
		const location = baseLocation230();
		variant.mutate(location);
		const result = check(location, V230);
		expectIssue(result, variant.path, variant.code, variant.severity ?? 'error');
		// a warning never makes the Location invalid: OpenEnum values and extra fields must be accepted
		if (variant.severity === 'warning') expect(result.valid).toBe(true);
	});
});

describe('2.3.0 values that 2.2.1 refuses', () => {
	test.each([
		['connector standard MCS', (l: Json) => (C0(l).standard = 'MCS')],
		['connector standard SAE_J3400 (NACS)', (l: Json) => (C0(l).standard = 'SAE_J3400')],
		['parking restriction EMPLOYEES', (l: Json) => (E0(l).parking_restrictions = ['EMPLOYEES'])],
		['parking restriction TAXIS', (l: Json) => (E0(l).parking_restrictions = ['TAXIS'])],
		['address of 255 characters', (l: Json) => (l.address = chars(255))],
		['state of 45 characters', (l: Json) => (l.state = chars(45))],
		['token type EMAID', (l: Json) => {
			l.publish = false;
			l.publish_allowed_to = [{ uid: 'NL-TNM-C12345678-X', type: 'EMAID' }];
		}],
	])('%s: accepted without warning by 2.3.0, refused by 2.2.1', (_name, mutate) => {
		const location = baseLocation230();
		delete location.parking_places;
		delete location.help_phone;
		for (const evse of location.evses) {
			delete evse.parking;
			delete evse.accepted_service_providers;
		}
		delete location.evses[0].connectors[1].capabilities;
		mutate(location);
		const as230 = check(location, V230);
		expectValid(as230);
		expect(as230.warnings).toEqual([]);
		expect(check(location, { version: '2.2.1' }).valid).toBe(false);
	});
});
