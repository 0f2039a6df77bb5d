/**
 * The two AFIR templates in a real n8n with the package installed: they read the sample asset API, write
 * their files to disk, and the files pass the format's rules. The DATEX II template runs three times to show
 * that versions stay for unchanged data and rise for a changed station.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { datex, irve } from '../../core/export';
import { startSampleAssetApi, type SampleAssetApi } from '../../servers/sample-asset-api';
import { createN8nInstance, ensureBuilt, importAndRunWorkflow, importCredentials, nodeOf, readTemplate, type N8nInstance, type Template } from './support';
import { parisReference } from '../core/export/frenchNetwork';
import { readCsv } from '../core/export/readCsv';

jest.setTimeout(6 * 60_000);

const API_KEY = 'e2e-afir-key-7c1';
let api: SampleAssetApi;
let n8n: N8nInstance;
let workDir: string;

/** Two French chargers at one Paris site, added to the sample network (which has none). */
const PARIS = { site_id: 'PAR-0001', site_name: 'Parking Picpus', street: '1 avenue de la Paix', zip: '75001', town: 'Paris', country: 'France', lat: 48.8566, lon: 2.3522, operator: 'Ampère Recharge SAS', state: 'in service', model: 'x', charger_serial: 'x' };
const PARIS_CHARGERS = [
	{ ...PARIS, charger_id: 'PAR-0001-AC1', outlets: [{ no: 1, bay: 1, plug: 'Typ 2', kw: '22', current: 'AC', phases: 3, amps: 32, volts: 400 }, { no: 2, bay: 2, plug: 'Typ 2', kw: '22', current: 'AC', phases: 3, amps: 32, volts: 400 }] },
	{ ...PARIS, charger_id: 'PAR-0001-DC1', outlets: [{ no: 1, bay: 1, plug: 'CCS', kw: '150', current: 'DC', amps: 500, volts: 920 }] },
];

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-afir-e2e-'));
	api = await startSampleAssetApi({ port: 0, dataFile: path.join(workDir, 'assets.json'), apiKey: API_KEY, sites: 10, quiet: true });
	for (const charger of PARIS_CHARGERS) {
		const response = await fetch(`${api.url}/api/chargers`, { method: 'POST', headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' }, body: JSON.stringify(charger) });
		expect(response.status).toBe(201);
	}
	n8n = await createN8nInstance();
	await importCredentials(n8n, [{ id: 'sampleAssetApi01', name: 'Sample asset API', type: 'assetSourceApi', data: { baseUrl: api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY } }]);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await api?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** The template with its file paths moved into this test's folder (and any node parameters changed). */
function prepared(file: string, edit: (template: Template) => void): string {
	const template = readTemplate(file);
	const text = JSON.stringify(template).split('/home/node/.n8n-files/afir').join(workDir);
	const moved = JSON.parse(text) as Template;
	edit(moved);
	const target = path.join(workDir, file);
	fs.writeFileSync(target, JSON.stringify(moved));
	return target;
}

describe('AFIR templates in a real n8n', () => {
	it('afir-france-irve-export: the French site becomes an IRVE file on disk that passes every column and QualiCharge rule', async () => {
		const file = prepared('afir-france-irve-export.json', (template) => {
			const reference = parisReference();
			// The sample asset system has no parking type or opening hours: the reference row says them.
			const paris = { ...reference['PAR-0001'], implantation_station: 'Parking public', horaires: '24/7' };
			nodeOf(template, 'AFIR Export').parameters.referenceData = JSON.stringify({ ...reference, 'PAR-0001': paris });
		});
		const outputs = await importAndRunWorkflow(n8n, file);
		const [files, withheld] = outputs['AFIR Export'];
		expect(withheld).toEqual([]);
		const summary = files[0].json as IDataObject & { skipped: unknown[] };
		expect(summary).toMatchObject({ format: 'irve', stations: 1, rows: 3 });
		expect(summary.skipped.length).toBeGreaterThan(5);

		const csv = fs.readFileSync(path.join(workDir, 'irve-statique.csv'), 'utf8');
		const rows = readCsv(csv);
		expect(Object.keys(rows[0])).toEqual(irve.IRVE_COLUMN_NAMES);
		expect(rows.map((row) => row.id_pdc_itinerance)).toEqual(['FRAMPEPAR0001AC11', 'FRAMPEPAR0001AC12', 'FRAMPEPAR0001DC11']);
		expect(rows[0]).toMatchObject({ id_station_itinerance: 'FRAMPPPAR0001', nbre_pdc: '3', coordonneesXY: '[2.3522,48.8566]', puissance_nominale: '22', prise_type_2: 'true', code_insee_commune: '75101' });
		expect(rows[2]).toMatchObject({ puissance_nominale: '150', prise_type_combo_ccs: 'true' });
		// The file as written, read back: every cell passes its column, every row and the file the QualiCharge rules.
		const typed = rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === '' ? undefined : value])));
		for (const row of typed) for (const column of irve.IRVE_COLUMNS) expect(irve.checkCell(column, row[column.name])).toEqual([]);
		const numeric = typed.map((row) => ({ ...row, puissance_nominale: Number(row.puissance_nominale), nbre_pdc: Number(row.nbre_pdc), prise_type_combo_ccs: row.prise_type_combo_ccs === 'true', prise_type_chademo: row.prise_type_chademo === 'true' }));
		for (const row of numeric) expect(irve.rowProblems(row)).toEqual([]);
		expect(irve.fileProblems(numeric)).toEqual([]);
	});

	it('afir-germany-datex-export: writes the publication, keeps versions on an unchanged rerun, raises a changed station', async () => {
		const file = prepared('afir-germany-datex-export.json', () => undefined);
		const target = path.join(workDir, 'datex-energy-infrastructure-table.json');
		const first = await importAndRunWorkflow(n8n, file);
		expect(first['AFIR Export'][1]).toEqual([]);
		const publication = JSON.parse(fs.readFileSync(target, 'utf8'));
		const sites = publication.payload.aegiEnergyInfrastructureTablePublication.energyInfrastructureTable[0].energyInfrastructureSite as IDataObject[];
		const all = (await (await fetch(`${api.url}/api/chargers?api_key=${API_KEY}`)).json()) as { data: IDataObject[] };
		const germanSites = new Set(all.data.filter((c: IDataObject) => c.country === 'Germany').map((c: IDataObject) => c.site_id));
		expect(sites.map((site) => String(site.idG).replace('DEAMP-', '')).sort()).toEqual([...germanSites].sort());
		for (const site of sites) expect(datex.siteProblems(site)).toEqual([]);
		expect(datex.publicationProblems(publication)).toEqual([]);

		await importAndRunWorkflow(n8n, file);
		const unchanged = JSON.parse(fs.readFileSync(target, 'utf8'));
		expect(unchanged.payload.aegiEnergyInfrastructureTablePublication.energyInfrastructureTable).toEqual(publication.payload.aegiEnergyInfrastructureTablePublication.energyInfrastructureTable);

		const berlin = (await (await fetch(`${api.url}/api/chargers?api_key=${API_KEY}&site_id=BER-0001`)).json()) as { data: IDataObject[] };
		const charger = berlin.data.find((c) => c.state !== 'decommissioned')!;
		const outlets = (charger.outlets as IDataObject[]).map((outlet, index) => (index === 0 ? { ...outlet, kw: '7' } : outlet));
		const patched = await fetch(`${api.url}/api/chargers/${charger.charger_id}`, { method: 'PATCH', headers: { 'X-API-Key': API_KEY, 'Content-Type': 'application/json' }, body: JSON.stringify({ outlets }) });
		expect(patched.status).toBe(200);
		await importAndRunWorkflow(n8n, file);
		const changed = JSON.parse(fs.readFileSync(target, 'utf8'));
		const versions = (tree: unknown) => Object.fromEntries(datex.versionedIds(tree));
		const before = versions(publication);
		const after = versions(changed);
		const stationId = `DEAMP-BER-0001/${charger.charger_id}`;
		expect(before[stationId]).toBe('1');
		expect(after[stationId]).toBe('2');
		const raised = Object.keys(after).filter((id) => after[id] !== before[id]);
		expect(raised.every((id) => id.startsWith(stationId))).toBe(true);
	});
});
