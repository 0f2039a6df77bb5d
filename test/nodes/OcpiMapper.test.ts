/** The OCPI Mapper run through n8n-core's real WorkflowExecute, driven by workflow fixtures. */
import { parseMappingProfile } from '../../core/mapping';
import { validateOcpiObject } from '../../core/validation/validate';
import { loadWorkflowFixture, runWorkflowFixture } from '../harness';
import { sampleRows, sampleSites } from '../fixtures/assets/sampleAssets';

type Json = Record<string, any>;

function expectValidOcpi(location: Json) {
	const { _mapping, ...ocpi } = location;
	expect(validateOcpiObject(ocpi, { version: '2.2.1', kind: 'location', profile: 'spec' }).errors).toEqual([]);
}

describe('OCPI Mapper node', () => {
	it('maps flat rows into Locations whose pairedItem names every contributing row', async () => {
		const { outputs, error } = await runWorkflowFixture('mapper-rows.json', { inputItems: sampleRows() });
		expect(error).toBeUndefined();
		const [locations, unmappable] = outputs;
		expect(unmappable).toEqual([]);
		expect(locations!.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['BER-0001', [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]],
			['MUC-0007', [{ item: 4 }]],
			['AMS-0003', [{ item: 5 }, { item: 6 }]],
		]);
		for (const item of locations!) expectValidOcpi(item.json);
		const berlin = locations![0].json as Json;
		expect(berlin._mapping).toMatchObject({ profile: 'ampere-rows', version: '1.2.0' });
		expect(berlin.parking_type).toBe('PARKING_LOT');
	});

	it('evaluates an expression source per item', async () => {
		const { outputs } = await runWorkflowFixture('mapper-rows.json', { inputItems: sampleRows() });
		expect(outputs[0]!.map((item) => item.json.name)).toEqual([
			'Supermarkt Prenzlauer Berg (Berlin)',
			'Parkhaus Sendlinger Tor (München)',
			'Museumplein (Amsterdam)',
		]);
	});

	it('sends unusable and conflicting rows to Unmappable with reasons, each item exactly once', async () => {
		const rows = sampleRows();
		rows[4].plug = 'Typ 9';
		rows[5].site_id = '';
		rows.push({ ...rows[0], kw: '11' });
		rows.push({ ...rows[1], plug: 'Typ 3' });
		const { outputs, error } = await runWorkflowFixture('mapper-rows.json', { inputItems: rows });
		expect(error).toBeUndefined();
		const [locations, unmappable] = outputs;
		const byItem = new Map(unmappable!.map((item) => [(item.pairedItem as { item: number }).item, item.json as Json]));
		expect([...byItem.keys()].sort()).toEqual([0, 1, 4, 5, 7, 8]);
		expect(byItem.get(4)!.reasons).toEqual([expect.stringMatching(/plug type 'Typ 9' has no OCPI ConnectorType value: did you mean IEC_62196_T2 SOCKET or IEC_62196_T1 CABLE\? Add the row 'Typ 9' → IEC_62196_T2 SOCKET to the Connector Standard value map/)]);
		expect(byItem.get(5)!.reasons).toEqual(["no location key: 'site_id' is empty"]);
		expect(byItem.get(0)!.reasons[0]).toMatch(/^items 0 and 7 describe connector '1'.*\(max_electric_power 22000 vs 11000\)/);
		expect(byItem.get(7)!.reasons).toEqual(byItem.get(0)!.reasons);
		// Row 8 repeats row 1's connector with another plug: a conflict too, though 'Typ 3' maps through the user's entry.
		expect(byItem.get(8)!.reasons[0]).toMatch(/^items 1 and 8 describe connector '2'.*standard "IEC_62196_T2" vs "IEC_62196_T3C"/);
		expect(byItem.get(4)!.item).toEqual(rows[4]);
		const paired = locations!.flatMap((item) => (item.pairedItem as Array<{ item: number }>).map((pair) => pair.item));
		expect([...paired, ...byItem.keys()].sort((a, b) => a - b)).toEqual(rows.map((_, index) => index));
	});

	it('maps sites from an imported profile, with the user value map from the profile', async () => {
		const sites = sampleSites();
		sites[2].chargers[0].outlets[0].plug = 'Typ 3';
		const { outputs, error } = await runWorkflowFixture('mapper-profile.json', { inputItems: sites });
		expect(error).toBeUndefined();
		expect(outputs[1]).toEqual([]);
		expect(outputs[0]!.map((item) => item.pairedItem)).toEqual([[{ item: 0 }], [{ item: 1 }], [{ item: 2 }]]);
		const amsterdam = outputs[0]![2].json as Json;
		expect(amsterdam.evses[0].connectors[0].standard).toBe('IEC_62196_T3C');
		expect(amsterdam._mapping).toMatchObject({ profile: 'ampere-laden-assets', version: '1.0.0' });
		for (const item of outputs[0]!) expectValidOcpi(item.json);
	});

	it('makes one EVSE per outlet, keeping a bay with CCS and CHAdeMO as one EVSE', async () => {
		const { outputs } = await runWorkflowFixture('mapper-outlets.json', { inputItems: sampleSites() });
		const berlin = outputs[0]![0].json as Json;
		expect(berlin.evses.map((evse: Json) => [evse.uid, evse.connectors.length])).toEqual([
			['BER-0001-AC1-1', 1],
			['BER-0001-AC1-2', 1],
			['BER-0001-DC1-1', 2],
		]);
	});

	it('refuses a profile of a newer format with a clear message', async () => {
		const { error, outputs } = await runWorkflowFixture('mapper-newer-profile.json', { inputItems: sampleSites() });
		expect(outputs).toEqual([]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/mapping cannot be used: the mapping profile has format 2, newer than this package reads \(1\)/);
	});

	it('with Continue (regular output) turns a configuration error into one error item on Unmappable, paired with every input', async () => {
		const fixture = loadWorkflowFixture('mapper-newer-profile.json');
		fixture.nodes[0].onError = 'continueRegularOutput';
		const { error, outputs } = await runWorkflowFixture(fixture, { inputItems: sampleSites() });
		expect(error).toBeUndefined();
		// never on Locations, where it would flow on into the Push
		expect(outputs[0]).toEqual([]);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1]![0].json.error).toMatch(/format 2, newer than this package reads/);
		expect(outputs[1]![0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('with Continue (using error output) sends that error item to the error output', async () => {
		const fixture = loadWorkflowFixture('mapper-newer-profile.json');
		fixture.nodes[0].onError = 'continueErrorOutput';
		const { error, outputs } = await runWorkflowFixture(fixture, { inputItems: sampleSites() });
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(3);
		expect(outputs[0]).toEqual([]);
		expect(outputs[1]).toEqual([]);
		expect(outputs[2]![0].json.error).toMatch(/format 2, newer than this package reads/);
	});

	it('outputs the effective profile, which imports again and maps the same', async () => {
		const { outputs } = await runWorkflowFixture('mapper-output-profile.json', { inputItems: sampleRows() });
		expect(outputs[0]).toHaveLength(1);
		const item = outputs[0]![0];
		expect(item.pairedItem).toHaveLength(7);
		const parsed = parseMappingProfile(item.json.profileJson);
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.profile.fields.connector.standard).toEqual({ source: 'plug' });
		expect(parsed.profile.valueMaps.connectorStandard).toEqual({ 'Typ 3': 'IEC_62196_T3C SOCKET' });
	});
});
