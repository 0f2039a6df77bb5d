import { mapAssets, MappingSetupError } from '../../../core/mapping';
import { validateOcpiObject } from '../../../core/validation/validate';
import { sampleChargePoints, sampleRows, sampleSites } from '../../fixtures/assets/sampleAssets';
import { NOW, profileWith, rowsProfile } from './helpers';

type Json = Record<string, any>;

function shapeOf(result: ReturnType<typeof mapAssets>) {
	return result.locations.map(({ location }) => [location.id, (location.evses as Json[]).map((evse) => [evse.uid, evse.connectors.map((c: Json) => c.id)])]);
}

function expectValid(result: ReturnType<typeof mapAssets>, version: '2.2.1' | '2.1.1' = '2.2.1') {
	for (const { location } of result.locations) {
		const { _mapping, ...ocpi } = location;
		const validation = validateOcpiObject(ocpi, { version, kind: 'location', profile: 'spec' });
		expect(validation.errors).toEqual([]);
	}
}

const EXPECTED_TREE = [
	['BER-0001', [['BER-0001-AC1', ['1', '2']], ['BER-0001-DC1', ['1', '2']]]],
	['MUC-0007', [['MUC-0007-AC1', ['1']]]],
	['AMS-0003', [['AMS-0003-AC1', ['1', '2']]]],
];

describe('mapAssets: the three input shapes', () => {
	it('maps sites with nested charge points and outlets into valid Locations', () => {
		const result = mapAssets(sampleSites(), profileWith(), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(shapeOf(result)).toEqual(EXPECTED_TREE);
		expect(result.locations.map((location) => location.sourceIndexes)).toEqual([[0], [1], [2]]);
		expectValid(result);
	});

	it('maps one item per charge point, grouping charge points into Locations', () => {
		const result = mapAssets(sampleChargePoints(), profileWith({ shape: 'chargePoints' }), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(shapeOf(result)).toEqual(EXPECTED_TREE);
		expect(result.locations[0].sourceIndexes).toEqual([0, 1]);
		expectValid(result);
	});

	it('maps flat connector rows grouped by the key fields, pointing at every contributing row', () => {
		const rows = sampleRows();
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(shapeOf(result)).toEqual(EXPECTED_TREE);
		expect(result.locations.map((location) => location.sourceIndexes)).toEqual([[0, 1, 2, 3], [4], [5, 6]]);
		expectValid(result);
	});

	it('writes OCPI values from asset-system values (units, plugs, statuses, country, coordinates)', () => {
		const [berlin, munich] = mapAssets(sampleSites(), profileWith(), { now: NOW }).locations.map((entry) => entry.location as Json);
		expect(berlin.country).toBe('DEU');
		expect(berlin.coordinates).toEqual({ latitude: '52.546812', longitude: '13.412539' });
		expect(munich.coordinates).toEqual({ latitude: '48.133940', longitude: '11.566400' });
		expect(berlin.time_zone).toBe('Europe/Berlin');
		expect(berlin.evses[0].status).toBe('AVAILABLE');
		expect(berlin.evses[1].status).toBe('OUTOFORDER');
		expect(berlin.evses[0].connectors[0]).toMatchObject({ standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 32, max_electric_power: 22000 });
		expect(berlin.evses[1].connectors[1]).toMatchObject({ standard: 'CHADEMO', format: 'CABLE', power_type: 'DC', max_voltage: 500 });
		expect(munich.evses[0].connectors[0].format).toBe('CABLE');
		expect(berlin._mapping.notes).toEqual(
			expect.arrayContaining([expect.stringMatching(/^max_voltage \('volts'\) 400 V is line-to-line.*230 V is written \(connectors BER-0001-AC1\/1, BER-0001-AC1\/2\)$/)]),
		);
	});

	it('carries the profile name and version in _mapping', () => {
		const [{ location }] = mapAssets(sampleSites(), profileWith({ name: 'team-a', version: '2.3.0' }), { now: NOW }).locations;
		expect(location._mapping).toMatchObject({ profile: 'team-a', version: '2.3.0' });
	});

	it('maps into OCPI 2.1.1 as well', () => {
		const result = mapAssets(sampleSites(), profileWith({ ocpiVersion: '2.1.1', party: undefined }), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(result.locations[0].location).toMatchObject({ id: 'BER-0001', type: 'UNKNOWN' });
		expect(result.locations[0].location.country_code).toBeUndefined();
		expectValid(result, '2.1.1');
	});
});

describe('mapAssets: EVSE granularity', () => {
	it('makes one EVSE per outlet, keeping outlets of one bay (CCS + CHAdeMO) in one EVSE', () => {
		const profile = profileWith({ evseGranularity: 'outlet', keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no', evseGroup: 'bay' } });
		const result = mapAssets(sampleSites(), profile, { now: NOW });
		expect(shapeOf(result)[0]).toEqual([
			'BER-0001',
			[
				['BER-0001-AC1-1', ['1']],
				['BER-0001-AC1-2', ['2']],
				['BER-0001-DC1-1', ['1', '2']],
			],
		]);
		expectValid(result);
	});

	it('without a bay field every outlet is its own EVSE', () => {
		const profile = profileWith({ evseGranularity: 'outlet' });
		const result = mapAssets(sampleSites(), profile, { now: NOW });
		expect(shapeOf(result)[0][1]).toHaveLength(4);
	});
});

describe('mapAssets: unknown values and missing keys', () => {
	it('sends a row with an unknown plug type to unmappable with a reason naming the fix', () => {
		const rows = sampleRows();
		rows[1].plug = 'Typ 9';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable).toEqual([
			{ sourceIndex: 1, reasons: [expect.stringMatching(/plug type 'Typ 9' has no OCPI ConnectorType value: did you mean IEC_62196_T2 SOCKET or IEC_62196_T1 CABLE\? Add the row 'Typ 9' → IEC_62196_T2 SOCKET to the Connector Standard value map/)] },
		]);
		expect(result.locations[0].sourceIndexes).toEqual([0, 2, 3]);
	});

	it("uses the user's value map entries ('Typ 3' → IEC_62196_T3C)", () => {
		const rows = sampleRows();
		rows[0].plug = 'Typ 3';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect((result.locations[0].location as Json).evses[0].connectors[0].standard).toBe('IEC_62196_T3C');
	});

	it('reports rows without a location key and rows that are not objects', () => {
		const rows: unknown[] = sampleRows();
		(rows[0] as Json).site_id = '  ';
		rows.push('not a row');
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable).toEqual([
			{ sourceIndex: 0, reasons: ["no location key: 'site_id' is empty"] },
			{ sourceIndex: 7, reasons: ['the item is not an object'] },
		]);
	});

	it('fails every row of a Location whose own fields cannot be used, saying which', () => {
		const rows = sampleRows();
		for (const row of rows) if (row.site_id === 'AMS-0003') row.country = 'Atlantis';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable.map((item) => item.sourceIndex)).toEqual([5, 6]);
		expect(result.unmappable[0].reasons[0]).toMatch(/^location 'AMS-0003': country 'Atlantis' is not a country we know/);
	});

	it('keeps the usable outlets of a site and notes the one that could not be used', () => {
		const sites = sampleSites();
		sites[0].chargers[0].outlets[1].plug = 'Typ 9';
		const result = mapAssets(sites, profileWith(), { now: NOW });
		expect(result.unmappable).toEqual([]);
		const berlin = result.locations[0];
		expect((berlin.location as Json).evses[0].connectors).toHaveLength(1);
		expect(berlin.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^not mapped from item 0: connector '2' of EVSE 'BER-0001-AC1'.*'Typ 9'/)]));
	});

	it('puts a site whose outlets all fail into unmappable with every reason', () => {
		const sites = sampleSites();
		for (const outlet of sites[1].chargers[0].outlets) outlet.plug = 'Typ 9';
		const result = mapAssets(sites, profileWith(), { now: NOW });
		expect(result.unmappable).toEqual([{ sourceIndex: 1, reasons: [expect.stringMatching(/'Typ 9'/)] }]);
	});

	it('refuses a profile without the party for OCPI 2.2.1, and a bad value map entry', () => {
		expect(() => mapAssets(sampleSites(), profileWith({ party: undefined }), { now: NOW })).toThrow(MappingSetupError);
		expect(() => mapAssets(sampleSites(), profileWith({ valueMaps: { status: { kaputt: 'BROKEN' } } }), { now: NOW })).toThrow(/status value map: .*'kaputt'/);
	});
});

describe('mapAssets: conflicting and repeated rows', () => {
	it('reports two rows claiming one connector with different data, naming both, and merges nothing', () => {
		const rows = sampleRows();
		rows.push({ ...rows[0], kw: '11' });
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable.map((item) => item.sourceIndex)).toEqual([0, 7]);
		for (const item of result.unmappable) {
			expect(item.reasons).toEqual([expect.stringMatching(/^items 0 and 7 describe connector '1' of EVSE 'BER-0001-AC1' at location 'BER-0001' differently \(max_electric_power 22000 vs 11000\)/)]);
		}
		expect((result.locations[0].location as Json).evses[0].connectors.map((c: Json) => c.id)).toEqual(['2']);
	});

	it('merges an identical repeat and points at both rows', () => {
		const rows = sampleRows();
		rows.push({ ...rows[0] });
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(result.locations[0].sourceIndexes).toEqual([0, 1, 2, 3, 7]);
	});
});

describe('mapAssets: last_updated', () => {
	it('takes source timestamps in UTC and never leaves a parent older than its children', () => {
		const [berlin] = mapAssets(sampleSites(), profileWith(), { now: NOW }).locations.map((entry) => entry.location as Json);
		// The site says 09:15+01:00 (08:15Z) on 1 March; its charger was updated on 2 March.
		expect(berlin.last_updated).toBe('2025-03-02T08:00:00Z');
		expect(berlin.evses[1].last_updated).toBe('2025-02-27T16:40:00Z');
		const sites = sampleSites();
		sites[0].updated_at = '2025-04-01T10:00:00+02:00';
		const [later] = mapAssets(sites, profileWith(), { now: NOW }).locations.map((entry) => entry.location as Json);
		expect(later.last_updated).toBe('2025-04-01T08:00:00Z');
	});

	it('uses the run time where the data has no timestamp', () => {
		const rows = sampleRows().map(({ updated_at: _updated, ...row }) => row);
		const [{ location }] = mapAssets(rows, rowsProfile(), { now: NOW }).locations;
		expect((location as Json).last_updated).toBe('2025-06-01T12:00:00Z');
		expect((location as Json).evses[0].connectors[0].last_updated).toBe('2025-06-01T12:00:00Z');
	});
});

describe('mapAssets: field rules', () => {
	it('uses explicit sources, transforms and defaults over auto-mapping', () => {
		const profile = rowsProfile({
			fields: {
				location: { name: { source: 'charger_serial', transform: 'upperCase' }, parking_type: { default: 'parking lot' } },
				evse: { physical_reference: { source: 'charger_serial' } },
				connector: { tariff_ids: { default: 'AC-STANDARD, DC-FAST' } },
			},
		});
		const result = mapAssets(sampleRows(), profile, { now: NOW });
		const berlin = result.locations[0].location as Json;
		expect(berlin.name).toBe('WBX-22-004711');
		expect(berlin.parking_type).toBe('PARKING_LOT');
		expect(berlin.evses[0].physical_reference).toBe('WBX-22-004711');
		expect(berlin.evses[0].connectors[0].tariff_ids).toEqual(['AC-STANDARD', 'DC-FAST']);
	});

	it('reads coordinates from one "lat, lon" field', () => {
		const rows = sampleRows().map(({ lat, lon, ...row }) => ({ ...row, position: `${lat}, ${lon}` }));
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect((result.locations[0].location as Json).coordinates).toEqual({ latitude: '52.546812', longitude: '13.412539' });
	});

	it('cuts text to the OCPI length and says so', () => {
		const rows = sampleRows();
		for (const row of rows.slice(0, 4)) row.street = 'Schönhauser Allee 80, Hinterhof, Aufgang C, neben der Bäckerei';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		const berlin = result.locations[0];
		expect(Array.from(berlin.location.address as string).length).toBeLessThanOrEqual(45);
		expect(berlin.notes).toEqual(expect.arrayContaining([expect.stringMatching(/address \('street'\) cut from 62 to \d+ characters/)]));
	});

	it('evaluates expression sources through the given evaluator', () => {
		const profile = rowsProfile({ fields: { location: { name: { source: '={{ $json.town + " " + $json.site_id }}' } }, evse: {}, connector: {} } });
		const result = mapAssets(sampleRows(), profile, {
			now: NOW,
			evaluate: (expression, index) => `evaluated ${expression.length} for ${index}`,
		});
		expect(result.locations[0].location.name).toBe('evaluated 39 for 0');
	});

	it('reports the auto-mapped sources in the effective profile', () => {
		const { effectiveProfile } = mapAssets(sampleRows(), rowsProfile(), { now: NOW });
		expect(effectiveProfile.fields.connector.standard).toEqual({ source: 'plug' });
		expect(effectiveProfile.fields.evse.status).toEqual({ source: 'state' });
		expect(effectiveProfile.fields.location['coordinates.latitude']).toEqual({ source: 'lat' });
	});
});

describe('mapAssets: rows that disagree on Location or EVSE fields', () => {
	it('uses the first row and notes the disagreement once per field', () => {
		const rows = sampleRows();
		rows[2].street = 'Schönhauser Allee 82';
		rows[3].street = 'Schönhauser Allee 84';
		rows[1].state = 'faulty';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		const berlin = result.locations[0];
		expect(berlin.location.address).toBe('Schönhauser Allee 80');
		expect(berlin.sourceIndexes).toEqual([0, 1, 2, 3]);
		expect(berlin.notes).toEqual(
			expect.arrayContaining([
				"items 0 and 2 give different address ('street') for location 'BER-0001' ('Schönhauser Allee 80' vs 'Schönhauser Allee 82'): item 0's value is used",
				"EVSE 'BER-0001-AC1': items 0 and 1 give different status ('state') for the EVSE ('in service' vs 'faulty'): item 0's value is used",
			]),
		);
		expect(berlin.notes.filter((note) => note.includes('address'))).toHaveLength(1);
	});
});

describe('mapAssets: nested lists that are missing', () => {
	it('reports a charge point without outlets and a site without charge points', () => {
		const chargePoints = sampleChargePoints();
		chargePoints[0].outlets = [];
		const fromChargePoints = mapAssets(chargePoints, profileWith({ shape: 'chargePoints' }), { now: NOW });
		expect(fromChargePoints.unmappable).toEqual([
			{ sourceIndex: 0, reasons: ["the charge point has no connectors: expected a non-empty list at 'outlets'"] },
		]);
		const sites: unknown[] = sampleSites();
		(sites[1] as Json).chargers = undefined;
		const fromSites = mapAssets(sites, profileWith(), { now: NOW });
		expect(fromSites.unmappable).toEqual([
			{ sourceIndex: 1, reasons: ["the site has no charge points: expected a non-empty list at 'chargers'"] },
		]);
	});
});

describe('mapAssets: records at a path inside each item', () => {
	it('reads the records from a list inside the item, pairing every Location with that item', () => {
		const page = { data: { records: sampleChargePoints() } };
		const result = mapAssets([page], profileWith({ shape: 'chargePoints', paths: { records: 'data.records', chargePoints: 'chargePoints', connectors: 'outlets' } }), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(shapeOf(result)).toEqual(EXPECTED_TREE);
		expect(result.locations.map((location) => location.sourceIndexes)).toEqual([[0], [0], [0]]);
		expectValid(result);
	});

	it('names the path and what was found there when an item holds no records', () => {
		const profile = profileWith({ shape: 'rows', paths: { records: 'items', chargePoints: 'chargePoints', connectors: 'connectors' } });
		const result = mapAssets([{ items: [] }, { rows: sampleRows() }, { items: [sampleRows()[0], 'x'] }], profile, { now: NOW });
		expect(result.unmappable.map((item) => [item.sourceIndex, item.reasons])).toEqual([
			[0, [expect.stringMatching(/^the item has no records at 'items': the list is empty/)]],
			[1, [expect.stringMatching(/^the item has no records at 'items': there is no such field/)]],
		]);
		expect(result.locations[0].notes).toEqual(expect.arrayContaining(["not mapped from item 2: record 2 of 'items' is not an object"]));
	});
});
