/**
 * An asset export in a shape written for this test (German labels, site fields nested under siteRef, a twin AC
 * charger whose outlets are two EVSEs beside a DC unit whose plugs share one, voltage in a field per kind of
 * outlet, lifecycle words not in the presets, all records inside one item), mapped by the Mapper configured
 * in the editor (node version 2) through n8n-core: every field of every Location is asserted.
 */
import { validateOcpiObject } from '../../core/validation/validate';
import { loadWorkflowFixture, runWorkflowFixture } from '../harness';
import hafenExport from '../fixtures/assets/hafenExport.json';

type Json = Record<string, any>;

const FIXTURE = 'mapper-unseen-shape.json';
const exportItem = () => structuredClone(hafenExport) as Json;

const typ2 = (id: string, last_updated: string, amps: number, watts: number, format: string) => ({
	id,
	standard: 'IEC_62196_T2',
	format,
	power_type: 'AC_3_PHASE',
	max_voltage: 230,
	max_amperage: amps,
	max_electric_power: watts,
	last_updated,
});

const HAFEN = {
	country_code: 'DE',
	party_id: 'AMP',
	id: 'HH-HAFEN',
	publish: true,
	name: 'Parkhaus Hafencity',
	address: 'Am Sandtorkai 1',
	city: 'Hamburg',
	postal_code: '20457',
	country: 'DEU',
	coordinates: { latitude: '53.541320', longitude: '9.984120' },
	evses: [
		{ uid: 'DE-HH-00017-L', status: 'AVAILABLE', connectors: [typ2('1', '2025-05-28T12:05:00Z', 32, 22000, 'SOCKET')], last_updated: '2025-05-28T12:05:00Z' },
		{ uid: 'DE-HH-00017-R', status: 'AVAILABLE', connectors: [typ2('2', '2025-05-28T12:05:00Z', 32, 22000, 'SOCKET')], last_updated: '2025-05-28T12:05:00Z' },
		{
			uid: 'DE-HH-00018',
			status: 'AVAILABLE',
			connectors: [
				{ id: '1', standard: 'IEC_62196_T2_COMBO', format: 'CABLE', power_type: 'DC', max_voltage: 920, max_amperage: 200, max_electric_power: 150000, last_updated: '2025-05-29T07:30:00Z' },
				{ id: '2', standard: 'CHADEMO', format: 'CABLE', power_type: 'DC', max_voltage: 500, max_amperage: 125, max_electric_power: 50000, last_updated: '2025-05-29T07:30:00Z' },
			],
			last_updated: '2025-05-29T07:30:00Z',
		},
	],
	time_zone: 'Europe/Berlin',
	last_updated: '2025-05-29T07:30:00Z',
};

const ALTONA = {
	country_code: 'DE',
	party_id: 'AMP',
	id: 'HH-ALTONA',
	publish: true,
	name: 'Fischmarkt Altona',
	address: 'Große Elbstraße 9',
	city: 'Hamburg',
	postal_code: '22767',
	country: 'DEU',
	coordinates: { latitude: '53.545600', longitude: '9.945300' },
	evses: [{ uid: 'DE-HH-00019', status: 'PLANNED', connectors: [typ2('1', '2025-05-20T06:00:00Z', 16, 11000, 'CABLE')], last_updated: '2025-05-20T06:00:00Z' }],
	time_zone: 'Europe/Berlin',
	last_updated: '2025-05-20T06:00:00Z',
};

function ocpiOf(location: Json): Json {
	const { _mapping, _completeness, ...ocpi } = location;
	return ocpi;
}

describe('OCPI Mapper (v2, Configure in Editor) on an unseen export shape', () => {
	it('maps the one export item into two Locations with uids as the asset system names them, every field asserted', async () => {
		const { outputs, error } = await runWorkflowFixture(FIXTURE, { inputItems: [exportItem()] });
		expect(error).toBeUndefined();
		const [locations, unmappable] = outputs;
		expect(unmappable).toEqual([]);
		expect(locations!.map((item) => ocpiOf(item.json))).toEqual([HAFEN, ALTONA]);
		expect(locations!.map((item) => item.pairedItem)).toEqual([[{ item: 0 }], [{ item: 0 }]]);
		for (const item of locations!) {
			expect(validateOcpiObject(ocpiOf(item.json), { version: '2.2.1', kind: 'location', profile: 'spec' }).errors).toEqual([]);
			expect(item.json._mapping).toMatchObject({ profile: 'hafen-energie-export', version: '1.0.0' });
		}
		// Line-to-line 400 V of the three-phase outlet is written line-to-neutral, and said so.
		expect((locations![1].json._mapping as Json).notes).toEqual(
			expect.arrayContaining([expect.stringMatching(/^max_voltage \('voltsLN \| voltsLL \| voltsDC'\) 400 V is line-to-line; OCPI wants line-to-neutral for AC_3_PHASE, so 230 V is written/)]),
		);
	});

	it('the coverage preview says where each field comes from on the first records', async () => {
		const fixture = loadWorkflowFixture(FIXTURE);
		(fixture.nodes[1].parameters.options as Json).coveragePreview = true;
		const { outputs, error } = await runWorkflowFixture(fixture, { inputItems: [exportItem()] });
		expect(error).toBeUndefined();
		const rows = new Map(outputs[0]!.map((item) => [item.json.field, item.json as Json]));
		expect(rows.get('connector.max_voltage')).toMatchObject({ source: 'voltsLN | voltsLL | voltsDC', from: 'mapped', onFirstRecords: 'mapped 230; mapped 230; mapped 920' });
		expect(rows.get('connector.max_electric_power')).toMatchObject({ source: '={{ $outlet.LeistungKW }}', onFirstRecords: 'mapped "22"; mapped "22"; mapped "150"' });
		expect(rows.get('location.name')).toMatchObject({ source: 'siteRef.bezeichnung', from: 'mapped' });
		expect(rows.get('connector.format')).toMatchObject({ source: '', from: 'none', whenEmpty: 'From the plug type when empty' });
		expect(rows.get('location.publish')).toMatchObject({ from: 'preset', onFirstRecords: 'preset true; preset true; preset true' });
		expect(rows.get('connector.power_type')).toMatchObject({ source: 'Art', from: 'mapped', onFirstRecords: 'mapped "Drehstrom"; mapped "Drehstrom"; mapped "DC"' });
		expect(rows.get('connector.tariff_ids')).toMatchObject({ source: '', from: 'none', onFirstRecords: 'none; none; none' });
		expect(outputs[0]![0].pairedItem).toEqual([{ item: 0 }]);
	});

	it("a version 1 node with the same settings keeps the earlier uids ('{chargePoint}-{bay}')", async () => {
		const fixture = loadWorkflowFixture(FIXTURE);
		const node = fixture.nodes[1];
		node.typeVersion = 1;
		const { options, ...parameters } = node.parameters as Json;
		node.parameters = { ...parameters, profileName: 'hafen-energie-export', options: { recordsPath: options.recordsPath, decimalSeparator: ',' } };
		const { outputs, error } = await runWorkflowFixture(fixture, { inputItems: [exportItem()] });
		expect(error).toBeUndefined();
		expect(outputs[0]!.map((item) => (item.json.evses as Json[]).map((evse) => evse.uid))).toEqual([['DE-HH-00017-L', 'DE-HH-00017-R', 'DE-HH-00018-Mitte'], ['DE-HH-00019-1']]);
	});

	it('reads a key field dragged from the input ({{ $json.Ladepunkt }}) as that field', async () => {
		const fixture = loadWorkflowFixture(FIXTURE);
		fixture.nodes[1].parameters.chargePointKey = '={{ $json.Ladepunkt }}';
		const { outputs } = await runWorkflowFixture(fixture, { inputItems: [exportItem()] });
		expect(outputs[0]!.map((item) => (item.json.evses as Json[]).map((evse) => evse.uid))).toEqual([['DE-HH-00017-L', 'DE-HH-00017-R', 'DE-HH-00018'], ['DE-HH-00019']]);
	});
});

describe('OCPI Mapper messages that find the fix, on the unseen export', () => {
	/** Reasons of records that were not used: on Unmappable, or in the notes of the Location their item fed. */
	async function problemsWith(change: (fixture: Json, data: Json) => void): Promise<string[]> {
		const fixture = loadWorkflowFixture(FIXTURE);
		const data = exportItem();
		change(fixture as unknown as Json, data);
		const { outputs, error } = await runWorkflowFixture(fixture, { inputItems: [data] });
		expect(error).toBeUndefined();
		const notes = outputs[0]!.flatMap((item) => ((item.json._mapping as Json).notes ?? []) as string[]);
		const partial = notes.filter((note) => note.startsWith('not mapped from item')).map((note) => note.replace(/^not mapped from item \d+: /, ''));
		// One export item feeds both Locations, so each lists the item's refused records.
		return [...new Set([...outputs[1]!.flatMap((item) => item.json.reasons as string[]), ...partial])];
	}
	const rowFor = (fixture: Json, target: string) => fixture.nodes[1].parameters.fieldMappings.mapping.find((row: Json) => row.target === target);

	it('a mapped voltage field empty on the DC outlets names it, the outlet, the filled look-alike and the row to write', async () => {
		const problems = await problemsWith((fixture) => (rowFor(fixture, 'connector.max_voltage').source = 'voltsLL'));
		expect(problems).toEqual(
			expect.arrayContaining([
				"connector '1' of EVSE 'DE-HH-00018' at location 'HH-HAFEN': max_voltage is missing: the mapped source 'voltsLL' is not a field of this outlet; filled fields with similar names: voltsDC = 920. Map 'voltsLL | voltsDC' (the first filled one is used) or set a default",
				"connector '2' of EVSE 'DE-HH-00018' at location 'HH-HAFEN': max_voltage is missing: the mapped source 'voltsLL' is not a field of this outlet; filled fields with similar names: voltsDC = 500. Map 'voltsLL | voltsDC' (the first filled one is used) or set a default",
			]),
		);
	});

	it('an expression meant for the outlet but written with $json names the reads that found nothing and says to use $outlet', async () => {
		const problems = await problemsWith((fixture) => (rowFor(fixture, 'connector.max_voltage').source = '={{ $json.voltsDC ?? $json.voltsLN }}'));
		expect(problems).toEqual(
			expect.arrayContaining([
				"connector '1' of EVSE 'DE-HH-00018' at location 'HH-HAFEN': max_voltage is missing: the mapped expression gives nothing on this outlet: it reads $json.voltsDC, $json.voltsLN, which the item does not have ($json is the whole item: use $outlet for this outlet); filled fields with similar names: voltsDC = 920. Map 'voltsDC' (the first filled one is used) or set a default",
			]),
		);
	});

	it('a plug word not in the value map names the mapped source, the connector, the closest preset value and the row to add', async () => {
		const problems = await problemsWith((_, data) => (data.items[0].Ausgaenge[1].Steckertyp = 'Typ2 Steckr'));
		expect(problems).toEqual([
			"connector '2' of EVSE 'DE-HH-00017-R' at location 'HH-HAFEN': plug type ('Steckertyp') 'Typ2 Steckr' has no OCPI ConnectorType value: did you mean IEC_62196_T2 SOCKET? Add the row 'Typ2 Steckr' → IEC_62196_T2 SOCKET to the Connector Standard value map (Value Map Additions)",
		]);
	});

	it('a power that is not a number names the source, the connector and the unit', async () => {
		const problems = await problemsWith((fixture, data) => {
			rowFor(fixture, 'connector.max_electric_power').source = 'LeistungKW';
			data.items[1].Ausgaenge[0].LeistungKW = 'schnell';
		});
		expect(problems).toEqual([
			"connector '1' of EVSE 'DE-HH-00018' at location 'HH-HAFEN': max_electric_power ('LeistungKW') 'schnell' holds no digits: give a number like '22 kW'",
		]);
	});
});
