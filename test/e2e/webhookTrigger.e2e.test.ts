/**
 * The Asset Source Webhook Trigger as users run it: an active workflow in a real n8n (installed
 * community package, imported secret credential) receives signed POSTs; a forged one is refused
 * with 401 and no execution is recorded.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { signPayload } from '../../core/webhook';
import { createN8nInstance, ensureBuilt, executionsOf, expectCliSuccess, importCredentials, PROJECT_ROOT, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

const SECRET = 'e2e-webhook-secret-51c2';
const CREDENTIAL = { id: 'assetWebhookE2e1', name: 'Asset webhook secret' };
const WORKFLOW_ID = 'assetWebhookE2e01';

let n8n: N8nInstance;
let workDir: string;

function workflowFile(): string {
	const fixture = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'workflows', 'asset-webhook.json'), 'utf8'));
	fixture.id = WORKFLOW_ID;
	fixture.nodes[0].credentials = { assetSourceWebhookApi: CREDENTIAL };
	const file = path.join(workDir, 'webhook.json');
	fs.writeFileSync(file, JSON.stringify(fixture));
	return file;
}

const executionCount = async () => (await executionsOf(n8n, WORKFLOW_ID)).length;

async function waitForExecutions(expected: number): Promise<number> {
	const deadline = Date.now() + 30_000;
	let count = await executionCount();
	while (count < expected && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		count = await executionCount();
	}
	return count;
}

async function post(body: string, headers: Record<string, string>): Promise<Response> {
	const url = `${n8n.baseUrl}/webhook/asset-events`;
	// Right after start, webhooks may register a moment later: retry a 404 briefly.
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
		if (response.status !== 404 || attempt >= 20) return response;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

function event(eventId: string): { body: string; headers: Record<string, string> } {
	const body = JSON.stringify({
		event_id: eventId,
		event_type: 'charger.updated',
		occurred_at: new Date().toISOString(),
		data: { charger_id: 'BER-0001-AC1', site_id: 'BER-0001', state: 'faulty' },
	});
	const timestamp = String(Math.floor(Date.now() / 1000));
	return { body, headers: { 'X-Signature': signPayload({ secret: SECRET, body, timestamp }), 'X-Timestamp': timestamp, 'X-Event-Id': eventId } };
}

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-webhook-e2e-'));
	n8n = await createN8nInstance();
	await importCredentials(n8n, [{ ...CREDENTIAL, type: 'assetSourceWebhookApi', data: { secret: SECRET } }]);
	expectCliSuccess(await n8n.cli(['import:workflow', `--input=${workflowFile()}`]), 'import of the workflow');
	expectCliSuccess(await n8n.cli(['update:workflow', `--id=${WORKFLOW_ID}`, '--active=true']), 'activation');
	await n8n.start();
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('Asset Source Webhook Trigger in a real n8n', () => {
	it('runs the workflow for a signed event and refuses a forged one without an execution', async () => {
		const signed = event('evt-e2e-1');
		const accepted = await post(signed.body, signed.headers);
		expect(accepted.status).toBeLessThan(300);
		expect(await waitForExecutions(1)).toBe(1);

		const forged = event('evt-e2e-2');
		const refused = await post(forged.body.replace('faulty', 'in service'), forged.headers);
		expect(refused.status).toBe(401);
		const answer = (await refused.json()) as Record<string, unknown>;
		expect(JSON.stringify(answer)).not.toContain(SECRET);
		// Give n8n the time it would need to record a run, then check that none was.
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await executionCount()).toBe(1);
	});
});
