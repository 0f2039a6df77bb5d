/**
 * Table-driven invalid variants: each row mutates a known-valid base Location once and names the
 * exact path and code of the issue that must be reported.
 */
import type { IssueCode } from '../../core/foundation/issue';
import type { OcpiVersion } from '../../core/ocpi/version';
import type { RuleProfile } from '../../core/validation/ruleProfile';
import { baseLocation211, baseLocation221, chars, check, expectIssue, expectValid, type Json } from './helpers';

interface Variant {
	name: string;
	mutate: (location: Json) => void;
	path: string;
	code: IssueCode;
	severity?: 'error' | 'warning';
	version?: OcpiVersion;
	profile?: RuleProfile;
}

const C0 = (l: Json) => l.evses[0].connectors[0];

const LOCATION_TOP_LEVEL: Variant[] = [
	{ name: 'country_code missing', mutate: (l) => delete l.country_code, path: 'country_code', code: 'required' },
	{ name: 'country_code not letters', mutate: (l) => (l.country_code = 'B1'), path: 'country_code', code: 'invalid_format' },
	{ name: 'party_id 4 characters', mutate: (l) => (l.party_id = 'BECH'), path: 'party_id', code: 'too_long' },
	{ name: 'id 37 characters', mutate: (l) => (l.id = chars(37)), path: 'id', code: 'too_long' },
	{ name: 'id with non-ASCII (CiString)', mutate: (l) => (l.id = 'LOC-é'), path: 'id', code: 'invalid_characters' },
	{ name: 'id as number', mutate: (l) => (l.id = 1), path: 'id', code: 'wrong_type' },
	{ name: 'publish missing', mutate: (l) => delete l.publish, path: 'publish', code: 'required' },
	{ name: 'publish as string', mutate: (l) => (l.publish = 'true'), path: 'publish', code: 'wrong_type' },
	{ name: 'name 256 characters', mutate: (l) => (l.name = chars(256)), path: 'name', code: 'too_long' },
	{ name: 'address missing', mutate: (l) => delete l.address, path: 'address', code: 'required' },
	{ name: 'address 46 characters', mutate: (l) => (l.address = chars(46)), path: 'address', code: 'too_long' },
	{ name: 'address with line feed', mutate: (l) => (l.address = 'Street 1\nBack'), path: 'address', code: 'invalid_characters' },
	{ name: 'address with TAB', mutate: (l) => (l.address = 'Street\t1'), path: 'address', code: 'invalid_characters' },
	{ name: 'city 46 characters', mutate: (l) => (l.city = chars(46)), path: 'city', code: 'too_long' },
	{ name: 'city missing', mutate: (l) => delete l.city, path: 'city', code: 'required' },
	{ name: 'postal_code 11 characters', mutate: (l) => (l.postal_code = chars(11, '1')), path: 'postal_code', code: 'too_long' },
	{ name: 'state 21 characters', mutate: (l) => (l.state = chars(21)), path: 'state', code: 'too_long' },
	{ name: 'country alpha-2 instead of alpha-3', mutate: (l) => (l.country = 'BE'), path: 'country', code: 'invalid_format' },
	{ name: 'country with digit', mutate: (l) => (l.country = 'B3L'), path: 'country', code: 'invalid_format' },
	{ name: 'country missing', mutate: (l) => delete l.country, path: 'country', code: 'required' },
	{ name: "country 'XXX' (no such ISO 3166-1 code)", mutate: (l) => (l.country = 'XXX'), path: 'country', code: 'invalid_format' },
	{ name: "country 'bel' (alpha-3 must be upper case)", mutate: (l) => (l.country = 'bel'), path: 'country', code: 'invalid_format' },
	{ name: "country_code 'XX' (no such ISO 3166-1 code)", mutate: (l) => (l.country_code = 'XX'), path: 'country_code', code: 'invalid_format' },
	{ name: 'name null (optional: a warning, leave it out)', mutate: (l) => (l.name = null), path: 'name', code: 'wrong_type', severity: 'warning' },
	{ name: 'address null (required)', mutate: (l) => (l.address = null), path: 'address', code: 'required' },
	{ name: 'last_updated missing', mutate: (l) => delete l.last_updated, path: 'last_updated', code: 'required' },
	{ name: 'evses not a list', mutate: (l) => (l.evses = 'x'), path: 'evses', code: 'wrong_type' },
	{ name: 'unknown top-level field', mutate: (l) => (l.foo = 1), path: 'foo', code: 'unknown_field', severity: 'warning' },
];

const COORDINATES: Variant[] = [
	{ name: 'coordinates missing', mutate: (l) => delete l.coordinates, path: 'coordinates', code: 'required' },
	{ name: 'coordinates not an object', mutate: (l) => (l.coordinates = '51.047599,3.729944'), path: 'coordinates', code: 'wrong_type' },
	{ name: 'latitude missing', mutate: (l) => delete l.coordinates.latitude, path: 'coordinates.latitude', code: 'required' },
	{ name: 'latitude as number', mutate: (l) => (l.coordinates.latitude = 51.047599), path: 'coordinates.latitude', code: 'wrong_type' },
	{ name: 'longitude as number', mutate: (l) => (l.coordinates.longitude = 3.729944), path: 'coordinates.longitude', code: 'wrong_type' },
	{ name: 'latitude comma decimal', mutate: (l) => (l.coordinates.latitude = '51,047599'), path: 'coordinates.latitude', code: 'invalid_format' },
	{ name: 'latitude 4 decimals', mutate: (l) => (l.coordinates.latitude = '51.0475'), path: 'coordinates.latitude', code: 'invalid_format' },
	{ name: 'longitude 8 decimals', mutate: (l) => (l.coordinates.longitude = '3.72994412'), path: 'coordinates.longitude', code: 'invalid_format' },
	{ name: 'latitude 95 (out of range)', mutate: (l) => (l.coordinates.latitude = '95.000000'), path: 'coordinates.latitude', code: 'out_of_range' },
	{ name: 'latitude -90.5 (out of range)', mutate: (l) => (l.coordinates.latitude = '-90.500000'), path: 'coordinates.latitude', code: 'out_of_range' },
	{ name: 'longitude -190 (out of range)', mutate: (l) => (l.coordinates.longitude = '-190.000000'), path: 'coordinates.longitude', code: 'out_of_range' },
	{
		name: 'swapped-looking: latitude 139.69 (3 integer digits, beyond range)',
		mutate: (l) => {
			l.coordinates.latitude = '139.691700';
			l.coordinates.longitude = '35.689500';
		},
		path: 'coordinates.latitude',
		code: 'invalid_format',
	},
	{ name: 'related_locations latitude 1 decimal', mutate: (l) => (l.related_locations[0].latitude = '51.0'), path: 'related_locations[0].latitude', code: 'invalid_format' },
	{ name: 'related_locations longitude missing', mutate: (l) => delete l.related_locations[0].longitude, path: 'related_locations[0].longitude', code: 'required' },
	{ name: 'related_locations name text 513', mutate: (l) => (l.related_locations[0].name.text = chars(513)), path: 'related_locations[0].name.text', code: 'too_long' },
	{ name: 'related_locations not a list', mutate: (l) => (l.related_locations = { latitude: '51.047700', longitude: '3.730000' }), path: 'related_locations', code: 'wrong_type' },
];

const DISPLAY_TEXT_AND_BUSINESS: Variant[] = [
	// DisplayText.language is string(2): a 3-letter code is reported as too_long (implementation choice, defensible).
	{ name: 'directions language 3 letters', mutate: (l) => (l.directions[0].language = 'nld'), path: 'directions[0].language', code: 'too_long' },
	{ name: 'directions language with a digit', mutate: (l) => (l.directions[0].language = 'n1'), path: 'directions[0].language', code: 'invalid_format' },
	{ name: 'directions text 513 characters', mutate: (l) => (l.directions[0].text = chars(513)), path: 'directions[0].text', code: 'too_long' },
	{ name: 'directions text missing', mutate: (l) => delete l.directions[0].text, path: 'directions[0].text', code: 'required' },
	{ name: 'operator name missing', mutate: (l) => delete l.operator.name, path: 'operator.name', code: 'required' },
	{ name: 'operator name 101 characters', mutate: (l) => (l.operator.name = chars(101)), path: 'operator.name', code: 'too_long' },
	{ name: 'operator website 256 characters', mutate: (l) => (l.operator.website = `https://x.com/${chars(242)}`), path: 'operator.website', code: 'too_long' },
	{ name: 'operator logo category unknown', mutate: (l) => (l.operator.logo.category = 'LOGO'), path: 'operator.logo.category', code: 'not_allowed_value' },
	{ name: 'operator logo type 5 characters', mutate: (l) => (l.operator.logo.type = 'jpeg2'), path: 'operator.logo.type', code: 'too_long' },
	{ name: 'operator logo width 6 digits', mutate: (l) => (l.operator.logo.width = 123456), path: 'operator.logo.width', code: 'out_of_range' },
	{ name: 'operator logo url missing', mutate: (l) => delete l.operator.logo.url, path: 'operator.logo.url', code: 'required' },
	{ name: 'suboperator not an object', mutate: (l) => (l.suboperator = 'BeCharged Gent'), path: 'suboperator', code: 'wrong_type' },
	{ name: 'owner name missing', mutate: (l) => (l.owner = {}), path: 'owner.name', code: 'required' },
];

const LOCATION_DETAILS: Variant[] = [
	{ name: 'facilities unknown value', mutate: (l) => l.facilities.push('SPA'), path: 'facilities[2]', code: 'not_allowed_value' },
	{ name: 'facilities not a list', mutate: (l) => (l.facilities = 'HOTEL'), path: 'facilities', code: 'wrong_type' },
	{ name: 'parking_type unknown value', mutate: (l) => (l.parking_type = 'STREET'), path: 'parking_type', code: 'not_allowed_value' },
	{ name: 'time_zone missing', mutate: (l) => delete l.time_zone, path: 'time_zone', code: 'required' },
	{ name: "time_zone 'UTC+2'", mutate: (l) => (l.time_zone = 'UTC+2'), path: 'time_zone', code: 'invalid_format' },
	{ name: "time_zone 'CET'", mutate: (l) => (l.time_zone = 'CET'), path: 'time_zone', code: 'invalid_format' },
	{ name: "time_zone typo 'Europe/Brussel'", mutate: (l) => (l.time_zone = 'Europe/Brussel'), path: 'time_zone', code: 'invalid_format' },
	{ name: "time_zone 'europe/brussels' (IANA case)", mutate: (l) => (l.time_zone = 'europe/brussels'), path: 'time_zone', code: 'invalid_format' },
	{
		name: 'energy_sources adding up to more than 100',
		mutate: (l) => (l.energy_mix.energy_sources[0].percentage = 45.9),
		path: 'energy_mix.energy_sources',
		code: 'suspicious_value',
		severity: 'warning',
	},
	{ name: 'charging_when_closed as string', mutate: (l) => (l.charging_when_closed = 'true'), path: 'charging_when_closed', code: 'wrong_type' },
	{ name: 'images url missing', mutate: (l) => delete l.images[0].url, path: 'images[0].url', code: 'required' },
	{ name: 'images category unknown', mutate: (l) => (l.images[0].category = 'PHOTO'), path: 'images[0].category', code: 'not_allowed_value' },
	{ name: 'images thumbnail 256 characters', mutate: (l) => (l.images[0].thumbnail = `https://x.com/${chars(242)}`), path: 'images[0].thumbnail', code: 'too_long' },
	{ name: 'images width negative', mutate: (l) => (l.images[0].width = -5), path: 'images[0].width', code: 'out_of_range' },
	{ name: 'images height float', mutate: (l) => (l.images[0].height = 76.8), path: 'images[0].height', code: 'not_integer' },
	{ name: 'energy_mix is_green_energy missing', mutate: (l) => delete l.energy_mix.is_green_energy, path: 'energy_mix.is_green_energy', code: 'required' },
	{ name: 'energy_mix percentage 120', mutate: (l) => (l.energy_mix.energy_sources[0].percentage = 120), path: 'energy_mix.energy_sources[0].percentage', code: 'out_of_range' },
	{ name: 'energy_mix percentage negative', mutate: (l) => (l.energy_mix.energy_sources[1].percentage = -1), path: 'energy_mix.energy_sources[1].percentage', code: 'out_of_range' },
	{ name: 'energy_mix source unknown', mutate: (l) => (l.energy_mix.energy_sources[0].source = 'HYDRO'), path: 'energy_mix.energy_sources[0].source', code: 'not_allowed_value' },
	{ name: 'energy_mix environ_impact category unknown', mutate: (l) => (l.energy_mix.environ_impact[0].category = 'CO2'), path: 'energy_mix.environ_impact[0].category', code: 'not_allowed_value' },
	{ name: 'energy_mix environ_impact amount negative', mutate: (l) => (l.energy_mix.environ_impact[0].amount = -3), path: 'energy_mix.environ_impact[0].amount', code: 'out_of_range' },
	{ name: 'energy_mix supplier_name 65 characters', mutate: (l) => (l.energy_mix.supplier_name = chars(65)), path: 'energy_mix.supplier_name', code: 'too_long' },
];

const OPENING_TIMES: Variant[] = [
	{ name: 'twentyfourseven missing', mutate: (l) => delete l.opening_times.twentyfourseven, path: 'opening_times.twentyfourseven', code: 'required' },
	{ name: 'twentyfourseven as string', mutate: (l) => (l.opening_times.twentyfourseven = 'no'), path: 'opening_times.twentyfourseven', code: 'wrong_type' },
	{ name: 'twentyfourseven false, regular_hours empty', mutate: (l) => (l.opening_times.regular_hours = []), path: 'opening_times.regular_hours', code: 'regular_hours_required' },
	{ name: 'twentyfourseven false, regular_hours absent', mutate: (l) => delete l.opening_times.regular_hours, path: 'opening_times.regular_hours', code: 'regular_hours_required' },
	{ name: 'weekday 8', mutate: (l) => (l.opening_times.regular_hours[0].weekday = 8), path: 'opening_times.regular_hours[0].weekday', code: 'out_of_range' },
	{ name: 'weekday 0', mutate: (l) => (l.opening_times.regular_hours[1].weekday = 0), path: 'opening_times.regular_hours[1].weekday', code: 'out_of_range' },
	{ name: 'weekday 1.5', mutate: (l) => (l.opening_times.regular_hours[0].weekday = 1.5), path: 'opening_times.regular_hours[0].weekday', code: 'not_integer' },
	{ name: "period_begin '8:00'", mutate: (l) => (l.opening_times.regular_hours[0].period_begin = '8:00'), path: 'opening_times.regular_hours[0].period_begin', code: 'invalid_format' },
	{ name: "period_end '24:00'", mutate: (l) => (l.opening_times.regular_hours[0].period_end = '24:00'), path: 'opening_times.regular_hours[0].period_end', code: 'invalid_format' },
	{ name: 'regular period end before begin', mutate: (l) => (l.opening_times.regular_hours[0].period_end = '07:00'), path: 'opening_times.regular_hours[0].period_end', code: 'period_end_before_begin' },
	{ name: 'regular period end equals begin', mutate: (l) => (l.opening_times.regular_hours[1].period_end = '10:00'), path: 'opening_times.regular_hours[1].period_end', code: 'period_end_before_begin' },
	{
		name: 'exceptional_openings end before begin',
		mutate: (l) => (l.opening_times.exceptional_openings[0].period_end = '2014-06-21T08:00:00Z'),
		path: 'opening_times.exceptional_openings[0].period_end',
		code: 'period_end_before_begin',
	},
	{
		name: 'exceptional_closings begin with offset',
		mutate: (l) => (l.opening_times.exceptional_closings[0].period_begin = '2014-06-24T00:00:00+02:00'),
		path: 'opening_times.exceptional_closings[0].period_begin',
		code: 'not_utc',
	},
	{ name: 'exceptional_closings end missing', mutate: (l) => delete l.opening_times.exceptional_closings[0].period_end, path: 'opening_times.exceptional_closings[0].period_end', code: 'required' },
];

const EVSE: Variant[] = [
	{ name: 'evse uid 37 characters', mutate: (l) => (l.evses[0].uid = chars(37)), path: 'evses[0].uid', code: 'too_long' },
	{ name: 'evse uid missing', mutate: (l) => delete l.evses[1].uid, path: 'evses[1].uid', code: 'required' },
	{ name: 'evse uid duplicate', mutate: (l) => (l.evses[1].uid = '3256'), path: 'evses[1].uid', code: 'duplicate_id' },
	{ name: 'evse_id 49 characters', mutate: (l) => (l.evses[0].evse_id = `BE*BEC*E${chars(41, '1')}`), path: 'evses[0].evse_id', code: 'too_long' },
	{ name: 'evse_id non-ASCII (CiString)', mutate: (l) => (l.evses[0].evse_id = 'BE*BEC*E04150300ü'), path: 'evses[0].evse_id', code: 'invalid_characters' },
	{ name: 'evse status unknown', mutate: (l) => (l.evses[0].status = 'FREE'), path: 'evses[0].status', code: 'not_allowed_value' },
	{ name: 'evse status missing', mutate: (l) => delete l.evses[0].status, path: 'evses[0].status', code: 'required' },
	{ name: 'evse_id null (optional: a warning)', mutate: (l) => (l.evses[0].evse_id = null), path: 'evses[0].evse_id', code: 'wrong_type', severity: 'warning' },
	{ name: 'status_schedule status unknown', mutate: (l) => (l.evses[0].status_schedule[0].status = 'BROKEN'), path: 'evses[0].status_schedule[0].status', code: 'not_allowed_value' },
	{ name: 'status_schedule period_begin missing', mutate: (l) => delete l.evses[0].status_schedule[0].period_begin, path: 'evses[0].status_schedule[0].period_begin', code: 'required' },
	{
		name: 'status_schedule end before begin',
		mutate: (l) => (l.evses[0].status_schedule[0].period_end = '2029-12-31T00:00:00Z'),
		path: 'evses[0].status_schedule[0].period_end',
		code: 'period_end_before_begin',
	},
	{ name: 'capabilities unknown value', mutate: (l) => (l.evses[0].capabilities = ['RESERVABLE', 'RFID']), path: 'evses[0].capabilities[1]', code: 'not_allowed_value' },
	{ name: 'floor_level 5 characters', mutate: (l) => (l.evses[0].floor_level = '-1000'), path: 'evses[0].floor_level', code: 'too_long' },
	{ name: 'floor_level as number', mutate: (l) => (l.evses[0].floor_level = -1), path: 'evses[0].floor_level', code: 'wrong_type' },
	{ name: 'physical_reference 17 characters', mutate: (l) => (l.evses[0].physical_reference = chars(17)), path: 'evses[0].physical_reference', code: 'too_long' },
	{ name: 'parking_restrictions unknown value', mutate: (l) => (l.evses[0].parking_restrictions = ['TAXI']), path: 'evses[0].parking_restrictions[0]', code: 'not_allowed_value' },
	{ name: 'evse coordinates latitude number', mutate: (l) => (l.evses[0].coordinates.latitude = 51.0476), path: 'evses[0].coordinates.latitude', code: 'wrong_type' },
	{ name: 'evse directions language 3 letters', mutate: (l) => (l.evses[0].directions[0].language = 'eng'), path: 'evses[0].directions[0].language', code: 'too_long' },
	{ name: 'evse directions language not letters', mutate: (l) => (l.evses[0].directions[0].language = 'e-'), path: 'evses[0].directions[0].language', code: 'invalid_format' },
	{ name: 'evse images type 5 characters', mutate: (l) => (l.evses[0].images[0].type = 'image'), path: 'evses[0].images[0].type', code: 'too_long' },
	{ name: 'evse with 0 connectors', mutate: (l) => (l.evses[1].connectors = []), path: 'evses[1].connectors', code: 'too_few_items' },
	{ name: 'evse connectors missing', mutate: (l) => delete l.evses[1].connectors, path: 'evses[1].connectors', code: 'required' },
	{ name: 'evse last_updated missing', mutate: (l) => delete l.evses[0].last_updated, path: 'evses[0].last_updated', code: 'required' },
	// Nested non-objects are reported as wrong_type (not_an_object is used for the checked object itself).
	{ name: 'evse not an object', mutate: (l) => (l.evses[1] = 'EVSE-2'), path: 'evses[1]', code: 'wrong_type' },
	{ name: "evse status lowercase 'available' (enums are case-sensitive)", mutate: (l) => (l.evses[0].status = 'available'), path: 'evses[0].status', code: 'not_allowed_value' },
	{ name: 'evse unknown field `floor`', mutate: (l) => (l.evses[0].floor = -1), path: 'evses[0].floor', code: 'unknown_field', severity: 'warning' },
];

const CONNECTOR: Variant[] = [
	{ name: 'connector standard unknown', mutate: (l) => (C0(l).standard = 'TYPE2'), path: 'evses[0].connectors[0].standard', code: 'not_allowed_value' },
	{ name: "connector standard wrong case 'iec_62196_t2'", mutate: (l) => (C0(l).standard = 'iec_62196_t2'), path: 'evses[0].connectors[0].standard', code: 'not_allowed_value' },
	{ name: 'connector standard missing', mutate: (l) => delete C0(l).standard, path: 'evses[0].connectors[0].standard', code: 'required' },
	{ name: 'connector format unknown', mutate: (l) => (C0(l).format = 'PLUG'), path: 'evses[0].connectors[0].format', code: 'not_allowed_value' },
	{ name: 'connector power_type unknown', mutate: (l) => (C0(l).power_type = 'AC'), path: 'evses[0].connectors[0].power_type', code: 'not_allowed_value' },
	{ name: 'connector max_voltage float', mutate: (l) => (C0(l).max_voltage = 230.5), path: 'evses[0].connectors[0].max_voltage', code: 'not_integer' },
	{ name: 'connector max_voltage negative', mutate: (l) => (C0(l).max_voltage = -230), path: 'evses[0].connectors[0].max_voltage', code: 'out_of_range' },
	{ name: 'connector max_voltage as string', mutate: (l) => (C0(l).max_voltage = '230'), path: 'evses[0].connectors[0].max_voltage', code: 'wrong_type' },
	{
		name: 'connector max_voltage 400 on AC_3_PHASE (line-to-line)',
		mutate: (l) => (C0(l).max_voltage = 400),
		path: 'evses[0].connectors[0].max_voltage',
		code: 'suspicious_value',
		severity: 'warning',
	},
	{ name: 'connector max_voltage null (required)', mutate: (l) => (C0(l).max_voltage = null), path: 'evses[0].connectors[0].max_voltage', code: 'required' },
	{ name: 'connector max_electric_power null (optional: a warning)', mutate: (l) => (C0(l).max_electric_power = null), path: 'evses[0].connectors[0].max_electric_power', code: 'wrong_type', severity: 'warning' },
	{ name: 'connector max_amperage missing', mutate: (l) => delete C0(l).max_amperage, path: 'evses[0].connectors[0].max_amperage', code: 'required' },
	{ name: 'connector max_electric_power float', mutate: (l) => (C0(l).max_electric_power = 22.5), path: 'evses[0].connectors[0].max_electric_power', code: 'not_integer' },
	{ name: 'connector tariff_ids entry 37', mutate: (l) => (C0(l).tariff_ids = [chars(37)]), path: 'evses[0].connectors[0].tariff_ids[0]', code: 'too_long' },
	{ name: 'connector tariff_ids as string', mutate: (l) => (C0(l).tariff_ids = '11'), path: 'evses[0].connectors[0].tariff_ids', code: 'wrong_type' },
	{ name: 'connector terms_and_conditions URL 256', mutate: (l) => (C0(l).terms_and_conditions = `https://x.com/${chars(242)}`), path: 'evses[0].connectors[0].terms_and_conditions', code: 'too_long' },
	{ name: 'connector id 37 characters', mutate: (l) => (C0(l).id = chars(37)), path: 'evses[0].connectors[0].id', code: 'too_long' },
	{ name: 'connector id duplicate within EVSE', mutate: (l) => (l.evses[0].connectors[1].id = '1'), path: 'evses[0].connectors[1].id', code: 'duplicate_id' },
	{ name: 'connector last_updated with offset', mutate: (l) => (C0(l).last_updated = '2015-03-16T10:10:02+01:00'), path: 'evses[0].connectors[0].last_updated', code: 'not_utc' },
	{ name: "connector last_updated '+00:00' (not UTC per OCPI)", mutate: (l) => (C0(l).last_updated = '2015-03-16T10:10:02+00:00'), path: 'evses[0].connectors[0].last_updated', code: 'not_utc' },
	{ name: 'connector last_updated without T', mutate: (l) => (C0(l).last_updated = '2015-03-16 10:10:02Z'), path: 'evses[0].connectors[0].last_updated', code: 'invalid_format' },
	{ name: 'connector last_updated 17:17:66Z', mutate: (l) => (C0(l).last_updated = '2015-03-16T17:17:66Z'), path: 'evses[0].connectors[0].last_updated', code: 'invalid_date' },
	{ name: 'connector last_updated 30 February', mutate: (l) => (C0(l).last_updated = '2015-02-30T10:00:00Z'), path: 'evses[0].connectors[0].last_updated', code: 'invalid_date' },
	{ name: 'connector last_updated as epoch number', mutate: (l) => (C0(l).last_updated = 1426500602), path: 'evses[0].connectors[0].last_updated', code: 'wrong_type' },
	{ name: 'connector last_updated date only', mutate: (l) => (C0(l).last_updated = '2015-03-16'), path: 'evses[0].connectors[0].last_updated', code: 'invalid_format' },
];

const PUBLISH: Variant[] = [
	{
		name: 'publish_allowed_to with publish true',
		mutate: (l) => (l.publish_allowed_to = [{ visual_number: '12345-67', issuer: 'NewMotion' }]),
		path: 'publish_allowed_to',
		code: 'publish_allowed_to_not_allowed',
	},
	{
		name: 'publish token with none of uid/visual_number/group_id',
		mutate: (l) => {
			l.publish = false;
			l.publish_allowed_to = [{ issuer: 'NewMotion' }];
		},
		path: 'publish_allowed_to[0]',
		code: 'publish_token_incomplete',
	},
	{
		name: 'publish token uid without type',
		mutate: (l) => {
			l.publish = false;
			l.publish_allowed_to = [{ uid: '12345678905880' }];
		},
		path: 'publish_allowed_to[0].type',
		code: 'publish_token_incomplete',
	},
	{
		name: 'publish token visual_number without issuer',
		mutate: (l) => {
			l.publish = false;
			l.publish_allowed_to = [{ group_id: 'G1' }, { visual_number: '0055375624' }];
		},
		path: 'publish_allowed_to[1].issuer',
		code: 'publish_token_incomplete',
	},
	{
		name: 'publish token type unknown',
		mutate: (l) => {
			l.publish = false;
			l.publish_allowed_to = [{ uid: '12345678905880', type: 'CARD' }];
		},
		path: 'publish_allowed_to[0].type',
		code: 'not_allowed_value',
	},
	{
		name: 'publish token visual_number 65 characters',
		mutate: (l) => {
			l.publish = false;
			l.publish_allowed_to = [{ visual_number: chars(65), issuer: 'ANWB' }];
		},
		path: 'publish_allowed_to[0].visual_number',
		code: 'too_long',
	},
];

const LAST_UPDATED_ORDER: Variant[] = [
	{ name: 'location older than its EVSE', mutate: (l) => (l.last_updated = '2015-06-28T00:00:00Z'), path: 'last_updated', code: 'last_updated_older_than_child' },
	{ name: 'EVSE older than its connector', mutate: (l) => (l.evses[0].last_updated = '2015-03-17T00:00:00Z'), path: 'evses[0].last_updated', code: 'last_updated_older_than_child' },
];

const STRICT_PROFILE: Variant[] = [
	{ name: 'strict: evse_id missing', mutate: (l) => delete l.evses[0].evse_id, path: 'evses[0].evse_id', code: 'required_by_profile', profile: 'strict' },
	{ name: 'strict: max_electric_power missing', mutate: (l) => delete C0(l).max_electric_power, path: 'evses[0].connectors[0].max_electric_power', code: 'required_by_profile', profile: 'strict' },
	{ name: 'strict: operator missing', mutate: (l) => delete l.operator, path: 'operator', code: 'required_by_profile', profile: 'strict' },
	{ name: 'strict: postal_code missing', mutate: (l) => delete l.postal_code, path: 'postal_code', code: 'required_by_profile', profile: 'strict' },
	{ name: 'strict: opening_times missing', mutate: (l) => delete l.opening_times, path: 'opening_times', code: 'required_by_profile', profile: 'strict' },
	{ name: 'strict: country_code as alpha-3', mutate: (l) => (l.country_code = 'BEL'), path: 'country_code', code: 'too_long', profile: 'strict' },
	{ name: 'strict: evse_id not eMI3 is an error', mutate: (l) => (l.evses[0].evse_id = 'BE-BEC-041503001'), path: 'evses[0].evse_id', code: 'evse_id_format', profile: 'strict' },
	{ name: 'spec: evse_id not eMI3 is a warning', mutate: (l) => (l.evses[0].evse_id = 'BE-BEC-041503001'), path: 'evses[0].evse_id', code: 'evse_id_format', severity: 'warning' },
];

const V211: Variant[] = [
	{ name: '2.1.1: latitude 5 decimals', mutate: (l) => (l.coordinates.latitude = '51.04759'), path: 'coordinates.latitude', code: 'invalid_format', version: '2.1.1' },
	{ name: '2.1.1: longitude 7 decimals', mutate: (l) => (l.coordinates.longitude = '3.7299441'), path: 'coordinates.longitude', code: 'invalid_format', version: '2.1.1' },
	{ name: '2.1.1: voltage float', mutate: (l) => (C0(l).voltage = 220.5), path: 'evses[0].connectors[0].voltage', code: 'not_integer', version: '2.1.1' },
	{ name: '2.1.1: amperage missing', mutate: (l) => delete C0(l).amperage, path: 'evses[0].connectors[0].amperage', code: 'required', version: '2.1.1' },
	{
		name: '2.1.1: max_voltage instead of voltage',
		mutate: (l) => {
			C0(l).max_voltage = C0(l).voltage;
			delete C0(l).voltage;
		},
		path: 'evses[0].connectors[0].voltage',
		code: 'required',
		version: '2.1.1',
	},
	{ name: '2.1.1: tariff_id 37 characters', mutate: (l) => (C0(l).tariff_id = chars(37)), path: 'evses[0].connectors[0].tariff_id', code: 'too_long', version: '2.1.1' },
	{ name: '2.1.1: tariff_id as list', mutate: (l) => (C0(l).tariff_id = ['11']), path: 'evses[0].connectors[0].tariff_id', code: 'wrong_type', version: '2.1.1' },
	{ name: '2.1.1: tariff_ids is not a 2.1.1 field', mutate: (l) => (C0(l).tariff_ids = ['11']), path: 'evses[0].connectors[0].tariff_ids', code: 'unknown_field', severity: 'warning', version: '2.1.1' },
	{ name: '2.1.1: type missing', mutate: (l) => delete l.type, path: 'type', code: 'required', version: '2.1.1' },
	{ name: '2.1.1: type unknown', mutate: (l) => (l.type = 'ALONG_MOTORWAY'), path: 'type', code: 'not_allowed_value', version: '2.1.1' },
	{ name: '2.1.1: postal_code missing', mutate: (l) => delete l.postal_code, path: 'postal_code', code: 'required', version: '2.1.1' },
	{ name: '2.1.1: id 40 characters', mutate: (l) => (l.id = chars(40)), path: 'id', code: 'too_long', version: '2.1.1' },
	{ name: '2.1.1: evse uid 40 characters', mutate: (l) => (l.evses[0].uid = chars(40)), path: 'evses[0].uid', code: 'too_long', version: '2.1.1' },
	{ name: '2.1.1: capability CHIP_CARD_SUPPORT not in 2.1.1', mutate: (l) => (l.evses[0].capabilities = ['CHIP_CARD_SUPPORT']), path: 'evses[0].capabilities[0]', code: 'not_allowed_value', version: '2.1.1' },
	{ name: '2.1.1: power_type AC_2_PHASE not in 2.1.1', mutate: (l) => (C0(l).power_type = 'AC_2_PHASE'), path: 'evses[0].connectors[0].power_type', code: 'not_allowed_value', version: '2.1.1' },
	{ name: '2.1.1: connector standard NEMA_5_20 not in 2.1.1', mutate: (l) => (C0(l).standard = 'NEMA_5_20'), path: 'evses[0].connectors[0].standard', code: 'not_allowed_value', version: '2.1.1' },
	{ name: '2.1.1: time_zone UTC+2', mutate: (l) => (l.time_zone = 'UTC+2'), path: 'time_zone', code: 'invalid_format', version: '2.1.1' },
	{ name: '2.1.1: voltage 400 on AC_3_PHASE', mutate: (l) => (C0(l).voltage = 400), path: 'evses[0].connectors[0].voltage', code: 'suspicious_value', severity: 'warning', version: '2.1.1' },
	{ name: "2.1.1: country 'bel'", mutate: (l) => (l.country = 'bel'), path: 'country', code: 'invalid_format', version: '2.1.1' },
];

const GROUPS: Record<string, Variant[]> = {
	'Location top level': LOCATION_TOP_LEVEL,
	'GeoLocation / related_locations': COORDINATES,
	'DisplayText / BusinessDetails / Image': DISPLAY_TEXT_AND_BUSINESS,
	'facilities, parking_type, time_zone, images, energy_mix': LOCATION_DETAILS,
	'opening_times (Hours)': OPENING_TIMES,
	EVSE: EVSE,
	Connector: CONNECTOR,
	'publish rules': PUBLISH,
	'last_updated ordering': LAST_UPDATED_ORDER,
	'strict profile': STRICT_PROFILE,
	'2.1.1 specific': V211,
};

export const VARIANT_COUNT = Object.values(GROUPS).reduce((n, rows) => n + rows.length, 0);

function baseFor(version: OcpiVersion): Json {
	return version === '2.1.1' ? baseLocation211() : baseLocation221();
}

describe('invalid variants: the unmutated bases are valid', () => {
	test.each([
		['2.2.1', 'spec'],
		['2.2.1', 'strict'],
		['2.1.1', 'spec'],
		['2.1.1', 'strict'],
	] as const)('base %s is valid with profile %s, without warnings', (version, profile) => {
		const result = check(baseFor(version), { version, profile });
		expectValid(result);
		expect(result.warnings).toEqual([]);
	});

	test('there are at least 60 variants', () => {
		expect(VARIANT_COUNT).toBeGreaterThanOrEqual(60);
	});
});

for (const [group, rows] of Object.entries(GROUPS)) {
	describe(`invalid variants: ${group}`, () => {
		test.each(rows.map((row) => [row.name, row] as const))('%s', (_name, row) => {
			const version = row.version ?? '2.2.1';
			const location = baseFor(version);
			row.mutate(location);
			const result = check(location, { version, profile: row.profile ?? 'spec' });
			expectIssue(result, row.path, row.code, row.severity ?? 'error');
			if ((row.severity ?? 'error') === 'warning') {
				// A warning alone does not make the object invalid.
				expect(result.errors.filter((e) => e.path === row.path)).toEqual([]);
			}
		});
	});
}

describe('invalid variants: all issues are reported at once', () => {
	test('a Location with 5 distinct problems yields all 5', () => {
		const l = baseLocation221();
		l.address = chars(46);
		l.coordinates.latitude = '51,047599';
		l.evses[0].status = 'FREE';
		l.evses[1].connectors[0].max_voltage = 230.5;
		l.time_zone = 'CET';
		const result = check(l);
		expect(result.valid).toBe(false);
		expectIssue(result, 'address', 'too_long');
		expectIssue(result, 'coordinates.latitude', 'invalid_format');
		expectIssue(result, 'evses[0].status', 'not_allowed_value');
		expectIssue(result, 'evses[1].connectors[0].max_voltage', 'not_integer');
		expectIssue(result, 'time_zone', 'invalid_format');
		expect(result.errors.length).toBeGreaterThanOrEqual(5);
	});

	test('an invalid regular_hours entry is reported as such, not also as "regular_hours missing"', () => {
		const l = baseLocation221();
		l.opening_times = { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '22:00', period_end: '06:00' }] };
		const result = check(l);
		expectIssue(result, 'opening_times.regular_hours[0].period_end', 'period_end_before_begin');
		expect(result.errors.filter((e) => e.code === 'regular_hours_required')).toEqual([]);
	});

	test('cross-field rules still run when a nested object has its own problem: duplicate uid + bad connector format', () => {
		const l = baseLocation221();
		l.evses[1].uid = '3256';
		l.evses[1].connectors[0].format = 'PLUG';
		const result = check(l);
		expectIssue(result, 'evses[1].connectors[0].format', 'not_allowed_value');
		expectIssue(result, 'evses[1].uid', 'duplicate_id');
	});

	test('cross-field rules still run when a nested object has its own problem: duplicate connector id + bad voltage', () => {
		const l = baseLocation221();
		l.evses[0].connectors[1].id = '1';
		l.evses[0].connectors[1].max_voltage = 'high';
		const result = check(l);
		expectIssue(result, 'evses[0].connectors[1].max_voltage', 'wrong_type');
		expectIssue(result, 'evses[0].connectors[1].id', 'duplicate_id');
	});

	test('cross-field rules still run when a nested object has its own problem: Location older than an invalid EVSE', () => {
		const l = baseLocation221();
		l.evses[1].last_updated = '2016-01-01T00:00:00Z';
		l.evses[1].status = 'FREE';
		const result = check(l);
		expectIssue(result, 'evses[1].status', 'not_allowed_value');
		expectIssue(result, 'last_updated', 'last_updated_older_than_child');
	});

	test('a missing field is reported without a value; a present one with its value', () => {
		const l = baseLocation221();
		delete l.city;
		l.address = chars(46);
		const result = check(l);
		expectIssue(result, 'city', 'required');
		expect(result.errors.find((e) => e.path === 'city')!).not.toHaveProperty('value');
		expect(result.errors.find((e) => e.path === 'address')!.value).toBe(chars(46));
	});

	test('null in an OPTIONAL field is not reported as "required" (name is optional)', () => {
		const l = baseLocation221();
		l.name = null;
		const result = check(l);
		expect(result.errors.filter((e) => e.path === 'name' && e.code === 'required')).toEqual([]);
	});

	test('problems in different EVSEs and connectors are all reported, each at its own index', () => {
		const l = baseLocation221();
		l.evses[0].connectors[1].max_amperage = 'lots';
		l.evses[1].connectors[0].format = 'PLUG';
		l.evses[1].floor_level = chars(5);
		const result = check(l);
		expectIssue(result, 'evses[0].connectors[1].max_amperage', 'wrong_type');
		expectIssue(result, 'evses[1].connectors[0].format', 'not_allowed_value');
		expectIssue(result, 'evses[1].floor_level', 'too_long');
	});

	test('errors all carry severity error and warnings severity warning', () => {
		const l = baseLocation221();
		l.address = chars(46);
		l.extra = true;
		l.evses[0].evse_id = 'not-emi3';
		const result = check(l);
		expect(result.errors.length).toBeGreaterThan(0);
		expect(result.warnings.length).toBeGreaterThanOrEqual(2);
		for (const e of result.errors) expect(e.severity).toBe('error');
		for (const w of result.warnings) expect(w.severity).toBe('warning');
	});
});

const VALID_EDGE_CASES: Array<[string, (l: Json) => void]> = [
	['latitude with 5 decimals (minimum)', (l: Json) => (l.coordinates.latitude = '51.04759')],
	['latitude with 7 decimals (maximum)', (l: Json) => (l.coordinates.latitude = '51.0475991')],
	['negative coordinates', (l: Json) => (l.coordinates = { latitude: '-33.868820', longitude: '-151.209290' })],
	['last_updated without Z (absence means UTC)', (l: Json) => (l.last_updated = '2015-06-29T20:39:09')],
	['last_updated with fractional seconds', (l: Json) => (l.last_updated = '2015-06-29T20:39:09.123Z')],
	['postal_code absent (spec profile)', (l: Json) => delete l.postal_code],
	['evses absent', (l: Json) => delete l.evses],
	['EVSE status REMOVED without evse_id', (l: Json) => {
		l.evses[1].status = 'REMOVED';
		delete l.evses[1].evse_id;
	}],
	['connector standard IEC_60309_2_single_16 (mixed case as in spec)', (l: Json) => (l.evses[0].connectors[0].standard = 'IEC_60309_2_single_16')],
	['twentyfourseven true without regular_hours', (l: Json) => (l.opening_times = { twentyfourseven: true })],
	['city with UTF-8 (string, not CiString)', (l: Json) => (l.city = 'Malmö')],
	['same connector id in different EVSEs', (l: Json) => (l.evses[1].connectors[0].id = '1')],
	['time_zone UTC (IANA)', (l: Json) => (l.time_zone = 'UTC')],
	['time_zone alias Europe/Kyiv (IANA, resolved by Intl to another name)', (l: Json) => (l.time_zone = 'Europe/Kyiv')],
	['time_zone alias Etc/UTC', (l: Json) => (l.time_zone = 'Etc/UTC')],
	['country_code in lower case (CiString)', (l: Json) => (l.country_code = 'be')],
	['status_schedule without period_end', (l: Json) => delete l.evses[0].status_schedule[0].period_end],
	['AC_3_PHASE at 230 V with 400 V on a DC connector', (l: Json) => (l.evses[0].connectors[1].max_voltage = 400)],
];

describe('valid edge cases that must NOT be refused', () => {
	test.each(VALID_EDGE_CASES)('%s', (_name, mutate) => {
		const l = baseLocation221();
		mutate(l);
		expectValid(check(l));
	});

	test('strict: an EVSE with status REMOVED may drop its evse_id (spec: evse_id is optional precisely so it can be reused)', () => {
		const l = baseLocation221();
		l.evses[1].status = 'REMOVED';
		delete l.evses[1].evse_id;
		expectValid(check(l, { profile: 'strict' }));
	});

	test('2.1.1: time_zone is optional', () => {
		const l = baseLocation211();
		delete l.time_zone;
		expectValid(check(l, { version: '2.1.1' }));
	});

	test('2.1.1: id of 39 characters is allowed', () => {
		const l = baseLocation211();
		l.id = chars(39);
		expectValid(check(l, { version: '2.1.1' }));
	});
});
