/**
 * The templates in workflows/ as teams import them: into a real n8n with the package installed as a
 * community package, run from the CLI, asserting what an operator would look for in the execution.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { createN8nInstance, ensureBuilt, importAndRunWorkflow, importCredentials, nodeOf, PROJECT_ROOT, readTemplate, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

const TEMPLATES = path.join(PROJECT_ROOT, 'workflows');
const CPMS_TOKEN = 'e2e-cpms-token-file-31c2';
let n8n: N8nInstance;
let cpms: ReferenceCpms;
let workDir: string;

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-templates-e2e-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms.json'), extraTokens: [CPMS_TOKEN], tokenEncoding: 'base64' });
	n8n = await createN8nInstance();
	const data = { versionsUrl: cpms.versionsUrl, token: CPMS_TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'AMP' };
	await importCredentials(n8n, [{ id: 'referenceCpms001', name: 'Reference CPMS', type: 'ocpiCpmsApi', data }]);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await cpms?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const run = (template: string) => importAndRunWorkflow(n8n, path.join(TEMPLATES, template));

describe('workflow templates in a real n8n', () => {
	it('validate-ocpi-locations: Code node items are enriched, checked and split', async () => {
		const outputs = await run('validate-ocpi-locations.json');
		const [valid, invalid] = outputs['OCPI Validator'];
		expect(valid.map((item) => item.json.id)).toEqual(['LOC-BERLIN-001', 'LOC-AMS-002']);
		const amsterdam = valid[1].json as IDataObject & { _validation: { changes: IDataObject[] } };
		expect(amsterdam).toMatchObject({ country: 'NLD', time_zone: 'Europe/Amsterdam' });
		expect(amsterdam._validation.changes.map((change) => change.path)).toEqual(
			expect.arrayContaining(['country', 'coordinates.latitude', 'coordinates.longitude', 'time_zone', 'evses[0].evse_id']),
		);
		expect(invalid.map((item) => item.json.objectId)).toEqual(['LOC-HAMBURG-003']);
		expect(invalid[0].pairedItem).toEqual({ item: 2 });
	});

	it('map-asset-sites-to-ocpi: asset sites become Locations that pass the Validator', async () => {
		const outputs = await run('map-asset-sites-to-ocpi.json');
		const [locations, unmappable] = outputs['OCPI Mapper'];
		expect(unmappable).toEqual([]);
		expect(locations.map((item) => item.json.id)).toEqual(['BER-0001', 'MUC-0007', 'AMS-0003']);
		expect(locations.map((item) => item.pairedItem)).toEqual([[{ item: 0 }], [{ item: 1 }], [{ item: 2 }]]);

		const berlin = locations[0].json as IDataObject & { evses: IDataObject[] };
		expect(berlin).toMatchObject({ country_code: 'DE', party_id: 'ABC', city: 'Berlin', country: 'DEU' });
		expect(berlin._mapping).toMatchObject({ profile: 'ampere-laden-assets', version: '1.0.0' });
		const connectors = berlin.evses.flatMap((evse) => evse.connectors as IDataObject[]);
		// 'Typ 2' at 400 V three-phase becomes IEC_62196_T2 at 230 V line-to-neutral; 22 kW → 22000 W.
		expect(connectors[0]).toMatchObject({ standard: 'IEC_62196_T2', power_type: 'AC_3_PHASE', max_voltage: 230, max_electric_power: 22000 });

		const [valid, invalid] = outputs['OCPI Validator'];
		expect(invalid).toEqual([]);
		expect(valid).toHaveLength(3);
		expect(outputs['Valid Locations'][0]).toHaveLength(3);
	});

	it('file-import-dry-run: the CSV export becomes planned requests, problems are listed, and the CPMS gets no write', async () => {
		const template = readTemplate('file-import-dry-run.json');
		nodeOf(template, 'Read the export file').parameters.fileSelector = path.join(TEMPLATES, 'sample-asset-export.csv');
		const file = path.join(workDir, 'file-import.json');
		fs.writeFileSync(file, JSON.stringify(template));
		const outputs = await importAndRunWorkflow(n8n, file);

		const planned = outputs['CPMS OCPI Push'][0];
		const summary = planned.find((item) => item.json.summary)?.json as IDataObject;
		expect(summary).toMatchObject({ dryRun: true, requestsSent: 0, counts: { planned: 7 } });
		const puts = planned.filter((item) => !item.json.summary).flatMap((item) => item.json.requests as IDataObject[]);
		expect(puts.length).toBeGreaterThanOrEqual(7);
		expect(puts.every((request) => request.method === 'PUT')).toBe(true);
		// The export's two typical mistakes: a plug name nobody mapped, a site whose latitude was typed wrong (every row of it).
		const reasons = outputs['Unmappable rows'][0].map((item) => String(item.json.reason));
		expect(reasons.filter((reason) => reason.includes("plug type 'Typ 3'"))).toHaveLength(1);
		expect(reasons.filter((reason) => reason.includes('latitude 152.1 is out of range')).length).toBeGreaterThan(0);
		expect(reasons).toHaveLength(reasons.filter((reason) => reason.includes('Typ 3') || reason.includes('152.1')).length);
		expect(cpms.requestLog.list().filter((entry) => entry.method !== 'GET')).toEqual([]);
		expect(cpms.store.allLocations('2.2.1')).toEqual([]);
	});
});
