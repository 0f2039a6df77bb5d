/**
 * Values that have the right shape but are not real or not plausible: country codes that do not
 * exist, time zones in the wrong case, line-to-line voltages, energy mixes above 100 %.
 */
import { validateOcpiObject } from '../../../core/validation/validate';
import { isIanaTimeZone } from '../../../core/ocpi/fields';
import { issueList, SPEC_211, SPEC_221 } from './issueList';
import { connector211, connector221, evse211, evse221, location211, location221 } from './validObjects';

function errorAt(input: unknown, path: string, options = SPEC_221) {
	return validateOcpiObject(input, options).errors.find((issue) => issue.path === path);
}

describe('country: a real ISO 3166-1 alpha-3 code in upper case', () => {
	it.each(['DEU', 'BEL', 'NLD', 'XKK'])('accepts %p', (country) => {
		expect(issueList(location221({ country }))).toEqual([]);
		expect(issueList(location211({ country }), SPEC_211)).toEqual([]);
	});
	it('refuses a code that does not exist', () => {
		expect(issueList(location221({ country: 'XXX' }))).toEqual(['country invalid_format error']);
		expect(errorAt(location221({ country: 'XXX' }), 'country')!.message).toBe(
			'country must be an existing ISO 3166-1 alpha-3 country code such as "NLD"; "XXX" is not one',
		);
		expect(issueList(location211({ country: 'ABC' }), SPEC_211)).toEqual(['country invalid_format error']);
	});
	it('refuses lower case, naming the code', () => {
		expect(errorAt(location221({ country: 'bel' }), 'country')).toEqual({
			path: 'country',
			code: 'invalid_format',
			message: 'country must be the ISO 3166-1 alpha-3 code in upper case, "BEL"; got "bel". The enrichment "Country to ISO Alpha-3" converts it',
			value: 'bel',
			severity: 'error',
		});
	});
	it('refuses an alpha-2 code or a name, naming the code that was meant and the enrichment', () => {
		expect(errorAt(location221({ country: 'BE' }), 'country')!.message).toBe(
			'country must be the ISO 3166-1 alpha-3 code such as "BEL"; got "BE", the alpha-2 code of Belgium. The enrichment "Country to ISO Alpha-3" converts it',
		);
		expect(errorAt(location221({ country: 'Deutschland' }), 'country')).toMatchObject({
			code: 'invalid_format',
			message: 'country must be the ISO 3166-1 alpha-3 code such as "DEU"; got "Deutschland", a name of Germany. The enrichment "Country to ISO Alpha-3" converts it',
		});
		expect(issueList(location211({ country: 'Nederland' }), SPEC_211)).toEqual(['country invalid_format error']);
	});
	it('keeps the plain format and length problems for text that is no country at all', () => {
		expect(issueList(location221({ country: 'Atlantis' }))).toEqual(['country too_long error']);
		expect(issueList(location221({ country: 'D1U' }))).toEqual(['country invalid_format error']);
		expect(issueList(location221({ country: 'x'.repeat(10_000) }))).toEqual(['country too_long error']);
	});
});

describe('country_code: a real ISO 3166-1 alpha-2 code, any case (CiString)', () => {
	it.each(['DE', 'de', 'Be', 'XK'])('accepts %p', (countryCode) => {
		expect(issueList(location221({ country_code: countryCode }))).toEqual([]);
	});
	it.each(['XX', 'zz', 'EU'])('refuses %p', (countryCode) => {
		expect(issueList(location221({ country_code: countryCode }))).toEqual(['country_code invalid_format error']);
		expect(errorAt(location221({ country_code: countryCode }), 'country_code')!.message).toBe(
			`country_code must be an existing ISO 3166-1 alpha-2 country code such as "NL"; got text "${countryCode}"`,
		);
	});
});

describe('time_zone: IANA names in IANA case', () => {
	it.each(['Europe/Brussels', 'UTC', 'Etc/UTC', 'Etc/GMT+5', 'Europe/Kyiv', 'Europe/Kiev', 'Asia/Kolkata', 'Asia/Calcutta', 'US/Eastern', 'Australia/ACT', 'America/Port-au-Prince', 'Europe/Isle_of_Man', 'America/Argentina/ComodRivadavia', 'Antarctica/DumontDUrville'])(
		'accepts %p (canonical names and aliases)',
		(timeZone) => {
			expect(isIanaTimeZone(timeZone)).toBe(true);
			expect(issueList(location221({ time_zone: timeZone }))).toEqual([]);
		},
	);
	it.each([
		['europe/brussels', 'Europe/Brussels'],
		['EUROPE/BRUSSELS', 'Europe/Brussels'],
		['Europe/brussels', 'Europe/Brussels'],
		['utc', 'UTC'],
		['america/port-au-prince', 'America/Port-au-Prince'],
	])('refuses %p, naming %p', (given, meant) => {
		expect(isIanaTimeZone(given)).toBe(false);
		expect(errorAt(location221({ time_zone: given }), 'time_zone')).toEqual({
			path: 'time_zone',
			code: 'invalid_format',
			message: `time_zone must be an IANA time zone name written exactly as IANA writes it (upper and lower case), e.g. "${meant}"; got text "${given}"`,
			value: given,
			severity: 'error',
		});
	});
	it.each(['europe/kyiv', 'us/eastern', 'US/EASTERN', 'asia/kolkata'])('refuses the alias %p in the wrong case', (given) => {
		expect(isIanaTimeZone(given)).toBe(false);
		expect(issueList(location221({ time_zone: given }))).toEqual(['time_zone invalid_format error']);
	});
	it('applies to 2.1.1 too', () => {
		expect(issueList(location211({ time_zone: 'europe/berlin' }), SPEC_211)).toEqual(['time_zone invalid_format error']);
	});
});

describe('suspicious_value: line-to-line voltage on AC_3_PHASE', () => {
	it.each([380, 400, 415])('warns about max_voltage %p, valid all the same', (maxVoltage) => {
		const result = validateOcpiObject(location221({ evses: [evse221({ connectors: [connector221({ max_voltage: maxVoltage })] })] }), SPEC_221);
		expect(result.valid).toBe(true);
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([
			{
				path: 'evses[0].connectors[0].max_voltage',
				code: 'suspicious_value',
				message: `max_voltage ${maxVoltage} looks like a line-to-line voltage; OCPI wants line-to-neutral (230 V) for AC_3_PHASE`,
				value: maxVoltage,
				severity: 'warning',
			},
		]);
	});
	it('leaves 230 V, other power types and other voltages alone', () => {
		expect(issueList(connector221({ max_voltage: 230 }), { ...SPEC_221, kind: 'connector' })).toEqual([]);
		expect(issueList(connector221({ max_voltage: 400, power_type: 'DC' }), { ...SPEC_221, kind: 'connector' })).toEqual([]);
		expect(issueList(connector221({ max_voltage: 400, power_type: 'AC_1_PHASE' }), { ...SPEC_221, kind: 'connector' })).toEqual([]);
		expect(issueList(connector221({ max_voltage: 379 }), { ...SPEC_221, kind: 'connector' })).toEqual([]);
		expect(issueList(connector221({ max_voltage: 416 }), { ...SPEC_221, kind: 'connector' })).toEqual([]);
	});
	it('uses voltage in 2.1.1', () => {
		const connector = connector211({ voltage: 400 });
		expect(issueList(connector, { ...SPEC_211, kind: 'connector' })).toEqual(['voltage suspicious_value warning']);
		expect(issueList(location211({ evses: [evse211({ connectors: [connector] })] }), SPEC_211)).toEqual([
			'evses[0].connectors[0].voltage suspicious_value warning',
		]);
	});
	it('is reported once next to other problems of the Location', () => {
		const evse = evse221({ status: 'FREE', connectors: [connector221({ max_voltage: 400 })] });
		expect(issueList(location221({ evses: [evse] }))).toEqual([
			'evses[0].status not_allowed_value error',
			'evses[0].connectors[0].max_voltage suspicious_value warning',
		]);
	});
});

describe('suspicious_value: energy_sources above 100 %', () => {
	const mix = (...percentages: number[]) => ({
		is_green_energy: true,
		energy_sources: percentages.map((percentage, i) => ({ source: i % 2 === 0 ? 'SOLAR' : 'WIND', percentage })),
	});
	it('warns when the shares add up to more than 100', () => {
		const result = validateOcpiObject(location221({ energy_mix: mix(60, 50.5) }), SPEC_221);
		expect(result.valid).toBe(true);
		expect(result.warnings).toEqual([
			{
				path: 'energy_mix.energy_sources',
				code: 'suspicious_value',
				message: 'energy_sources percentages add up to 110.5; the shares of one energy mix should add up to 100 at most',
				value: '[list of 2]',
				severity: 'warning',
			},
		]);
		expect(issueList(location211({ energy_mix: mix(70, 40) }), SPEC_211)).toEqual(['energy_mix.energy_sources suspicious_value warning']);
	});
	it('accepts 100, less than 100, and float sums a hair above 100', () => {
		expect(issueList(location221({ energy_mix: mix(35.9, 64.1) }))).toEqual([]);
		expect(issueList(location221({ energy_mix: mix(33.3, 33.3, 33.4) }))).toEqual([]);
		expect(issueList(location221({ energy_mix: mix(20, 30) }))).toEqual([]);
	});
	it('adds up only usable shares, next to their own errors', () => {
		expect(issueList(location221({ energy_mix: mix(90, 150, 20) }))).toEqual([
			'energy_mix.energy_sources[1].percentage out_of_range error',
			'energy_mix.energy_sources suspicious_value warning',
		]);
	});
});

describe('line-to-line voltages: one table for the Mapper and the Validator (core/ocpi/voltages)', () => {
	it.each([208, 480])('warns about the US line-to-line %p V the Mapper converts', (maxVoltage) => {
		expect(issueList(connector221({ max_voltage: maxVoltage }), { ...SPEC_221, kind: 'connector' })).toEqual(['max_voltage suspicious_value warning']);
	});
});
