/**
 * CPMS OCPI Push as users run it: installed into a real n8n, with a credential imported the way
 * teams provision them, syncing to the project's reference CPMS on 127.0.0.1.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { validLocation } from '../fixtures/ocpiLocations';
import { createN8nInstance, ensureBuilt, importAndRunWorkflow, importCredentials, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

const TOKEN = 'e2e-cpms-token-7f3a';
const CREDENTIAL = { id: 'ocpiCpmsE2e00001', name: 'Reference CPMS' };

let n8n: N8nInstance;
let cpms: ReferenceCpms;
let workDir: string;

function pushWorkflow(): object {
	const locations = [validLocation('LOC-E2E-1'), validLocation('LOC-E2E-2')];
	return {
		id: 'ocpiPushE2e00001',
		name: 'Push e2e',
		nodes: [
			{ parameters: {}, id: 'e1000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{
				parameters: { jsCode: `return ${JSON.stringify(locations.map((json) => ({ json })))};` },
				id: 'e1000000-0000-4000-8000-000000000002',
				name: 'Locations',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
			},
			{
				parameters: { operation: 'syncLocations', options: { addSummaryItem: true, maxAttempts: 2 } },
				id: 'e1000000-0000-4000-8000-000000000003',
				name: 'CPMS OCPI Push',
				type: 'n8n-nodes-ocpi-asset-connector.ocpiPush',
				typeVersion: 1,
				position: [400, 0],
				credentials: { ocpiCpmsApi: CREDENTIAL },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Locations', type: 'main', index: 0 }]] },
			Locations: { main: [[{ node: 'CPMS OCPI Push', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-push-e2e-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms.json'), extraTokens: [TOKEN], tokenEncoding: 'base64' });
	n8n = await createN8nInstance();
	const data = { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'DE', partyId: 'ACM' };
	await importCredentials(n8n, [{ ...CREDENTIAL, type: 'ocpiCpmsApi', data }]);
	fs.writeFileSync(path.join(workDir, 'push.json'), JSON.stringify(pushWorkflow()));
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await cpms?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const writes = () => cpms.requestLog.list().filter((entry) => entry.method === 'PUT' || entry.method === 'PATCH');

describe('CPMS OCPI Push in a real n8n', () => {
	it('creates the Locations in the CPMS, then a second run of the same data writes nothing', async () => {
		const first = (await importAndRunWorkflow(n8n, path.join(workDir, 'push.json')))['CPMS OCPI Push'][0];
		const results = first.filter((item) => !item.json.summary).map((item) => [item.json.locationId, item.json.action]);
		expect(results).toEqual([
			['LOC-E2E-1', 'created'],
			['LOC-E2E-2', 'created'],
		]);
		expect(cpms.store.allLocations('2.2.1').map(({ location }) => location.id).sort()).toEqual(['LOC-E2E-1', 'LOC-E2E-2']);
		expect(writes()).toHaveLength(2);

		const second = (await importAndRunWorkflow(n8n, path.join(workDir, 'push.json')))['CPMS OCPI Push'][0];
		const summary = second.find((item) => item.json.summary)!.json as IDataObject;
		expect(summary.counts).toEqual({ unchanged: 2 });
		expect(writes()).toHaveLength(2);

		const everything = JSON.stringify([first, second]);
		expect(everything).not.toContain(TOKEN);
		expect(everything).not.toContain(Buffer.from(TOKEN).toString('base64'));
	});
});
