/**
 * Each node's parameter panel at its newest version, as a user adding it to a new workflow sees it, in the n8n
 * editor in headless Chromium: the panel opens with its parameters, and the triggers show their optional settings
 * in an Options collection (version 2), not at top level. Screenshots of every panel (and of each trigger's
 * opened "Add Option" list) go to test-artifacts/browser/panel-*.png.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { createN8nInstance, ensureBuilt, expectCliSuccess, importCredentials, PACKAGE_NAME, setupOwner, type N8nInstance } from '../e2e/support';
import { launchChromium } from './support/chromium';
import { canvasNode, closeParameterPanel, openWorkflow, parameterPanelProblems, screenshot, signIn } from './support/editor';

jest.setTimeout(5 * 60_000);

const WORKFLOW_ID = 'ocpiNodePanels01';
const CREDENTIAL_IDS: Record<string, string> = { assetSourceApi: 'panelsAssetApi01', assetSourceWebhookApi: 'panelsWebhook001', ocpiCpmsApi: 'panelsOcpiCpms01' };
const credential = (type: string) => ({ [type]: { id: CREDENTIAL_IDS[type], name: `Panels ${type}` } });

/** One of each node at its newest version; the triggers with one option added, so the collection shows a value. */
const NODES = [
	{ name: 'Asset Source Polling Trigger', type: 'assetSourcePollTrigger', typeVersion: 2, parameters: { options: { firstRun: 'baseline' } }, credentials: credential('assetSourceApi'), trigger: true, addedOption: 'First Run', versionOneOnly: 'Redeliver Unconfirmed After' },
	{ name: 'Asset Source Webhook Trigger', type: 'assetSourceWebhookTrigger', typeVersion: 2, parameters: { options: { eventTypeField: 'event_type' } }, credentials: credential('assetSourceWebhookApi'), trigger: true, addedOption: 'Event Type Field', versionOneOnly: 'Duplicate Window' },
	{ name: 'Asset Source', type: 'assetSource', typeVersion: 1, parameters: {}, credentials: credential('assetSourceApi'), trigger: false, addedOption: '', versionOneOnly: '' },
	{ name: 'OCPI Mapper', type: 'ocpiMapper', typeVersion: 1, parameters: {}, credentials: undefined, trigger: false, addedOption: '', versionOneOnly: '' },
	{ name: 'OCPI Validator', type: 'ocpiValidator', typeVersion: 1, parameters: {}, credentials: undefined, trigger: false, addedOption: '', versionOneOnly: '' },
	{ name: 'CPMS OCPI Push', type: 'ocpiPush', typeVersion: 1, parameters: {}, credentials: credential('ocpiCpmsApi'), trigger: false, addedOption: '', versionOneOnly: '' },
];

let n8n: N8nInstance;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	ensureBuilt();
	n8n = await createN8nInstance();
	await importCredentials(n8n, [
		{ ...credential('assetSourceApi').assetSourceApi, type: 'assetSourceApi', data: { baseUrl: 'http://127.0.0.1:9', authentication: 'none' } },
		{ ...credential('assetSourceWebhookApi').assetSourceWebhookApi, type: 'assetSourceWebhookApi', data: { secret: 'panels-secret' } },
		{ ...credential('ocpiCpmsApi').ocpiCpmsApi, type: 'ocpiCpmsApi', data: { versionsUrl: 'http://127.0.0.1:9/ocpi/versions', countryCode: 'DE', partyId: 'ACM' } },
	]);
	const workflow = {
		id: WORKFLOW_ID,
		name: 'Node panels',
		nodes: NODES.map((node, index) => ({
			id: `0000000${index}-0000-4000-8000-000000000000`,
			name: node.name,
			type: `${PACKAGE_NAME}.${node.type}`,
			typeVersion: node.typeVersion,
			position: [index * 260, 0],
			parameters: node.parameters,
			...(node.credentials ? { credentials: node.credentials } : {}),
		})),
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-panels-'));
	fs.writeFileSync(path.join(dir, 'panels.json'), JSON.stringify(workflow));
	expectCliSuccess(await n8n.cli(['import:workflow', `--input=${path.join(dir, 'panels.json')}`]), 'import of the node panels workflow');
	fs.rmSync(dir, { recursive: true, force: true });
	await n8n.start();
	const owner = await setupOwner(n8n);
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
	await signIn(page, n8n.baseUrl, owner);
	await openWorkflow(page, n8n.baseUrl, { id: WORKFLOW_ID, nodeNames: NODES.map((node) => node.name) });
}, 25 * 60_000);

afterAll(async () => {
	await browser?.close();
	await n8n?.dispose();
});

describe('node panels in the n8n editor', () => {
	it.each(NODES.map((node) => [node.name, node] as const))('%s: the panel opens with its parameters', async (name, node) => {
		const problems = await parameterPanelProblems(page, canvasNode(page, name));
		const ndv = page.locator('[data-test-id=ndv]');
		try {
			await screenshot(page, `panel-${name}`);
			if (node.trigger) {
				const text = await ndv.innerText();
				// the collection with the option added ...
				expect(text).toContain('Options');
				expect(text).toContain(node.addedOption);
				// ... and no optional setting at top level (this one would be there in version 1)
				expect(text).not.toContain(node.versionOneOnly);
				// its "Add Option" list holds the rest
				const addOption = ndv.getByPlaceholder('Add Option').or(ndv.getByText('Add Option', { exact: true })).first();
				await addOption.click();
				await screenshot(page, `panel-${name}-options`);
				await page.keyboard.press('Escape');
			}
		} finally {
			if (await ndv.isVisible()) await closeParameterPanel(page);
		}
		expect(problems).toEqual([]);
	});
});
