/**
 * The ten most common OCPI data-quality / interop problems (research NOTES.md §4), one block each:
 * detection by validateOcpiObject, and where an enrichment exists, enrichment → validation passes
 * and the change is listed.
 */
import { enrichOcpiObject, type EnrichmentChange, type EnrichmentOptions } from '../../core/enrichment/enrich';
import { baseLocation211, baseLocation221, chars, check, clone, expectIssue, expectValid, type Json } from './helpers';

const NOW = new Date('2024-05-01T12:00:00.000Z');

function enrich(input: unknown, options: EnrichmentOptions, version: '2.2.1' | '2.1.1' = '2.2.1') {
	return enrichOcpiObject(input, 'location', version, { now: NOW, ...options });
}

function changeAt(changes: EnrichmentChange[], path: string): EnrichmentChange {
	const change = changes.find((c) => c.path === path);
	if (!change) throw new Error(`no change listed at '${path}', got: ${changes.map((c) => c.path).join(', ')}`);
	expect(typeof change.reason).toBe('string');
	expect(change.reason.length).toBeGreaterThan(0);
	return change;
}

describe('Problem 1: coordinates (numbers, comma decimals, too few decimals, swapped, out of range)', () => {
	test('detected: numbers instead of strings', () => {
		const l = baseLocation221();
		l.coordinates = { latitude: 51.047599, longitude: 3.729944 };
		const result = check(l);
		expectIssue(result, 'coordinates.latitude', 'wrong_type');
		expectIssue(result, 'coordinates.longitude', 'wrong_type');
	});

	test('detected: comma decimals, < 5 decimals, out of range', () => {
		const l = baseLocation221();
		l.coordinates = { latitude: '51,047599', longitude: '3.7299' };
		l.evses[0].coordinates = { latitude: '91.000000', longitude: '3.729945' };
		const result = check(l);
		expectIssue(result, 'coordinates.latitude', 'invalid_format');
		expectIssue(result, 'coordinates.longitude', 'invalid_format');
		expectIssue(result, 'evses[0].coordinates.latitude', 'out_of_range');
	});

	test('detected (2.1.1): not exactly 6 decimals', () => {
		const l = baseLocation211();
		l.coordinates.latitude = '51.0475991';
		expectIssue(check(l, { version: '2.1.1' }), 'coordinates.latitude', 'invalid_format');
	});

	test('enriched: numbers become spec strings, then valid, change listed', () => {
		const l = baseLocation221();
		l.coordinates = { latitude: 51.047599, longitude: 3.729944 };
		l.evses[0].coordinates = { latitude: 51.0476, longitude: 3.729945 };
		const input = clone(l);
		const { object, changes } = enrich(l, { coordinates: true });
		expect(l).toEqual(input); // input not mutated
		const out = object as Json;
		expect(out.coordinates).toEqual({ latitude: '51.047599', longitude: '3.729944' });
		expect(out.evses[0].coordinates.latitude).toBe('51.047600');
		expectValid(check(out));
		const change = changeAt(changes, 'coordinates.latitude');
		expect(change.from).toBe(51.047599);
		expect(change.to).toBe('51.047599');
		changeAt(changes, 'coordinates.longitude');
		changeAt(changes, 'evses[0].coordinates.latitude');
	});

	test('enriched: comma decimals become dots, then valid, change listed', () => {
		const l = baseLocation221();
		l.coordinates = { latitude: '51,047599', longitude: '3,729944' };
		const { object, changes } = enrich(l, { coordinates: true });
		expect((object as Json).coordinates).toEqual({ latitude: '51.047599', longitude: '3.729944' });
		expectValid(check(object));
		expect(changeAt(changes, 'coordinates.latitude').from).toBe('51,047599');
	});

	test('enriched (2.1.1): numbers get exactly 6 decimals', () => {
		const l = baseLocation211();
		l.coordinates = { latitude: 51.04759, longitude: 3.7 };
		const { object } = enrich(l, { coordinates: true }, '2.1.1');
		expect((object as Json).coordinates).toEqual({ latitude: '51.047590', longitude: '3.700000' });
		expectValid(check(object, { version: '2.1.1' }));
	});

	test('enrichment does not invent a fix for out-of-range values: still refused', () => {
		const l = baseLocation221();
		l.coordinates = { latitude: 139.6917, longitude: 35.6895 };
		const { object } = enrich(l, { coordinates: true });
		const result = check(object);
		expect(result.valid).toBe(false);
		expect(result.errors.some((e) => e.path === 'coordinates.latitude')).toBe(true);
	});
});

describe('Problem 2: evse_id not eMI3 (dashes, missing E marker, lowercase, spaces)', () => {
	test.each([
		['dash separators (ocpi/ocpi#179)', 'BE-BEC-E041503001'],
		['missing E type marker', 'BE*BEC*041503001'],
		['spaces', 'BE BEC E041503001'],
	])('detected as warning in spec profile: %s', (_name, evseId) => {
		const l = baseLocation221();
		l.evses[0].evse_id = evseId;
		const result = check(l);
		expectIssue(result, 'evses[0].evse_id', 'evse_id_format', 'warning');
		expect(result.valid).toBe(true);
	});

	test('detected as error in strict profile', () => {
		const l = baseLocation221();
		l.evses[0].evse_id = 'BE*BEC*041503001';
		expectIssue(check(l, { profile: 'strict' }), 'evses[0].evse_id', 'evse_id_format', 'error');
	});

	test('lowercase eMI3 id is accepted (evse_id is a CiString, matched after upper-casing)', () => {
		const l = baseLocation221();
		l.evses[0].evse_id = 'be*bec*e041503001';
		const result = check(l, { profile: 'strict' });
		expectValid(result);
		expect(result.warnings.filter((w) => w.code === 'evse_id_format')).toEqual([]);
	});

	test('DIN phone-style form is accepted', () => {
		const l = baseLocation221();
		l.evses[0].evse_id = '+49*810*000*438';
		expectValid(check(l, { profile: 'strict' }));
	});

	test("enriched (strict normalisation): lowercase → uppercase 'BE*BEC*E041503001', change listed", () => {
		const l = baseLocation221();
		l.evses[0].evse_id = 'be*bec*e041503001';
		const { object, changes } = enrich(l, { evseId: 'strict' });
		expect((object as Json).evses[0].evse_id).toBe('BE*BEC*E041503001');
		const change = changeAt(changes, 'evses[0].evse_id');
		expect(change.from).toBe('be*bec*e041503001');
		expect(change.to).toBe('BE*BEC*E041503001');
		expectValid(check(object, { profile: 'strict' }));
	});

	test("enriched (lenient normalisation): dashes/spaces → '*', then valid in strict, change listed", () => {
		const l = baseLocation221();
		l.evses[0].evse_id = 'BE-BEC-E041503001';
		l.evses[1].evse_id = 'be bec e041503002';
		const { object, changes } = enrich(l, { evseId: 'lenient' });
		expect((object as Json).evses[0].evse_id).toBe('BE*BEC*E041503001');
		expect((object as Json).evses[1].evse_id).toBe('BE*BEC*E041503002');
		changeAt(changes, 'evses[0].evse_id');
		changeAt(changes, 'evses[1].evse_id');
		expectValid(check(object, { profile: 'strict' }));
	});

	test("evseId 'off' changes nothing", () => {
		const l = baseLocation221();
		l.evses[0].evse_id = 'BE-BEC-E041503001';
		const { object, changes } = enrich(l, { evseId: 'off' });
		expect((object as Json).evses[0].evse_id).toBe('BE-BEC-E041503001');
		expect(changes.filter((c) => c.path.endsWith('evse_id'))).toEqual([]);
	});

	test('an evse_id that cannot be repaired (no E marker) is left for the validator', () => {
		const l = baseLocation221();
		l.evses[0].evse_id = 'BE*BEC*041503001';
		const { object } = enrich(l, { evseId: 'lenient' });
		expectIssue(check(object, { profile: 'strict' }), 'evses[0].evse_id', 'evse_id_format');
	});
});

describe('Problem 3: uid vs evse_id confusion / unstable or over-long ids', () => {
	test('duplicate EVSE uid is reported at the second occurrence', () => {
		const l = baseLocation221();
		l.evses[1].uid = l.evses[0].uid;
		expectIssue(check(l), 'evses[1].uid', 'duplicate_id');
	});

	test('Location.id and EVSE.uid of 37 characters (2.1.1 allowed 39) are too long in 2.2.1', () => {
		const l = baseLocation221();
		l.id = chars(37, 'a');
		l.evses[0].uid = chars(37, 'b');
		const result = check(l);
		expectIssue(result, 'id', 'too_long');
		expectIssue(result, 'evses[0].uid', 'too_long');
	});

	test('EVSE without uid (only evse_id) is refused', () => {
		const l = baseLocation221();
		delete l.evses[0].uid;
		expectIssue(check(l), 'evses[0].uid', 'required');
	});
});

describe('Problem 4: country_code (CPO alpha-2) vs country (location alpha-3)', () => {
	test('detected: country given as alpha-2', () => {
		const l = baseLocation221();
		l.country = 'NL';
		expectIssue(check(l), 'country', 'invalid_format');
	});

	test('detected: country given as a name', () => {
		const l = baseLocation221();
		l.country = 'Belgium';
		// a known name is reported as the wrong format, naming the code that was meant and the enrichment
		const result = check(l);
		expectIssue(result, 'country', 'invalid_format');
		expect(result.errors.find((e) => e.path === 'country')!.message).toBe(
			'country must be the ISO 3166-1 alpha-3 code such as "BEL"; got "Belgium", a name of Belgium. The enrichment "Country to ISO Alpha-3" converts it',
		);
	});

	test('detected: country in lower case or not a real code', () => {
		for (const [given, code] of [['bel', 'invalid_format'], ['XXX', 'invalid_format'], ['Bel', 'invalid_format'], ['Atlantis', 'too_long']] as const) {
			const l = baseLocation221();
			l.country = given;
			expectIssue(check(l), 'country', code);
		}
	});

	test('detected: country_code that is no ISO 3166-1 alpha-2 code', () => {
		const l = baseLocation221();
		l.country_code = 'XX';
		expectIssue(check(l), 'country_code', 'invalid_format');
	});

	test('detected: country_code given as alpha-3', () => {
		const l = baseLocation221();
		l.country_code = 'BEL';
		expectIssue(check(l), 'country_code', 'too_long');
	});

	test.each([
		['Germany', 'DEU'],
		['DE', 'DEU'],
		['Belgium', 'BEL'],
		['nl', 'NLD'],
	])("enriched: country '%s' → '%s', then valid, change listed", (given, expected) => {
		const l = baseLocation221();
		l.country = given;
		const { object, changes } = enrich(l, { countryCodes: true });
		expect((object as Json).country).toBe(expected);
		const change = changeAt(changes, 'country');
		expect(change.from).toBe(given);
		expect(change.to).toBe(expected);
		expectValid(check(object));
	});

	test('enrichment leaves a correct alpha-3 untouched and lists no change', () => {
		const { object, changes } = enrich(baseLocation221(), { countryCodes: true });
		expect((object as Json).country).toBe('BEL');
		expect(changes.filter((c) => c.path === 'country')).toEqual([]);
	});
});

describe('Problem 5: time_zone missing or not IANA (UTC+2, CET)', () => {
	test.each(['UTC+2', 'CET', 'GMT+1', '+02:00'])("detected: '%s'", (tz) => {
		const l = baseLocation221();
		l.time_zone = tz;
		expectIssue(check(l), 'time_zone', 'invalid_format');
	});

	test('detected: missing (required since 2.2)', () => {
		const l = baseLocation221();
		delete l.time_zone;
		expectIssue(check(l), 'time_zone', 'required');
	});

	test('enriched: time_zone from coordinates (Gent → Europe/Brussels), then valid, change listed', () => {
		const l = baseLocation221();
		delete l.time_zone;
		const { object, changes } = enrich(l, { timeZone: true });
		expect((object as Json).time_zone).toBe('Europe/Brussels');
		const change = changeAt(changes, 'time_zone');
		expect(change.from).toBeUndefined();
		expect(change.to).toBe('Europe/Brussels');
		expectValid(check(object));
	});

	test('enriched: time_zone from coordinates (Malmö → Europe/Stockholm)', () => {
		const l = baseLocation221();
		delete l.time_zone;
		l.coordinates = { latitude: '55.590325', longitude: '13.008307' };
		const { object } = enrich(l, { timeZone: true });
		expect((object as Json).time_zone).toBe('Europe/Stockholm');
	});

	test('enrichment does not overwrite a given time_zone', () => {
		const { object, changes } = enrich(baseLocation221(), { timeZone: true });
		expect((object as Json).time_zone).toBe('Europe/Brussels');
		expect(changes.filter((c) => c.path === 'time_zone')).toEqual([]);
	});
});

describe('Problem 6: power data (max_electric_power missing, voltage/units)', () => {
	test('detected in strict profile: max_electric_power missing', () => {
		const l = baseLocation221();
		delete l.evses[1].connectors[0].max_electric_power;
		expectIssue(check(l, { profile: 'strict' }), 'evses[1].connectors[0].max_electric_power', 'required_by_profile');
	});

	test('not required in spec profile', () => {
		const l = baseLocation221();
		delete l.evses[1].connectors[0].max_electric_power;
		expectValid(check(l));
	});

	test('detected: kW given as a decimal (22.0 is fine as a JSON number, 22.5 is not an integer)', () => {
		const l = baseLocation221();
		l.evses[0].connectors[0].max_electric_power = 22.5;
		expectIssue(check(l), 'evses[0].connectors[0].max_electric_power', 'not_integer');
	});

	test('detected: voltage as string with unit', () => {
		const l = baseLocation221();
		l.evses[0].connectors[0].max_voltage = '230V';
		expectIssue(check(l), 'evses[0].connectors[0].max_voltage', 'wrong_type');
	});

	test('2.1.1 has no max_electric_power: unknown field', () => {
		const l = baseLocation211();
		l.evses[0].connectors[0].max_electric_power = 22000;
		expectIssue(check(l, { version: '2.1.1' }), 'evses[0].connectors[0].max_electric_power', 'unknown_field', 'warning');
	});
});

describe('Problem 7: timestamps (offsets, local time, impossible values, fractions)', () => {
	test.each([
		['offset +02:00', '2015-06-29T22:39:09+02:00', 'not_utc'],
		['offset +00:00 (not UTC per OCPI)', '2015-06-29T20:39:09+00:00', 'not_utc'],
		['17:17:66Z (ocpi/ocpi#250)', '2015-06-29T17:17:66Z', 'invalid_date'],
		['month 13', '2015-13-29T20:39:09Z', 'invalid_date'],
		['no T separator', '2015-06-29 20:39:09Z', 'invalid_format'],
		['local human format', '29/06/2015 20:39', 'invalid_format'],
	] as const)('detected: %s', (_name, value, code) => {
		const l = baseLocation221();
		l.last_updated = value;
		expectIssue(check(l), 'last_updated', code);
	});

	test.each(['2015-06-29T20:39:09Z', '2015-06-29T20:39:09', '2016-12-29T17:45:09.2Z', '2018-01-01T01:08:01.123Z'])(
		'spec forms accepted: %s',
		(value) => {
			const l = baseLocation221();
			l.last_updated = value;
			l.evses[1].last_updated = value;
			l.evses[1].connectors[0].last_updated = '2015-01-01T00:00:00Z';
			expectValid(check(l));
		},
	);

	test('enriched: last_updated missing everywhere gets now in UTC Z form, change listed', () => {
		const l = baseLocation221();
		delete l.last_updated;
		delete l.evses[0].last_updated;
		delete l.evses[0].connectors[0].last_updated;
		const { object, changes } = enrich(l, { defaults: true });
		const out = object as Json;
		expect(out.last_updated).toMatch(/^2024-05-01T12:00:00(\.000)?Z$/);
		expect(out.evses[0].last_updated).toMatch(/^2024-05-01T12:00:00(\.000)?Z$/);
		expect(out.evses[0].connectors[0].last_updated).toMatch(/^2024-05-01T12:00:00(\.000)?Z$/);
		changeAt(changes, 'last_updated');
		changeAt(changes, 'evses[0].last_updated');
		changeAt(changes, 'evses[0].connectors[0].last_updated');
		expectValid(check(out));
	});

	test('defaults: publish and charging_when_closed filled when missing, listed', () => {
		const l = baseLocation221();
		delete l.publish;
		delete l.charging_when_closed;
		const { object, changes } = enrich(l, { defaults: true });
		expect((object as Json).publish).toBe(true);
		expect((object as Json).charging_when_closed).toBe(true);
		changeAt(changes, 'publish');
		changeAt(changes, 'charging_when_closed');
		expectValid(check(object));
	});

	test('defaults do not overwrite an existing (even invalid) last_updated', () => {
		const l = baseLocation221();
		l.last_updated = '2015-06-29T20:39:09+02:00';
		const { object } = enrich(l, { defaults: true });
		expectIssue(check(object), 'last_updated', 'not_utc');
	});
});

describe('Problem 8: PATCH without last_updated / parent last_updated not bumped', () => {
	test('detected: Location last_updated older than an EVSE', () => {
		const l = baseLocation221();
		l.evses[1].last_updated = '2016-01-01T00:00:00Z';
		l.evses[1].connectors[0].last_updated = '2016-01-01T00:00:00Z';
		expectIssue(check(l), 'last_updated', 'last_updated_older_than_child');
	});

	test('detected: EVSE last_updated older than a connector', () => {
		const l = baseLocation221();
		l.evses[0].connectors[1].last_updated = '2015-06-29T00:00:00Z';
		expectIssue(check(l), 'evses[0].last_updated', 'last_updated_older_than_child');
	});

	test('detected on kind evse: EVSE older than its connector', () => {
		const evse = baseLocation221().evses[0];
		evse.connectors[0].last_updated = '2020-01-01T00:00:00Z';
		expectIssue(check(evse, { kind: 'evse' }), 'last_updated', 'last_updated_older_than_child');
	});

	test('equal timestamps are fine (parent bumped together with child)', () => {
		const l = baseLocation221();
		l.evses[0].connectors[0].last_updated = l.evses[0].last_updated;
		expectValid(check(l));
	});

	test('EVSE body without last_updated (model side of a PATCH rule) → required', () => {
		const evse = baseLocation221().evses[0];
		delete evse.last_updated;
		expectIssue(check(evse, { kind: 'evse' }), 'last_updated', 'required');
	});

	test('Connector without last_updated → required', () => {
		const connector = baseLocation221().evses[0].connectors[0];
		delete connector.last_updated;
		expectIssue(check(connector, { kind: 'connector' }), 'last_updated', 'required');
	});

	// The client side of problem 8 (every PATCH body carries last_updated; the parent's last_updated is
	// bumped when a child is sent) belongs to the CPMS OCPI Push issue and is tested with the push client.
});

// Problem 9 (Authorization header: `Token <base64(token)>` for 2.2.1, the plain token for 2.1.1, no
// trailing newline; the credentials object's own token never encoded) is client behaviour: those checks
// belong to the CPMS OCPI Push issue, not to the validator.

describe('Problem 10: lifecycle & structure (REMOVED, 0 connectors, over-long strings, 8:00, empty regular_hours)', () => {
	test('EVSE with 0 connectors → too_few_items', () => {
		const l = baseLocation221();
		l.evses[0].connectors = [];
		expectIssue(check(l), 'evses[0].connectors', 'too_few_items');
	});

	test('EVSE with 0 connectors on kind evse → too_few_items at connectors', () => {
		const evse = baseLocation221().evses[0];
		evse.connectors = [];
		expectIssue(check(evse, { kind: 'evse' }), 'connectors', 'too_few_items');
	});

	test.each([
		['address', 45],
		['city', 45],
		['postal_code', 10],
		['state', 20],
		['name', 255],
	])('over-long %s (max %i) → too_long; exactly max is fine', (field, max) => {
		const over = baseLocation221();
		over[field] = chars(max + 1, '1');
		expectIssue(check(over), field, 'too_long');
		const exact = baseLocation221();
		exact[field] = chars(max, '1');
		expectValid(check(exact));
	});

	test.each([
		['physical_reference', 16],
		['floor_level', 4],
	])('over-long EVSE %s (max %i) → too_long; exactly max is fine', (field, max) => {
		const over = baseLocation221();
		over.evses[0][field] = chars(max + 1, '1');
		expectIssue(check(over), `evses[0].${field}`, 'too_long');
		const exact = baseLocation221();
		exact.evses[0][field] = chars(max, '1');
		expectValid(check(exact));
	});

	test("'8:00' instead of '08:00' → invalid_format", () => {
		const l = baseLocation221();
		l.opening_times.regular_hours[0].period_begin = '8:00';
		expectIssue(check(l), 'opening_times.regular_hours[0].period_begin', 'invalid_format');
	});

	test('empty regular_hours with twentyfourseven false → regular_hours_required', () => {
		const l = baseLocation221();
		l.opening_times = { twentyfourseven: false, regular_hours: [] };
		expectIssue(check(l), 'opening_times.regular_hours', 'regular_hours_required');
	});

	test('deleting an EVSE = status REMOVED: accepted (Location and EVSE level)', () => {
		const l = baseLocation221();
		l.evses[1].status = 'REMOVED';
		expectValid(check(l));
		const evse = clone(l.evses[1]);
		expectValid(check(evse, { kind: 'evse' }));
	});

	test("status 'DELETED' is not an OCPI status → not_allowed_value", () => {
		const l = baseLocation221();
		l.evses[1].status = 'DELETED';
		expectIssue(check(l), 'evses[1].status', 'not_allowed_value');
	});

	test('publishing restricted via publish=false + publish_allowed_to (home charger) is valid', () => {
		const l = baseLocation221();
		l.publish = false;
		l.publish_allowed_to = [{ visual_number: '0123456-99', issuer: 'MoveMove' }];
		expectValid(check(l));
	});
});
