/** The AFIR Export node through n8n-core's real WorkflowExecute: files as n8n binary data, problems on the second output. */
import { runNode } from '../harness';
import { AfirExport } from '../../nodes/AfirExport/AfirExport.node';
import { parisLocation, parisReference } from '../core/export/frenchNetwork';
import { sampleLocations } from '../core/export/sampleNetworkLocations';

type Json = Record<string, any>;

function fileText(item: { binary?: Record<string, { data: string }> }, property = 'data'): string {
	return Buffer.from(item.binary![property].data, 'base64').toString('utf8');
}

describe('AFIR Export node', () => {
	it('writes the IRVE CSV as binary data, withheld stations on Problems, every item paired once', async () => {
		const broken = parisLocation({ id: 'PAR-0002', coordinates: { latitude: '48.900000', longitude: '2.300000' } });
		(broken.evses as Json[])[0].evse_id = 'DE*A68*E1';
		(broken.evses as Json[])[1].evse_id = 'FR*A68*E00020021';
		const berlin = parisLocation({ id: 'BER-0001', country: 'DEU' });
		const reference = { ...parisReference(), 'PAR-0002': parisReference()['PAR-0001'] };
		const { outputs, error } = await runNode(AfirExport, { format: 'irve', referenceData: JSON.stringify(reference), options: {} }, { inputItems: [parisLocation(), broken, berlin, { nothing: true }] });
		expect(error).toBeUndefined();
		const [files, problems] = outputs;
		expect(files).toHaveLength(1);
		const file = files![0];
		expect(file.json).toMatchObject({ fileName: 'irve-statique.csv', format: 'irve', stations: 1, rows: 2, withheld: 1, skipped: [{ locationId: 'BER-0001', country: 'DE' }] });
		expect((file.binary as Json).data).toMatchObject({ fileName: 'irve-statique.csv', mimeType: 'text/csv' });
		const lines = fileText(file as never).trim().split('\r\n');
		expect(lines).toHaveLength(3);
		expect(lines[1]).toContain('FRA68E00010011');
		expect(file.pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
		expect(problems!.map((item) => item.pairedItem)).toEqual([{ item: 3 }, [{ item: 1 }]]);
		expect(problems![1].json).toMatchObject({ format: 'irve', locationId: 'PAR-0002', problems: [expect.objectContaining({ rule: 'QC-24', field: 'id_pdc_itinerance' })] });
		expect(problems![1].json.summary).toContain('QC-24');
	});

	it('writes the DATEX II publication and keeps versions when given the previous one', async () => {
		const locations = sampleLocations().filter((location) => location.country === 'DEU').slice(0, 3);
		const parameters = { format: 'datex', publisherId: 'DE-NAP-Test', referenceData: '{}', options: { fileName: 'table.json', binaryPropertyName: 'publication' } };
		const first = await runNode(AfirExport, parameters, { inputItems: locations });
		expect(first.error).toBeUndefined();
		const publication = JSON.parse(fileText(first.outputs[0]![0] as never, 'publication'));
		expect(publication.payload.aegiEnergyInfrastructureTablePublication.energyInfrastructureTable[0].energyInfrastructureSite).toHaveLength(3);
		expect(first.outputs[0]![0].json).toMatchObject({ format: 'datex', sites: 3, withheld: 0 });
		expect(first.outputs[1]).toEqual([]);

		const changed = structuredClone(locations);
		(changed[0].evses as Json[])[0].connectors[0].max_electric_power = 7000;
		const second = await runNode(AfirExport, { ...parameters, options: { ...parameters.options, previousPublication: JSON.stringify(publication) } }, { inputItems: changed });
		const exported = second.outputs[0]![0].json.exported as Json[];
		expect(exported.map((site) => site.versionG)).toEqual(['1', '1', '1']);
		const next = JSON.parse(fileText(second.outputs[0]![0] as never, 'publication'));
		const station = next.payload.aegiEnergyInfrastructureTablePublication.energyInfrastructureTable[0].energyInfrastructureSite[0].energyInfrastructureStation[0];
		expect(station.versionG).toBe('2');
	});

	it('refuses a DATEX II export without a publisher and a reference table that is not JSON', async () => {
		const noPublisher = await runNode(AfirExport, { format: 'datex', publisherId: '  ', referenceData: '{}', options: {} }, { inputItems: [parisLocation()] });
		expect(noPublisher.error?.message).toContain('Publisher ID is required');
		const badTable = await runNode(AfirExport, { format: 'irve', referenceData: '{ nope', options: {} }, { inputItems: [parisLocation()] });
		expect(badTable.error?.message).toContain('Reference Data is not valid JSON');
	});
});
