/**
 * The editor in headless Chromium against a real n8n with the package installed as a community node and
 * every template in workflows/ imported: each of our nodes renders with its icon and opens its parameter
 * panel without a "not installed" error, and runs show up in the workflow's execution list: a template run
 * from the CLI and the full scheduled sync's run at activation against the sample asset API and reference CPMS.
 * Screenshots go to test-artifacts/browser/.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { startSampleAssetApi, type SampleAssetApi } from '../../servers/sample-asset-api';
import {
	createN8nInstance,
	ensureBuilt,
	expectCliSuccess,
	importCredentials,
	prepareLedger,
	queryN8nDatabase,
	readTemplate,
	templateCredentials,
	useLedgerTable,
	waitFor,
	type CliResult,
	type N8nInstance,
	type N8nOwner,
} from '../e2e/support';
import { launchChromium } from './support/chromium';
import {
	canvasNode,
	closeParameterPanel,
	discardUnsaved,
	iconProblem,
	importThroughEditor,
	listedExecutions,
	openWorkflow,
	parameterPanelProblems,
	screenshot,
	signIn,
} from './support/editor';
import { importAllTemplates, listTemplates } from './support/templates';

jest.setTimeout(5 * 60_000);

const templates = listTemplates();
/** Templates that run from their Manual Trigger without outside services; their runs must be listed. */
const RUN_FROM_CLI = ['ocpiValidateSample01'];
/** The full scheduled sync, active: n8n runs it once at activation. */
const FULL_SYNC = 'ocpiFullSync0001';
const API_KEY = 'browser-asset-key';
const CPMS_TOKEN = 'browser-cpms-token';

let n8n: N8nInstance;
let owner: N8nOwner;
let browser: Browser;
let page: Page;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let workDir: string;
const cliRuns = new Map<string, CliResult>();

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-browser-'));
	api = await startSampleAssetApi({ port: 0, dataFile: path.join(workDir, 'assets.json'), apiKey: API_KEY, sites: 3, quiet: true });
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms.json'), extraTokens: [CPMS_TOKEN], tokenEncoding: 'base64', quiet: true });
	n8n = await createN8nInstance();
	// The credentials the templates name, pointing at this test's servers.
	const dataByType = {
		assetSourceApi: { baseUrl: api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY },
		ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: CPMS_TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'AMP' },
	};
	// The full sync's sync ledger nodes need their Data table (created over REST, as a team does in the editor);
	// this also sets up the owner, so the server starts already set up below.
	const ledger = await prepareLedger(n8n);
	const fullSync = useLedgerTable(readTemplate('full-scheduled-sync.json'), ledger.table);
	await importCredentials(n8n, templateCredentials([fullSync], dataByType));
	await importAllTemplates(n8n, { 'full-scheduled-sync.json': fullSync });
	expectCliSuccess(await n8n.cli(['update:workflow', `--id=${FULL_SYNC}`, '--active=true']), 'activation of the full scheduled sync');
	// Run before `n8n start`, so the CLI and the server never write the sqlite database at the same time.
	// A failed run fails only its execution-list test: the editor checks still say which node is broken.
	for (const id of RUN_FROM_CLI) cliRuns.set(id, await n8n.cli(['execute', `--id=${id}`]));
	await n8n.start();
	owner = ledger.owner;
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await signIn(page, n8n.baseUrl, owner);
}, 25 * 60_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.dispose();
	await api?.close();
	await cpms?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

const finishedRuns = (workflowId: string) =>
	queryN8nDatabase<{ id: number }>(n8n, "SELECT id FROM execution_entity WHERE workflowId = ? AND status IN ('success', 'error')", [workflowId]);

describe('n8n editor in Chromium', () => {
	it('finds templates with our nodes to check', () => {
		expect(templates.filter((template) => template.ourNodes.length > 0).length).toBeGreaterThan(0);
	});

	it.each(templates.map((template) => [template.slug, template] as const))('%s: our nodes render with icons and open their parameters', async (_slug, template) => {
		await openWorkflow(page, n8n.baseUrl, template);
		await screenshot(page, `${template.slug}-canvas`);
		const problems: string[] = [];
		for (const name of template.ourNodes) {
			const node = canvasNode(page, name);
			const icon = await iconProblem(node);
			if (icon) problems.push(`${template.slug} / ${name}: ${icon}`);
			if (!(await node.isVisible())) continue;
			for (const problem of await parameterPanelProblems(page, node)) problems.push(`${template.slug} / ${name}: ${problem}`);
			await screenshot(page, `${template.slug}-${name}`);
			if (await page.locator('[data-test-id=ndv]').isVisible()) await closeParameterPanel(page);
		}
		expect(problems).toEqual([]);
	});

	it.each(RUN_FROM_CLI)('%s: the execution list shows its run', async (workflowId) => {
		expectCliSuccess(cliRuns.get(workflowId)!, `n8n execute --id=${workflowId}`);
		const rows = await queryN8nDatabase<{ id: number }>(n8n, 'SELECT id FROM execution_entity WHERE workflowId = ?', [workflowId]);
		expect(rows.length).toBeGreaterThan(0);
		const listed = await listedExecutions(page, n8n.baseUrl, workflowId, rows.length);
		await screenshot(page, `${workflowId}-executions`);
		expect({ workflowId, listed }).toEqual({ workflowId, listed: expect.arrayContaining(rows.map((row) => String(row.id))) });
	});

	it(`${FULL_SYNC}: the execution list shows the sync run, and the CPMS got the network`, async () => {
		const rows = await waitFor(() => finishedRuns(FULL_SYNC), (found) => found.length > 0, 120_000);
		expect(rows.length).toBeGreaterThan(0);
		expect(cpms.store.allLocations('2.2.1')).toHaveLength(3);
		const listed = await listedExecutions(page, n8n.baseUrl, FULL_SYNC, rows.length);
		await screenshot(page, `${FULL_SYNC}-executions`);
		expect({ workflowId: FULL_SYNC, listed }).toEqual({ workflowId: FULL_SYNC, listed: expect.arrayContaining(rows.map((row) => String(row.id))) });
	});

	it.each(templates.map((template) => [template.slug, template] as const))('%s: imports through the editor\'s Import from File with our nodes and icons', async (_slug, template) => {
		await importThroughEditor(page, n8n.baseUrl, template);
		await screenshot(page, `${template.slug}-imported-in-editor`);
		const problems: string[] = [];
		for (const name of template.ourNodes) {
			const icon = await iconProblem(canvasNode(page, name));
			if (icon) problems.push(`${template.slug} (imported) / ${name}: ${icon}`);
		}
		await discardUnsaved(page);
		expect(problems).toEqual([]);
	});
});
