/**
 * Smoke run on the newest n8n 2.x that installs here (2.41.1), which needs Node 24 (installed from the npm
 * registry into the cache folder): the package, installed as a community package, loads, and templates from
 * workflows/ run. The full e2e suite stays on 1.x with the machine's Node 20.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { startSampleAssetApi, type SampleAssetApi } from '../../servers/sample-asset-api';
import {
	createN8nInstance,
	ensureBuilt,
	expectCliSuccess,
	importAndRunWorkflow,
	importCredentials,
	prepareLedger,
	PROJECT_ROOT,
	readTemplate,
	templateCredentials,
	useLedgerTable,
	waitFor,
	type N8nInstance,
	type Template,
} from './support';

// Also named in scripts/test-all.sh, which installs it up front.
const N8N_2_VERSION = '2.41.1';

// The first CLI command runs all DB migrations; a cold install of n8n 2.x and Node 24 may happen in beforeAll.
jest.setTimeout(5 * 60_000);

const TEMPLATES = path.join(PROJECT_ROOT, 'workflows');
let n8n: N8nInstance;
let workDir: string;

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-n8n2-smoke-'));
	n8n = await createN8nInstance({ version: N8N_2_VERSION });
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe(`n8n ${N8N_2_VERSION} on Node 24 (smoke)`, () => {
	it("runs on Node 24 from the cache folder, not the machine's Node", () => {
		// n8n's bin script is `#!/usr/bin/env node`: the same lookup with the instance's environment.
		expect(n8n.nodeBinDir).toBeDefined();
		expect(execFileSync('node', ['--version'], { env: n8n.env, encoding: 'utf8' })).toMatch(/^v24\./);
	});

	it('validate-ocpi-locations: the community package loads and the Validator splits Valid from Invalid', async () => {
		const outputs = await importAndRunWorkflow(n8n, path.join(TEMPLATES, 'validate-ocpi-locations.json'));
		const [valid, invalid] = outputs['OCPI Validator'];
		expect(valid.map((item) => item.json.id)).toEqual(['LOC-BERLIN-001', 'LOC-AMS-002']);
		expect(valid[1].json).toMatchObject({ country: 'NLD', time_zone: 'Europe/Amsterdam' });
		expect(invalid.map((item) => item.json.objectId)).toEqual(['LOC-HAMBURG-003']);
		expect(invalid[0].pairedItem).toEqual({ item: 2 });
		expect(outputs['Valid Locations'][0]).toHaveLength(2);
	});

	it(
		'full-scheduled-sync: activated, its poll trigger fills the CPMS from the asset system',
		async () => {
			const servers = await startServers();
			try {
				// The template's sync ledger nodes need their Data table (created over REST, as a team does in the editor):
				// n8n 2.x will not start a run whose nodes lack a required parameter.
				const template = useLedgerTable(readTemplate('full-scheduled-sync.json'), (await prepareLedger(n8n)).table);
				await importCredentials(n8n, credentialsFor(template, servers));
				expectCliSuccess(await n8n.cli(['import:workflow', `--input=${writePollingEveryMinute(template)}`]), 'import of the full sync');
				// 2.x activates with publish:workflow (1.x: update:workflow --active=true); n8n must be stopped.
				expectCliSuccess(await n8n.cli(['publish:workflow', `--id=${template.id}`]), 'activation of the full sync');
				await n8n.start();

				const held = () => Promise.resolve(servers.cpms.store.allLocations('2.2.1').map(({ location }) => location.id as string));
				const ids = await waitFor(held, (locations) => locations.length >= SAMPLE_SITES, 150_000);
				if (ids.length < SAMPLE_SITES) throw new Error(`the CPMS holds ${JSON.stringify(ids)}:\n${n8n.serverLog()}`);
				expect(ids.sort()).toEqual([...new Set(Object.values(servers.api.store.data.chargers).map((charger) => charger.site_id))].sort());
			} finally {
				await n8n.stop();
				await servers.api.close();
				await servers.cpms.close();
			}
		},
		6 * 60_000,
	);
});

const API_KEY = 'smoke-asset-key-4e21';
const CPMS_TOKEN = 'smoke-cpms-token-a83c';
const SAMPLE_SITES = 3;

async function startServers(): Promise<{ api: SampleAssetApi; cpms: ReferenceCpms }> {
	const api = await startSampleAssetApi({ port: 0, dataFile: path.join(workDir, 'assets.json'), apiKey: API_KEY, sites: SAMPLE_SITES, quiet: true });
	const cpms = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms.json'), extraTokens: [CPMS_TOKEN], tokenEncoding: 'base64' });
	return { api, cpms };
}

/** The template's own credential references, filled with the local servers' addresses and secrets. */
function credentialsFor(template: Template, { api, cpms }: { api: SampleAssetApi; cpms: ReferenceCpms }) {
	return templateCredentials([template], {
		assetSourceApi: { baseUrl: api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY },
		ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: CPMS_TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'AMP' },
	});
}

/** A copy of the template whose poll trigger runs every minute, so the test never waits for a 5-minute poll. */
function writePollingEveryMinute(template: Template): string {
	const copy = structuredClone(template);
	for (const node of copy.nodes) {
		if (node.type.endsWith('.assetSourcePollTrigger')) node.parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	}
	const file = path.join(workDir, 'full-scheduled-sync.json');
	fs.writeFileSync(file, JSON.stringify(copy));
	return file;
}
