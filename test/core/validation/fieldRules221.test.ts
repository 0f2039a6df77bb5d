/** OCPI 2.2.1 field rules: each code accepted and refused, with its exact path. */
import { validateOcpiObject } from '../../../core/validation/validate';
import { issueList, SPEC_221 } from './issueList';
import { connector221, evse221, location221 } from './validObjects';

const withEvse0 = (evse: Record<string, unknown>) => location221({ evses: [evse221(evse)] });
const withConnector0 = (connector: Record<string, unknown>) => withEvse0({ connectors: [connector221(connector)] });

describe('the valid base objects', () => {
	it('are valid with no warnings', () => {
		expect(validateOcpiObject(location221(), SPEC_221)).toEqual({ valid: true, errors: [], warnings: [] });
	});
});

describe('not_an_object', () => {
	it.each([null, undefined, [], 'location', 42, true])('refuses %p at the root', (input) => {
		expect(issueList(input)).toEqual([' not_an_object error']);
	});
});

describe('required', () => {
	it('reports a missing field', () => {
		const location = location221();
		delete location.address;
		expect(issueList(location)).toEqual(['address required error']);
	});
	it('reports null in a required field, with the value null', () => {
		const { errors } = validateOcpiObject(location221({ city: null }), SPEC_221);
		expect(errors).toEqual([{ path: 'city', code: 'required', message: 'city is required but null', value: null, severity: 'error' }]);
	});
	it('reports a missing enum field as required, without a value', () => {
		const connector = connector221();
		delete connector.standard;
		const { errors } = validateOcpiObject(location221({ evses: [evse221({ connectors: [connector] })] }), SPEC_221);
		expect(errors).toEqual([
			{ path: 'evses[0].connectors[0].standard', code: 'required', message: 'standard is required but missing', severity: 'error' },
		]);
	});
	it('accepts a Location without optional fields', () => {
		const location = location221();
		for (const key of ['name', 'postal_code', 'evses', 'operator', 'opening_times']) delete location[key];
		expect(issueList(location)).toEqual([]);
	});
});

describe('wrong_type', () => {
	it('refuses a number as text', () => {
		expect(issueList(withConnector0({ max_voltage: '230' }))).toEqual(['evses[0].connectors[0].max_voltage wrong_type error']);
	});
	it('refuses coordinates given as numbers', () => {
		expect(issueList(location221({ coordinates: { latitude: 52.520008, longitude: '13.404954' } }))).toEqual([
			'coordinates.latitude wrong_type error',
		]);
	});
	it('refuses an object where a list is expected', () => {
		expect(issueList(location221({ evses: evse221() }))).toEqual(['evses wrong_type error']);
	});
	it('says what was expected and what came', () => {
		const { errors } = validateOcpiObject(location221({ publish: 'yes' }), SPEC_221);
		expect(errors[0].message).toBe('publish must be true or false; got text "yes"');
	});
});

describe('too_long', () => {
	it.each([
		['address', 45],
		['city', 45],
		['postal_code', 10],
		['state', 20],
		['name', 255],
		['id', 36],
		['party_id', 3],
	])('%s allows %i characters, not one more', (field, max) => {
		expect(issueList(location221({ [field]: 'x'.repeat(max) }))).toEqual([]);
		expect(issueList(location221({ [field]: 'x'.repeat(max + 1) }))).toEqual([`${field} too_long error`]);
	});
	it('counts EVSE and connector limits', () => {
		expect(issueList(withEvse0({ floor_level: '-1234' }))).toEqual(['evses[0].floor_level too_long error']);
		expect(issueList(withEvse0({ physical_reference: 'x'.repeat(17) }))).toEqual(['evses[0].physical_reference too_long error']);
		expect(issueList(withEvse0({ uid: 'x'.repeat(37) }))).toEqual(['evses[0].uid too_long error']);
		expect(issueList(withConnector0({ tariff_ids: ['x'.repeat(37)] }))).toEqual(['evses[0].connectors[0].tariff_ids[0] too_long error']);
	});
	it('words the limit', () => {
		const { errors } = validateOcpiObject(location221({ address: 'x'.repeat(52) }), SPEC_221);
		expect(errors[0].message).toBe('address must be at most 45 characters; got 52 characters');
	});
});

describe('invalid_characters', () => {
	it('refuses line breaks and tabs in a string', () => {
		expect(issueList(location221({ address: 'Marktplatz\n1' }))).toEqual(['address invalid_characters error']);
		expect(issueList(location221({ name: 'Markt\tplatz' }))).toEqual(['name invalid_characters error']);
	});
	it('accepts accents in a string but not in a CiString', () => {
		expect(issueList(location221({ city: 'Düsseldorf' }))).toEqual([]);
		expect(issueList(location221({ id: 'LÖC-1' }))).toEqual(['id invalid_characters error']);
	});
});

describe('invalid_format', () => {
	it.each(['52.52', '52,520008', '52.52000812', ' 52.520008', '52.520008N'])('refuses latitude %p', (latitude) => {
		expect(issueList(location221({ coordinates: { latitude, longitude: '13.404954' } }))).toEqual(['coordinates.latitude invalid_format error']);
	});
	it.each(['52.52000', '52.5200081', '-9.123456'])('accepts latitude %p (5 to 7 decimals)', (latitude) => {
		expect(issueList(location221({ coordinates: { latitude, longitude: '13.404954' } }))).toEqual([]);
	});
	it('refuses an alpha-2 country and an alpha-3 country_code', () => {
		expect(issueList(location221({ country: 'DE' }))).toEqual(['country invalid_format error']);
		expect(issueList(location221({ country: 'D1U' }))).toEqual(['country invalid_format error']);
		expect(issueList(location221({ country_code: 'DEU' }))).toEqual(['country_code too_long error']);
		expect(issueList(location221({ country_code: 'D1' }))).toEqual(['country_code invalid_format error']);
	});
	it.each(['UTC+2', 'CET', 'GMT', 'Europe/Nowhere', '+02:00', ''])('refuses time_zone %p', (timeZone) => {
		expect(issueList(location221({ time_zone: timeZone }))).toEqual(['time_zone invalid_format error']);
	});
	it.each(['Europe/Berlin', 'UTC', 'America/Argentina/Buenos_Aires', 'Europe/Kiev', 'Etc/GMT-2'])('accepts time_zone %p', (timeZone) => {
		expect(issueList(location221({ time_zone: timeZone }))).toEqual([]);
	});
	it('refuses hours without leading zeros', () => {
		const opening_times = { twentyfourseven: false, regular_hours: [{ weekday: 1, period_begin: '8:00', period_end: '20:00' }] };
		expect(issueList(location221({ opening_times }))).toEqual(['opening_times.regular_hours[0].period_begin invalid_format error']);
	});
	it('refuses a date-time that is not RFC 3339', () => {
		expect(issueList(location221({ last_updated: '01.05.2024 10:00' }))).toEqual(['last_updated invalid_format error']);
		expect(issueList(location221({ last_updated: '2024-05-01' }))).toEqual(['last_updated invalid_format error']);
	});
	it('refuses a three-letter language', () => {
		expect(issueList(location221({ directions: [{ language: 'e1', text: 'Left' }] }))).toEqual(['directions[0].language invalid_format error']);
	});
});

describe('date-times', () => {
	it.each(['2024-05-01T10:00:00Z', '2024-05-01T10:00:00', '2024-05-01T10:00:00.2Z', '2024-05-01T10:00:00.123'])('accepts %p', (value) => {
		expect(issueList(location221({ last_updated: value }))).toEqual([]);
	});
	it.each(['2024-05-01T10:00:00+00:00', '2024-05-01T12:00:00+02:00', '2024-05-01T10:00:00.123-0500'])('refuses offset %p as not_utc', (value) => {
		expect(issueList(location221({ last_updated: value }))).toEqual(['last_updated not_utc error']);
	});
	it.each(['2024-02-30T10:00:00Z', '2023-02-29T10:00:00Z', '2024-05-01T24:00:00Z', '2024-05-01T10:00:66Z', '2024-13-01T10:00:00Z'])(
		'refuses impossible %p as invalid_date',
		(value) => {
			expect(issueList(location221({ last_updated: value }))).toEqual(['last_updated invalid_date error']);
		},
	);
	it('refuses a date-time longer than 25 characters', () => {
		expect(issueList(location221({ last_updated: '2024-05-01T10:00:00.1234567Z' }))).toEqual(['last_updated too_long error']);
	});
});

describe('out_of_range', () => {
	it('refuses coordinates outside the globe', () => {
		expect(issueList(location221({ coordinates: { latitude: '90.000001', longitude: '13.404954' } }))).toEqual([
			'coordinates.latitude out_of_range error',
		]);
		expect(issueList(location221({ coordinates: { latitude: '52.520008', longitude: '-180.00001' } }))).toEqual([
			'coordinates.longitude out_of_range error',
		]);
		expect(issueList(location221({ coordinates: { latitude: '-90.00000', longitude: '180.00000' } }))).toEqual([]);
	});
	it('keeps percentages within 0..100', () => {
		const mix = (percentage: number) => ({ is_green_energy: true, energy_sources: [{ source: 'SOLAR', percentage }] });
		expect(issueList(location221({ energy_mix: mix(100) }))).toEqual([]);
		expect(issueList(location221({ energy_mix: mix(100.1) }))).toEqual(['energy_mix.energy_sources[0].percentage out_of_range error']);
		expect(issueList(location221({ energy_mix: mix(-1) }))).toEqual(['energy_mix.energy_sources[0].percentage out_of_range error']);
	});
	it('keeps weekday within 1..7', () => {
		const hours = (weekday: number) => ({ twentyfourseven: false, regular_hours: [{ weekday, period_begin: '08:00', period_end: '18:00' }] });
		expect(issueList(location221({ opening_times: hours(7) }))).toEqual([]);
		expect(issueList(location221({ opening_times: hours(0) }))).toEqual(['opening_times.regular_hours[0].weekday out_of_range error']);
		expect(issueList(location221({ opening_times: hours(8) }))).toEqual(['opening_times.regular_hours[0].weekday out_of_range error']);
	});
	it('keeps image sizes within int(5)', () => {
		const image = (width: number) => [{ url: 'https://x.example/a.png', category: 'CHARGER', type: 'png', width }];
		expect(issueList(location221({ images: image(99999) }))).toEqual([]);
		expect(issueList(location221({ images: image(100000) }))).toEqual(['images[0].width out_of_range error']);
	});
	it('refuses negative volts', () => {
		expect(issueList(withConnector0({ max_voltage: -230 }))).toEqual(['evses[0].connectors[0].max_voltage out_of_range error']);
	});
});

describe('not_integer', () => {
	it('refuses a fraction of a volt and says so', () => {
		const { errors } = validateOcpiObject(withConnector0({ max_voltage: 229.5 }), SPEC_221);
		expect(errors).toEqual([
			{
				path: 'evses[0].connectors[0].max_voltage',
				code: 'not_integer',
				message: 'max_voltage must be a whole number of volts, 0 or more; got the number 229.5',
				value: 229.5,
				severity: 'error',
			},
		]);
	});
	it('refuses fractions in amperage, power, weekday and image size', () => {
		expect(issueList(withConnector0({ max_amperage: 31.9, max_electric_power: 22000.5 }))).toEqual([
			'evses[0].connectors[0].max_amperage not_integer error',
			'evses[0].connectors[0].max_electric_power not_integer error',
		]);
	});
});

describe('not_allowed_value', () => {
	it('refuses an unknown connector standard', () => {
		expect(issueList(withConnector0({ standard: 'TYPE2' }))).toEqual(['evses[0].connectors[0].standard not_allowed_value error']);
	});
	it('points out a value in the wrong case', () => {
		const { errors } = validateOcpiObject(withEvse0({ status: 'available' }), SPEC_221);
		expect(errors[0].path).toBe('evses[0].status');
		expect(errors[0].message).toContain('write "AVAILABLE"');
	});
	it('knows the 2.2.1-only values', () => {
		expect(issueList(withConnector0({ standard: 'NEMA_14_50', power_type: 'AC_2_PHASE_SPLIT' }))).toEqual([]);
		expect(issueList(location221({ facilities: ['TRAM_STOP', 'PARKING_LOT'], parking_type: 'ON_DRIVEWAY' }))).toEqual([]);
	});
	it('refuses a wrong entry in an enum list at its index', () => {
		expect(issueList(withEvse0({ capabilities: ['RFID_READER', 'WIFI'] }))).toEqual(['evses[0].capabilities[1] not_allowed_value error']);
	});
	it('knows the 2.2.1 token types', () => {
		const token = (type: string) => location221({ publish: false, publish_allowed_to: [{ uid: '123', type }] });
		expect(issueList(token('AD_HOC_USER'))).toEqual([]);
		expect(issueList(token('OTHER'))).toEqual([]);
		expect(issueList(token('CARD'))).toEqual(['publish_allowed_to[0].type not_allowed_value error']);
	});
});

describe('unknown_field', () => {
	it('warns about fields OCPI does not define, at every level, and stays valid', () => {
		const result = validateOcpiObject(withConnector0({ colour: 'blue' }), SPEC_221);
		expect(result.valid).toBe(true);
		expect(result.warnings).toEqual([
			{
				path: 'evses[0].connectors[0].colour',
				code: 'unknown_field',
				message: 'evses[0].connectors[0].colour is not a field OCPI defines here; check its spelling, or leave it out',
				value: 'blue',
				severity: 'warning',
			},
		]);
	});
	it('treats 2.1.1 field names as unknown in 2.2.1', () => {
		expect(issueList(withConnector0({ voltage: 230 }))).toEqual(['evses[0].connectors[0].voltage unknown_field warning']);
	});
});
