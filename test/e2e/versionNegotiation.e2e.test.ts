/**
 * CPMS OCPI Push in a real n8n negotiates the OCPI version with two reference CPMSs on 127.0.0.1: one speaking
 * only 2.2.1 (the 2.3.0 Locations are converted down and every lost field is reported), one speaking 2.3.0
 * (nothing is lost). The CPMS stores show what really arrived.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { loadOfficial } from '../conformance/helpers';
import { createN8nInstance, ensureBuilt, importAndRunWorkflow, importCredentials, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

type Json = Record<string, any>;

const TOKEN = 'e2e-negotiation-token-9d2c';
const LONG_ADDRESS = 'Industriegebiet Nord, Gewerbepark an der Bundesstraße 96, Zufahrt über Tor 3, Halle 7';
const CREDENTIALS = {
	only221: { id: 'ocpiCpmsE2e00221', name: 'CPMS speaking 2.2.1 only' },
	with230: { id: 'ocpiCpmsE2e00230', name: 'CPMS speaking 2.3.0' },
};

let n8n: N8nInstance;
let workDir: string;
const cpms: Partial<Record<keyof typeof CREDENTIALS, ReferenceCpms>> = {};

function location230(): Json {
	const location = loadOfficial('2.3.0', 'location_example.json');
	location.address = LONG_ADDRESS;
	location.help_phone = '+32 9 123 45 67';
	location.evses[0].connectors[0].standard = 'SAE_J3400';
	return location;
}

function pushWorkflow(locations: Json[], credential: { id: string; name: string }): object {
	return {
		id: 'ocpiPushE2e00230',
		name: 'Push negotiation e2e',
		nodes: [
			{ parameters: {}, id: 'e2300000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{
				parameters: { jsCode: `return ${JSON.stringify(locations.map((json) => ({ json })))};` },
				id: 'e2300000-0000-4000-8000-000000000002',
				name: 'Locations',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
			},
			{
				parameters: { operation: 'syncLocations', options: { maxAttempts: 2 } },
				id: 'e2300000-0000-4000-8000-000000000003',
				name: 'CPMS OCPI Push',
				type: 'n8n-nodes-ocpi-asset-connector.ocpiPush',
				typeVersion: 1,
				position: [400, 0],
				credentials: { ocpiCpmsApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Locations', type: 'main', index: 0 }]] },
			Locations: { main: [[{ node: 'CPMS OCPI Push', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

async function runPush(locations: Json[], credential: { id: string; name: string }): Promise<Json[]> {
	const file = path.join(workDir, `push-${credential.id}.json`);
	fs.writeFileSync(file, JSON.stringify(pushWorkflow(locations, credential)));
	const [success = []] = (await importAndRunWorkflow(n8n, file))['CPMS OCPI Push'];
	return success.map((item) => item.json as Json);
}

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-negotiation-e2e-'));
	cpms.only221 = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms221.json'), extraTokens: [TOKEN], quiet: true, versions: ['2.2.1'] });
	cpms.with230 = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms230.json'), extraTokens: [TOKEN], quiet: true, versions: ['2.3.0', '2.2.1', '2.1.1'] });
	n8n = await createN8nInstance();
	await importCredentials(
		n8n,
		(Object.keys(CREDENTIALS) as Array<keyof typeof CREDENTIALS>).map((key) => ({
			...CREDENTIALS[key],
			type: 'ocpiCpmsApi',
			data: { versionsUrl: cpms[key]!.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'BE', partyId: 'BEC' },
		})),
	);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	for (const server of Object.values(cpms)) await server?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('CPMS OCPI Push in a real n8n: version negotiation', () => {
	it('against a CPMS speaking only 2.2.1: converts down and lists each lost field', async () => {
		const [item] = await runPush([location230()], CREDENTIALS.only221);
		expect(item.action).toBe('partial');
		expect(item.conversion.losses.map((loss: Json) => `${loss.kind} ${loss.path}`)).toEqual([
			'removed parking_places',
			'removed help_phone',
			'cut address',
			'removed evses[0].parking',
			'changed evses[0].connectors[0].standard',
			'removed evses[1].parking',
		]);
		expect(item.requests.map((request: Json) => `${request.method} ${request.path}`)).toEqual(['PUT /ocpi/2.2.1/receiver/locations/BE/BEC/LOC1']);
		const stored = cpms.only221!.store.location('2.2.1', 'BE*BEC', 'LOC1')!;
		expect(stored.address).toBe(LONG_ADDRESS.slice(0, 45));
		expect(stored.help_phone).toBeUndefined();
		expect(stored.evses[0].connectors[0].standard).toBe('TESLA_S');
	});

	it('against a CPMS speaking 2.3.0: nothing is lost', async () => {
		const location = location230();
		const [item] = await runPush([location], CREDENTIALS.with230);
		expect(item.action).toBe('created');
		expect(item.conversion).toBeUndefined();
		expect(item.requests.map((request: Json) => `${request.method} ${request.path}`)).toEqual(['PUT /ocpi/2.3.0/receiver/locations/BE/BEC/LOC1']);
		const stored = cpms.with230!.store.location('2.3.0', 'BE*BEC', 'LOC1')!;
		expect(stored).toEqual(location);
	});
});
