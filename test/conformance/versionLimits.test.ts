/**
 * The limits that differ across OCPI 2.1.1, 2.2.1 and 2.3.0 (edition 2), side by side: each row is one field,
 * each column one version, and every cell is checked at the limit (accepted) and one above it (refused), or
 * as a field the version does not know (an unknown_field warning). The table also pins core/ocpi/limits.ts.
 */
import { TEXT_LIMITS } from '../../core/ocpi/limits';
import type { OcpiVersion } from '../../core/ocpi/version';
import { baseLocation211, baseLocation221, baseLocation230, chars, check, expectIssue, expectValid, type Json } from './helpers';

type Limit = number | 'absent';

interface Row {
	field: string;
	/** Sets the value on a Location of that version; returns the issue path. */
	set: (l: Json, value: string) => string;
	limits: Record<OcpiVersion, Limit>;
}

const BASES: Record<OcpiVersion, () => Json> = { '2.1.1': baseLocation211, '2.2.1': baseLocation221, '2.3.0': baseLocation230 };

const ROWS: Row[] = [
	{ field: 'Location.id', set: (l, v) => ((l.id = v), 'id'), limits: { '2.1.1': 39, '2.2.1': 36, '2.3.0': 36 } },
	{ field: 'EVSE.uid', set: (l, v) => ((l.evses[0].uid = v), 'evses[0].uid'), limits: { '2.1.1': 39, '2.2.1': 36, '2.3.0': 36 } },
	{ field: 'Location.address', set: (l, v) => ((l.address = v), 'address'), limits: { '2.1.1': 45, '2.2.1': 45, '2.3.0': 255 } },
	{ field: 'Location.state', set: (l, v) => ((l.state = v), 'state'), limits: { '2.1.1': 'absent', '2.2.1': 20, '2.3.0': 45 } },
	{ field: 'Location.help_phone', set: (l, v) => ((l.help_phone = v), 'help_phone'), limits: { '2.1.1': 'absent', '2.2.1': 'absent', '2.3.0': 25 } },
	{
		field: 'EVSE.accepted_service_providers[]',
		set: (l, v) => ((l.evses[0].accepted_service_providers = [v]), 'evses[0].accepted_service_providers'),
		limits: { '2.1.1': 'absent', '2.2.1': 'absent', '2.3.0': 50 },
	},
	{
		field: 'Parking.physical_reference',
		set: (l, v) => {
			l.parking_places = [{ id: 'P1', physical_reference: v, vehicle_types: ['PERSONAL_VEHICLE'], restricted_to_type: false, reservation_required: false }];
			for (const evse of l.evses) delete evse.parking;
			return 'parking_places';
		},
		limits: { '2.1.1': 'absent', '2.2.1': 'absent', '2.3.0': 12 },
	},
];

const CELLS = ROWS.flatMap((row) => (Object.keys(row.limits) as OcpiVersion[]).map((version) => [row.field, version, row] as const));

describe('limits that differ across 2.1.1, 2.2.1 and 2.3.0', () => {
	test.each(CELLS)('%s in %s', (_field, version, row) => {
		const limit = row.limits[version];
		if (limit === 'absent') {
			const location = BASES[version]();
			const path = row.set(location, 'x');
			const result = check(location, { version });
			expectIssue(result, path, 'unknown_field', 'warning');
			return;
		}
		const atLimit = BASES[version]();
		row.set(atLimit, chars(limit, '1'));
		expectValid(check(atLimit, { version }));
		const above = BASES[version]();
		const path = row.set(above, chars(limit + 1, '1'));
		const tooLongAt = path === 'parking_places' ? 'parking_places[0].physical_reference' : path === 'evses[0].accepted_service_providers' ? `${path}[0]` : path;
		expectIssue(check(above, { version }), tooLongAt, 'too_long');
	});

	test('the table agrees with core/ocpi/limits.ts', () => {
		const key: Record<string, keyof (typeof TEXT_LIMITS)['2.3.0']> = {
			'Location.id': 'locationId',
			'EVSE.uid': 'evseUid',
			'Location.address': 'address',
			'Location.state': 'state',
			'Location.help_phone': 'helpPhone',
			'EVSE.accepted_service_providers[]': 'acceptedServiceProvider',
			'Parking.physical_reference': 'parkingPhysicalReference',
		};
		for (const row of ROWS) {
			for (const version of Object.keys(row.limits) as OcpiVersion[]) {
				const expected = row.limits[version];
				expect([row.field, version, TEXT_LIMITS[version][key[row.field]] ?? 'absent']).toEqual([row.field, version, expected]);
			}
		}
	});
});

describe('URL-typed fields accept only absolute URLs, in every version', () => {
	const URL_FIELDS: Array<[string, (l: Json, v: string) => string]> = [
		['Connector.terms_and_conditions', (l, v) => ((l.evses[0].connectors[0].terms_and_conditions = v), 'evses[0].connectors[0].terms_and_conditions')],
		['BusinessDetails.website', (l, v) => ((l.operator.website = v), 'operator.website')],
		['Image.url', (l, v) => ((l.images = [{ url: v, category: 'LOCATION', type: 'jpeg' }]), 'images[0].url')],
		['Image.thumbnail', (l, v) => ((l.images = [{ url: 'https://example.com/a.jpeg', thumbnail: v, category: 'LOCATION', type: 'jpeg' }]), 'images[0].thumbnail')],
	];
	const VERSIONS: OcpiVersion[] = ['2.1.1', '2.2.1', '2.3.0'];
	const cases = VERSIONS.flatMap((version) => URL_FIELDS.map(([name, set]) => [name, version, set] as const));

	test.each(cases)('%s (%s): "see our website", "www.newmotion.com", "https://" and "http:// example.com" are refused', (_name, version, set) => {
		for (const bad of ['see our website', 'www.newmotion.com', 'https://', 'http:// example.com/t c']) {
			const location = BASES[version]();
			const path = set(location, bad);
			expectIssue(check(location, { version }), path, 'invalid_format');
		}
	});

	test.each(cases)('%s (%s): absolute URLs are accepted', (_name, version, set) => {
		for (const good of ['https://www.newmotion.com', 'http://example.com/terms?lang=nl#top', 'https://example.com/a%20b.png']) {
			const location = BASES[version]();
			set(location, good);
			expectValid(check(location, { version }));
		}
	});
});
