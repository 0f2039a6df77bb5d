/**
 * The Asset Source Polling Trigger as users run it: an active workflow in a real n8n polls the
 * sample asset API every minute and picks up a charger added through that API by itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSampleAssetApi, type SampleAssetApi } from '../../servers/sample-asset-api';
import { createN8nInstance, ensureBuilt, executionsOf, expectCliSuccess, importCredentials, PROJECT_ROOT, type N8nInstance } from './support';

// n8n polls on the minute: a baseline poll, then the poll that sees the change, can take two minutes.
jest.setTimeout(6 * 60_000);

const API_KEY = 'e2e-asset-key-93d1';
const CREDENTIAL = { id: 'assetApiE2e00001', name: 'Sample asset API' };
const WORKFLOW_ID = 'assetPollE2e0001';
const NEW_CHARGER = 'E2E-9999-AC1';

let n8n: N8nInstance;
let api: SampleAssetApi;
let workDir: string;

function workflowFile(): string {
	const fixture = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'workflows', 'asset-poll.json'), 'utf8'));
	fixture.id = WORKFLOW_ID;
	const trigger = fixture.nodes[0];
	trigger.credentials = { assetSourceApi: CREDENTIAL };
	trigger.parameters = { ...trigger.parameters, firstRun: 'baseline', pollTimes: { item: [{ mode: 'everyMinute' }] } };
	const file = path.join(workDir, 'poll.json');
	fs.writeFileSync(file, JSON.stringify(fixture));
	return file;
}

const executionData = () => executionsOf(n8n, WORKFLOW_ID);

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-poll-e2e-'));
	api = await startSampleAssetApi({ port: 0, dataFile: path.join(workDir, 'assets.json'), apiKey: API_KEY, sites: 3, quiet: true });
	n8n = await createN8nInstance();
	const data = { baseUrl: api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY };
	await importCredentials(n8n, [{ ...CREDENTIAL, type: 'assetSourceApi', data }]);
	expectCliSuccess(await n8n.cli(['import:workflow', `--input=${workflowFile()}`]), 'import of the workflow');
	expectCliSuccess(await n8n.cli(['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true']), 'activation');
	await n8n.start();
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await api?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('Asset Source Polling Trigger in a real n8n', () => {
	it('picks up a charger added through the asset API, without anyone pressing a button', async () => {
		const existing = Object.keys(api.store.data.chargers);
		expect(existing.length).toBeGreaterThan(0);
		const created = await fetch(`${api.url}/api/chargers`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json', 'X-API-Key': API_KEY },
			body: JSON.stringify({ charger_id: NEW_CHARGER, site_id: 'E2E-9999', site_name: 'E2E test site', state: 'in service' }),
		});
		expect(created.status).toBe(201);

		const deadline = Date.now() + 150_000;
		let runs = await executionData();
		while (!runs.some((data) => data.includes(NEW_CHARGER)) && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 2000));
			runs = await executionData();
		}
		const run = runs.find((data) => data.includes(NEW_CHARGER));
		expect(run).toBeDefined();
		expect(run).toContain('created');
		// Only the new charger: the baseline recorded the sample network without emitting it.
		expect(existing.filter((id) => runs.some((data) => data.includes(`"${id}"`)))).toEqual([]);
		expect(run).not.toContain(API_KEY);
	});
});
