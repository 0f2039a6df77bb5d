/**
 * The editor in headless Chromium against a real n8n with the package installed as a community node and
 * every template in workflows/ imported: each of our nodes renders with its icon and opens its parameter
 * panel without a "not installed" error, and runs show up in the workflow's execution list.
 * Screenshots go to test-artifacts/browser/.
 */
import type { Browser, Page } from 'playwright-core';
import { createN8nInstance, ensureBuilt, expectCliSuccess, queryN8nDatabase, setupOwner, type CliResult, type N8nInstance, type N8nOwner } from '../e2e/support';
import { launchChromium } from './support/chromium';
import { canvasNode, closeParameterPanel, iconProblem, listedExecutions, openWorkflow, parameterPanelProblems, screenshot, signIn } from './support/editor';
import { importAllTemplates, listTemplates } from './support/templates';

jest.setTimeout(5 * 60_000);

const templates = listTemplates();
/** Templates that run from their Manual Trigger without outside services; their runs must be listed. */
const RUN_FROM_CLI = ['ocpiValidateSample01'];

let n8n: N8nInstance;
let owner: N8nOwner;
let browser: Browser;
let page: Page;
const cliRuns = new Map<string, CliResult>();

beforeAll(async () => {
	ensureBuilt();
	n8n = await createN8nInstance();
	await importAllTemplates(n8n);
	// Run before `n8n start`, so the CLI and the server never write the sqlite database at the same time.
	// A failed run fails only its execution-list test: the editor checks still say which node is broken.
	for (const id of RUN_FROM_CLI) cliRuns.set(id, await n8n.cli(['execute', `--id=${id}`]));
	await n8n.start();
	owner = await setupOwner(n8n);
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	await signIn(page, n8n.baseUrl, owner);
}, 25 * 60_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.dispose();
});

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
		const listed = await listedExecutions(page, n8n.baseUrl, workflowId);
		await screenshot(page, `${workflowId}-executions`);
		expect({ workflowId, listed }).toEqual({ workflowId, listed: expect.arrayContaining(rows.map((row) => String(row.id))) });
	});
});
