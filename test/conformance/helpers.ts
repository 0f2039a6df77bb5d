/**
 * Shared fixtures and assertions of the OCPI conformance suite.
 *
 * The base objects are hand-written, fully populated and valid in BOTH profiles ('spec' and 'strict'),
 * so that every variant can be a single mutation of a known-valid object.
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateOcpiObject, type ValidationResult } from '../../core/validation/validate';
import type { IssueCode, OcpiIssue } from '../../core/foundation/issue';
import type { OcpiObjectKind, OcpiVersion } from '../../core/ocpi/version';
import type { RuleProfile } from '../../core/validation/ruleProfile';
import { testConnector, testEvse, testLocation } from '../fixtures/ocpiLocations';

export type Json = any;

export const OFFICIAL_DIR = path.join(__dirname, '..', 'fixtures', 'ocpi-examples');

export function loadOfficial(version: OcpiVersion, file: string): Json {
	return JSON.parse(fs.readFileSync(path.join(OFFICIAL_DIR, version, file), 'utf8'));
}

/** The official examples that are whole Locations (the same file names in 2.2.1 and 2.3.0). */
export const FULL_LOCATION_EXAMPLES = [
	'location_example.json',
	'location_example_parking_garage_opening_hours.json',
	'location_example_uc2_destination_charger.json',
	'location_example_uc3_destination_charger_not_published.json',
	'location_example_uc4_limited_visibility.json',
	'location_example_uc5_home_charge_point.json',
];

export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** A 2.2.1 Location that uses every field class of the model. Valid with profile 'spec' and 'strict'. */
export function baseLocation221(): Json {
	const firstEvse = testEvse('2.2.1', {
		uid: '3256',
		evse_id: 'BE*BEC*E041503001',
		status_schedule: [{ period_begin: '2030-01-01T00:00:00Z', period_end: '2030-01-02T00:00:00Z', status: 'INOPERATIVE' }],
		capabilities: ['RESERVABLE', 'RFID_READER'],
		connectors: [
			testConnector('2.2.1', { format: 'CABLE', tariff_ids: ['11'], terms_and_conditions: 'https://example.com/terms', last_updated: '2015-03-16T10:10:02Z' }),
			testConnector('2.2.1', {
				id: '2',
				standard: 'IEC_62196_T2_COMBO',
				format: 'CABLE',
				power_type: 'DC',
				max_voltage: 920,
				max_amperage: 200,
				max_electric_power: 150000,
				tariff_ids: ['13'],
				last_updated: '2015-03-18T08:12:01Z',
			}),
		],
		floor_level: '-1',
		coordinates: { latitude: '51.047600', longitude: '3.729945' },
		physical_reference: '1',
		directions: [{ language: 'en', text: 'Left of the entrance' }],
		parking_restrictions: ['EV_ONLY'],
		images: [{ url: 'https://example.com/evse.png', category: 'CHARGER', type: 'png', width: 640, height: 480 }],
		last_updated: '2015-06-28T08:12:01Z',
	});
	const secondEvse = testEvse('2.2.1', {
		uid: '3257',
		evse_id: 'BE*BEC*E041503002',
		status: 'RESERVED',
		capabilities: ['RESERVABLE'],
		connectors: [testConnector('2.2.1', { max_amperage: 16, max_electric_power: 11000, tariff_ids: ['12'], last_updated: '2015-06-29T20:39:09Z' })],
		physical_reference: '2',
		floor_level: '-2',
		last_updated: '2015-06-29T20:39:09Z',
	});
	return testLocation('2.2.1', {
		...gent(),
		country_code: 'BE',
		party_id: 'BEC',
		id: 'LOC-0001',
		state: 'Oost-Vlaanderen',
		related_locations: [{ latitude: '51.047700', longitude: '3.730000', name: { language: 'nl', text: 'Ingang parking' } }],
		parking_type: 'ON_STREET',
		evses: [firstEvse, secondEvse],
		directions: [{ language: 'nl', text: 'Achter het station' }],
		operator: {
			name: 'BeCharged',
			website: 'https://becharged.example.com',
			logo: {
				url: 'https://becharged.example.com/logo.png',
				thumbnail: 'https://becharged.example.com/logo-small.png',
				category: 'OPERATOR',
				type: 'png',
				width: 512,
				height: 512,
			},
		},
		suboperator: { name: 'BeCharged Gent' },
		owner: { name: 'Stad Gent' },
		facilities: ['TRAIN_STATION', 'CAFE'],
		opening_times: {
			twentyfourseven: false,
			regular_hours: [
				{ weekday: 1, period_begin: '08:00', period_end: '20:00' },
				{ weekday: 7, period_begin: '10:00', period_end: '16:00' },
			],
			exceptional_openings: [{ period_begin: '2014-06-21T09:00:00Z', period_end: '2014-06-21T12:00:00Z' }],
			exceptional_closings: [{ period_begin: '2014-06-24T00:00:00Z', period_end: '2014-06-25T00:00:00Z' }],
		},
		charging_when_closed: true,
		images: [
			{
				url: 'https://example.com/location.jpeg',
				thumbnail: 'https://example.com/location-thumb.jpeg',
				category: 'LOCATION',
				type: 'jpeg',
				width: 1024,
				height: 768,
			},
		],
		energy_mix: {
			is_green_energy: false,
			energy_sources: [
				{ source: 'GENERAL_GREEN', percentage: 35.9 },
				{ source: 'COAL', percentage: 64.1 },
			],
			environ_impact: [{ category: 'CARBON_DIOXIDE', amount: 372 }],
			supplier_name: 'E.ON Energy Deutschland',
			energy_product_name: 'E.ON DirektStrom eco',
		},
	});
}

/** Gent Zuid, the place both base Locations describe (new objects each time: tests mutate them). */
function gent(): Json {
	return {
		name: 'Gent Zuid',
		address: 'F.Rooseveltlaan 3A',
		city: 'Gent',
		postal_code: '9000',
		country: 'BEL',
		coordinates: { latitude: '51.047599', longitude: '3.729944' },
		operator: { name: 'BeCharged' },
		time_zone: 'Europe/Brussels',
		last_updated: '2015-06-29T20:39:09Z',
	};
}

/** A 2.1.1 Location (type, postal_code required, voltage/amperage, tariff_id, exactly 6 decimals). Valid. */
export function baseLocation211(): Json {
	const connector = testConnector('2.1.1', { format: 'CABLE', voltage: 220, amperage: 16, tariff_id: '11', last_updated: '2015-03-16T10:10:02Z' });
	const evse = testEvse('2.1.1', {
		uid: '3256',
		evse_id: 'BE*BEC*E041503001',
		capabilities: ['RESERVABLE'],
		connectors: [connector],
		physical_reference: '1',
		floor_level: '-1',
		last_updated: '2015-06-28T08:12:01Z',
	});
	return testLocation('2.1.1', { ...gent(), id: 'LOC1', evses: [evse] });
}

export interface CheckOptions {
	version?: OcpiVersion;
	kind?: OcpiObjectKind;
	profile?: RuleProfile;
}

export function check(input: unknown, options: CheckOptions = {}): ValidationResult {
	return validateOcpiObject(input, {
		version: options.version ?? '2.2.1',
		kind: options.kind ?? 'location',
		profile: options.profile ?? 'spec',
	});
}

function brief(issues: OcpiIssue[]): string {
	return issues.map((i) => `${i.severity} ${i.code} @ '${i.path}'`).join('\n  ');
}

/** Readable failure: shows every issue found when the expected one is missing. */
export function expectIssue(
	result: ValidationResult,
	path: string,
	code: IssueCode,
	severity: 'error' | 'warning' = 'error',
): void {
	const list = severity === 'error' ? result.errors : result.warnings;
	const found = list.some((i) => i.path === path && i.code === code);
	if (!found) {
		throw new Error(
			`expected ${severity} ${code} @ '${path}', got:\n  errors:\n  ${brief(result.errors)}\n  warnings:\n  ${brief(result.warnings)}`,
		);
	}
	const issue = list.find((i) => i.path === path && i.code === code)!;
	expect(issue.severity).toBe(severity);
	expect(typeof issue.message).toBe('string');
	expect(issue.message.length).toBeGreaterThan(0);
	if (severity === 'error') expect(result.valid).toBe(false);
}

export function expectValid(result: ValidationResult): void {
	if (!result.valid || result.errors.length > 0) {
		throw new Error(`expected valid, got errors:\n  ${brief(result.errors)}`);
	}
}

/** An issue of that code anywhere at or below the path prefix (used sparingly, for coarse robustness checks). */
export function hasIssueUnder(issues: OcpiIssue[], prefix: string): boolean {
	return issues.some((i) => i.path === prefix || i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`));
}

export function chars(n: number, c = 'x'): string {
	return c.repeat(n);
}

/** A 2.3.0 (edition 2) Location: the 2.2.1 base plus every field 2.3.0 adds. Valid with profile 'spec' and 'strict'. */
export function baseLocation230(): Json {
	const location = baseLocation221();
	location.help_phone = '+32 9 123 45 67';
	location.parking_places = [
		{ id: 'P1', physical_reference: 'B1', vehicle_types: ['PERSONAL_VEHICLE'], restricted_to_type: true, reservation_required: false },
		{
			id: 'P2',
			vehicle_types: ['VAN', 'DISABLED'],
			max_vehicle_weight: 3500,
			max_vehicle_height: 275,
			max_vehicle_length: 600,
			max_vehicle_width: 220,
			parking_space_length: 650,
			parking_space_width: 360,
			dangerous_goods_allowed: false,
			direction: 'PERPENDICULAR',
			drive_through: false,
			restricted_to_type: false,
			reservation_required: false,
			time_limit: 240,
			roofed: true,
			images: [{ url: 'https://example.com/p2.jpeg', category: 'LOCATION', type: 'jpeg' }],
			lighting: true,
			refrigeration_outlet: false,
			standards: ['PAS 1899'],
			apds_reference: 'APDS-PLACE-42',
		},
	];
	location.evses[0].parking = [{ parking_id: 'P1', evse_position: 'LEFT' }];
	location.evses[0].accepted_service_providers = ['Shell Recharge', 'Plugsurfing'];
	location.evses[1].parking = [{ parking_id: 'P2', evse_position: 'CENTER' }];
	location.evses[0].connectors[1].capabilities = ['ISO_15118_2_PLUG_AND_CHARGE'];
	return location;
}
