/**
 * The Asset Source Polling Trigger as users run it: an active workflow in a real n8n polls the
 * sample asset API every minute and picks up a charger added through that API by itself.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startSampleAssetApi, type SampleAssetApi } from '../../servers/sample-asset-api';
import { createN8nInstance, ensureBuilt, executionsOf, expectCliSuccess, importCredentials, PROJECT_ROOT, staticDataOf, waitFor, type N8nInstance } from './support';

// n8n polls on the minute: a baseline poll, then the poll that sees the change, can take two minutes.
jest.setTimeout(6 * 60_000);

const API_KEY = 'e2e-asset-key-93d1';
const CREDENTIAL = { id: 'assetApiE2e00001', name: 'Sample asset API' };
const WORKFLOW_ID = 'assetPollE2e0001';
const NEW_CHARGER = 'E2E-9999-AC1';
const ADDED_WHILE_STOPPED = 'E2E-9999-AC2';

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

/** n8n runs a poll at activation; the baseline is in the database once n8n saved the trigger's state. */
async function waitForSavedBaseline(): Promise<void> {
	const saved = await waitFor(() => staticDataOf(n8n, WORKFLOW_ID), (data) => JSON.stringify(data ?? {}).includes('assetSource'), 120_000);
	if (!JSON.stringify(saved ?? {}).includes('assetSource')) throw new Error(`n8n never saved the trigger's baseline:\n${n8n.serverLog()}`);
}

function addCharger(chargerId: string): Promise<Response> {
	return fetch(`${api.url}/api/chargers`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json', 'X-API-Key': API_KEY },
		body: JSON.stringify({ charger_id: chargerId, site_id: 'E2E-9999', site_name: 'E2E test site', state: 'in service' }),
	});
}

/** The stored executions once one mentions the charger (n8n polls on the minute), or all after the timeout. */
const runsMentioning = (chargerId: string) => waitFor(executionData, (runs) => runs.some((data) => data.includes(chargerId)), 150_000);

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
		// Before the baseline exists the new charger would be part of it and never emitted.
		await waitForSavedBaseline();
		expect((await addCharger(NEW_CHARGER)).status).toBe(201);

		const runs = await runsMentioning(NEW_CHARGER);
		const run = runs.find((data) => data.includes(NEW_CHARGER));
		expect(run).toBeDefined();
		expect(run).toContain('created');
		// Only the new charger: the baseline recorded the sample network without emitting it.
		expect(existing.filter((id) => runs.some((data) => data.includes(`"${id}"`)))).toEqual([]);
		expect(run).not.toContain(API_KEY);
	});

	it('carries its state across an n8n restart: a charger added while n8n was down arrives once, nothing else again', async () => {
		const before = (await executionData()).length;
		await n8n.stop();
		expect((await addCharger(ADDED_WHILE_STOPPED)).status).toBe(201);
		await n8n.start();

		const runs = await runsMentioning(ADDED_WHILE_STOPPED);
		const newRuns = runs.slice(before);
		expect(newRuns.some((data) => data.includes(ADDED_WHILE_STOPPED))).toBe(true);
		// Had the state been lost, the first poll after the restart would be a new baseline (nothing emitted)
		// or would emit the whole network again.
		expect(newRuns.filter((data) => data.includes(NEW_CHARGER))).toEqual([]);
	});
});
