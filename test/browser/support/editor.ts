/**
 * The n8n 1.123 editor as a user sees it, through its `data-test-id` attributes (the ones n8n's own
 * end-to-end tests use). Checks return a problem description instead of throwing, so a test can report
 * every broken node of a workflow at once, by name.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Locator, Page } from 'playwright-core';
import { PACKAGE_NAME, PROJECT_ROOT, waitFor, type N8nOwner } from '../../e2e/support';

export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, 'test-artifacts', 'browser');

/** What n8n shows instead of a node's parameters when the node type is not loaded. */
/**
 * The page's `document` inside functions passed to page.evaluate (they run in the browser). The project's
 * tsconfig has no DOM types on purpose (node code must not use them), so it is declared loosely, for this file only.
 */
declare const document: any;

const NOT_LOADED_TEXTS = ['Install this node', 'not currently installed', 'is unknown', 'could not be loaded'];

export async function screenshot(page: Page, name: string): Promise<string> {
	fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
	const file = path.join(ARTIFACTS_DIR, `${name.replace(/[^A-Za-z0-9._-]+/g, '_')}.png`);
	await page.screenshot({ path: file });
	return file;
}

export async function signIn(page: Page, baseUrl: string, owner: N8nOwner): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page.fill('input[name=emailOrLdapLoginId]', owner.email);
	await page.fill('input[name=password]', owner.password);
	await page.click('[data-test-id=form-submit-button]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/**
 * Goes to an editor path. Once the app is loaded it navigates inside it (Vue router), as a click on a link
 * would: a full reload makes Chromium fetch and parse the editor and the 1.6 MB node type list again,
 * 15–25 s each on a busy 2-core machine.
 */
async function navigate(page: Page, baseUrl: string, path: string): Promise<void> {
	const hasRouter = await page.evaluate(() => Boolean(document.querySelector('#app')?.__vue_app__?.config.globalProperties.$router));
	if (!hasRouter) {
		await page.goto(`${baseUrl}${path}`);
		return;
	}
	// n8n 1.123 keeps the open workflow on a push from one workflow to another: go through the home page, as a user would.
	for (const step of ['/home/workflows', path]) {
		await page.evaluate((target) => document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(target), step);
		await page.waitForURL((url) => url.pathname === step, { timeout: 30_000 });
	}
}

/** The canvas shows exactly these nodes (names sorted); `what` names the workflow in the error. */
async function waitForCanvasNodes(page: Page, nodeNames: string[], what: string): Promise<void> {
	const expected = [...nodeNames].sort();
	await page
		.waitForFunction(
			(names) => {
				const nodes: Array<{ getAttribute(name: string): string | null }> = Array.from(document.querySelectorAll('[data-test-id=canvas-node]'));
				const shown = nodes.map((node) => node.getAttribute('data-node-name') ?? '').sort();
				return JSON.stringify(shown) === JSON.stringify(names);
			},
			expected,
			{ timeout: 60_000 },
		)
		.catch(async () => {
			const shown = await page.locator('[data-test-id=canvas-node]').evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-node-name')));
			throw new Error(`${what}: the canvas shows nodes ${JSON.stringify(shown)}, expected ${JSON.stringify(expected)}`);
		});
}

/**
 * A new workflow, then the workflow menu's "Import from File..." with the template file, as a user imports a
 * template in the editor; resolves once the canvas shows the template's nodes. The workflow stays unsaved.
 */
export async function importThroughEditor(page: Page, baseUrl: string, template: { file: string; slug: string; nodeNames: string[] }): Promise<void> {
	await navigate(page, baseUrl, '/workflow/new');
	await page.locator('[data-test-id=workflow-menu]').click();
	const chooser = page.waitForEvent('filechooser', { timeout: 15_000 });
	await page.getByText('Import from File...').click();
	await (await chooser).setFiles(template.file);
	await waitForCanvasNodes(page, template.nodeNames, `${template.slug} imported through the editor`);
}

/** Leaves an unsaved workflow: n8n asks whether to save; the test does not. */
export async function discardUnsaved(page: Page): Promise<void> {
	const leave = page.getByRole('button', { name: /leave without saving/i });
	// Not awaited in the page: the navigation waits for the answer to n8n's "save changes?" question.
	await page.evaluate(() => {
		void document.querySelector('#app').__vue_app__.config.globalProperties.$router.push('/home/workflows');
	});
	await leave.click({ timeout: 10_000 }).catch(() => undefined);
	await page.waitForURL((url) => url.pathname === '/home/workflows', { timeout: 30_000 });
}

export async function openWorkflow(page: Page, baseUrl: string, workflow: { id: string; nodeNames: string[] }): Promise<void> {
	await navigate(page, baseUrl, `/workflow/${workflow.id}`);
	// The previous workflow's nodes stay on the canvas for a moment: wait for exactly this workflow's nodes.
	await waitForCanvasNodes(page, workflow.nodeNames, `workflow ${workflow.id}`);
}

export function canvasNode(page: Page, nodeName: string): Locator {
	// JSON quoting is valid CSS string quoting for names with quotes in them ("When clicking 'Test workflow'").
	return page.locator(`[data-test-id=canvas-node][data-node-name=${JSON.stringify(nodeName)}]`);
}

/** Our icons are SVG files n8n serves under /icons/<package>/; a missing or broken one shows a fallback instead. */
export async function iconProblem(node: Locator): Promise<string | undefined> {
	if (!(await node.isVisible())) return 'is not on the canvas';
	if ((await node.locator('[data-test-id=node-not-installed]').count()) > 0) return 'is marked "install to use" (type not loaded)';
	const img = node.locator('.n8n-node-icon img').first();
	if ((await img.count()) === 0) return 'has no <img> icon: n8n shows its fallback icon';
	const src = (await img.getAttribute('src')) ?? '';
	if (!src.startsWith(`/icons/${PACKAGE_NAME}/`)) return `icon src ${src} is not one of this package's icons`;
	// Poll in the page: the image may still be loading right after the canvas appeared.
	const loaded = await img
		.evaluate((element) => new Promise<boolean>((resolve) => {
			const deadline = Date.now() + 10_000;
			const check = () => {
				if (element.complete && element.naturalWidth > 0) resolve(true);
				else if (Date.now() > deadline) resolve(false);
				else setTimeout(check, 100);
			};
			check();
		}))
		.catch(() => false);
	return loaded ? undefined : `icon ${src} did not load (naturalWidth 0)`;
}

/** Double-clicks the node and checks its parameter panel (NDV); leaves the panel open for a screenshot. */
export async function parameterPanelProblems(page: Page, node: Locator): Promise<string[]> {
	await node.dblclick();
	const ndv = page.locator('[data-test-id=ndv]');
	try {
		await ndv.waitFor({ state: 'visible', timeout: 15_000 });
	} catch {
		return ['parameter panel did not open on double-click'];
	}
	const problems: string[] = [];
	const text = await ndv.innerText();
	for (const notLoaded of NOT_LOADED_TEXTS) if (text.includes(notLoaded)) problems.push(`parameter panel says "${notLoaded}"`);
	const parameters = ndv.locator('[data-test-id=node-parameters] [data-test-id=parameter-item]');
	try {
		await parameters.first().waitFor({ state: 'visible', timeout: 10_000 });
	} catch {
		problems.push('parameter panel shows no parameters');
	}
	// Errors while rendering (failed option loading, broken property definitions) surface as error toasts.
	for (const toast of await page.locator('.el-notification--error').all()) {
		if (await toast.isVisible()) problems.push(`error toast: ${(await toast.innerText()).replace(/\s+/g, ' ')}`);
	}
	return problems;
}

export async function closeParameterPanel(page: Page): Promise<void> {
	await page.click('[data-test-id=back-to-canvas]');
	await page.locator('[data-test-id=ndv]').waitFor({ state: 'hidden', timeout: 10_000 });
}

/**
 * The workflow's Executions tab; returns the execution ids its sidebar lists once it shows at least
 * `expected` cards (the sidebar renders its cards a few at a time), or whatever it shows after 15 s.
 */
export async function listedExecutions(page: Page, baseUrl: string, workflowId: string, expected = 1): Promise<string[]> {
	await navigate(page, baseUrl, `/workflow/${workflowId}/executions`);
	const sidebar = page.locator('[data-test-id=executions-sidebar]');
	await sidebar.waitFor({ timeout: 30_000 });
	const cards = sidebar.locator('[data-test-id^="execution-details-"]');
	await waitFor(() => cards.count(), (count) => count >= expected, 15_000);
	const ids = await Promise.all((await cards.all()).map((card) => card.getAttribute('data-test-id')));
	return ids.map((id) => (id ?? '').replace('execution-details-', ''));
}
