/**
 * The Asset Source Webhook Trigger as users run it: an active workflow in a real n8n (installed
 * community package, imported secret credential) receives signed POSTs; a forged one is refused
 * with 401 and no execution is recorded; a body that is not JSON gets a 400 and no execution; with
 * "When the Workflow Has Finished" the sender gets the last node's item once the run is done. Duplicates are
 * told by signed content: ten simultaneous copies of one delivery run once, and an event id header (outside
 * the signature) can neither make a replay run again nor make a later real event be dropped.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { signPayload } from '../../core/webhook';
import { createN8nInstance, ensureBuilt, executionsOf, expectCliSuccess, importCredentials, PROJECT_ROOT, waitFor, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

const SECRET = 'e2e-webhook-secret-51c2';
const CREDENTIAL = { id: 'assetWebhookE2e1', name: 'Asset webhook secret' };
const WORKFLOW_ID = 'assetWebhookE2e01';
const SYNC_WORKFLOW_ID = 'assetWebhookE2e02';
const DEDUPE_WORKFLOW_ID = 'assetWebhookE2e03';
const DEDUPE_PATH = 'asset-events-dedupe';

let n8n: N8nInstance;
let workDir: string;

/** The fixture workflow; the second variant answers when the run has finished, on its own path. */
function workflowFile(id: string, changes: { path?: string; responseMode?: string; webhookId?: string } = {}): string {
	const fixture = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'workflows', 'asset-webhook.json'), 'utf8'));
	fixture.id = id;
	const trigger = fixture.nodes[0];
	trigger.credentials = { assetSourceWebhookApi: CREDENTIAL };
	if (changes.path) trigger.parameters.path = changes.path;
	if (changes.responseMode) trigger.parameters.responseMode = changes.responseMode;
	if (changes.webhookId) trigger.webhookId = changes.webhookId;
	const file = path.join(workDir, `${id}.json`);
	fs.writeFileSync(file, JSON.stringify(fixture));
	return file;
}

const executionCount = async () => (await executionsOf(n8n, WORKFLOW_ID)).length;

const waitForExecutions = (expected: number) => waitFor(executionCount, (count) => count >= expected, 30_000);

/**
 * Sends a valid signed event and waits until its run is recorded; returns the number of runs then. A refused
 * delivery sent before it shows as no extra run, proven without waiting for something not to happen.
 */
async function runOfLaterEvent(eventId: string): Promise<number> {
	const later = event(eventId);
	expect((await post(later.body, later.headers)).status).toBeLessThan(300);
	const runs = await waitFor(() => executionsOf(n8n, WORKFLOW_ID), (all) => all.some((data) => data.includes(eventId)), 30_000);
	expect(runs.some((data) => data.includes(eventId))).toBe(true);
	return runs.length;
}

async function post(body: string, headers: Record<string, string>, webhookPath = 'asset-events'): Promise<Response> {
	const url = `${n8n.baseUrl}/webhook/${webhookPath}`;
	// Right after start, webhooks may register a moment later: retry a 404 briefly.
	for (let attempt = 0; ; attempt++) {
		const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
		if (response.status !== 404 || attempt >= 20) return response;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

function event(eventId: string, rawBody?: string): { body: string; headers: Record<string, string> } {
	const body =
		rawBody ??
		JSON.stringify({
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
	const sync = { path: 'asset-events-sync', responseMode: 'lastNode', webhookId: 'c3b2d4e5-0000-4000-8000-0000000000bb' };
	const dedupe = { path: DEDUPE_PATH, responseMode: 'lastNode', webhookId: 'c3b2d4e5-0000-4000-8000-0000000000cc' };
	const workflows = [
		[WORKFLOW_ID, workflowFile(WORKFLOW_ID)],
		[SYNC_WORKFLOW_ID, workflowFile(SYNC_WORKFLOW_ID, sync)],
		[DEDUPE_WORKFLOW_ID, workflowFile(DEDUPE_WORKFLOW_ID, dedupe)],
	];
	for (const [id, file] of workflows) {
		expectCliSuccess(await n8n.cli(['import:workflow', `--input=${file}`]), `import of ${id}`);
		expectCliSuccess(await n8n.cli(['update:workflow', `--id=${id}`, '--active=true']), `activation of ${id}`);
	}
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
		// A signed event sent after the refusal runs and is recorded; beside it there is still only the first run.
		expect(await runOfLaterEvent('evt-e2e-after-forged')).toBe(2);
	});

	// n8n's own body parser answers a JSON content type whose body does not parse with 422 before any node
	// runs (the node's 400 is for bodies n8n passes on, covered by the node tests); what matters here: no run.
	it('refuses a correctly signed body that is not JSON (n8n answers 422 itself) and records no execution', async () => {
		const before = await executionCount();
		const broken = event('evt-e2e-3', '{"event_id": "evt-e2e-3", "data": {"charger_id": ');
		const response = await post(broken.body, broken.headers);
		expect(response.status).toBe(422);
		const text = await response.text();
		expect(text).not.toContain(SECRET);
		expect(await runOfLaterEvent('evt-e2e-after-broken')).toBe(before + 1);
	});

	it('with "When the Workflow Has Finished" the sender gets the last node\'s item after the run', async () => {
		const signed = event('evt-e2e-4');
		const response = await post(signed.body, signed.headers, 'asset-events-sync');
		expect(response.status).toBe(200);
		const answer = (await response.json()) as Record<string, unknown>;
		expect(answer).toMatchObject({ assetId: 'BER-0001-AC1', change: 'updated', state: 'faulty' });
		expect(JSON.stringify(answer)).not.toContain(SECRET);
		expect(await executionsOf(n8n, SYNC_WORKFLOW_ID)).toHaveLength(1);
	});
});

describe('Asset Source Webhook Trigger in a real n8n: duplicates', () => {
	// "When the Workflow Has Finished": an answer with the run's item proves a run, a "duplicate" answer proves none
	const dedupeExecutions = async (eventId: string) => (await executionsOf(n8n, DEDUPE_WORKFLOW_ID)).filter((data) => data.includes(`"${eventId}"`));

	async function send(delivery: { body: string; headers: Record<string, string> }): Promise<{ status: number; json: Record<string, unknown> }> {
		const response = await post(delivery.body, delivery.headers, DEDUPE_PATH);
		return { status: response.status, json: (await response.json()) as Record<string, unknown> };
	}

	beforeAll(async () => {
		// the webhook is registered before the simultaneous copies go out
		expect((await send(event('evt-dedupe-warmup'))).json).toMatchObject({ eventId: 'evt-dedupe-warmup' });
	});

	it('runs ten simultaneous copies of one signed delivery exactly once', async () => {
		const delivery = event('evt-dedupe-race');
		const answers = await Promise.all(Array.from({ length: 10 }, () => send(delivery)));
		expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(200));
		expect(answers.filter((answer) => answer.json.assetId === 'BER-0001-AC1' && answer.json.eventId === 'evt-dedupe-race')).toHaveLength(1);
		expect(answers.filter((answer) => answer.json.status === 'duplicate' && answer.json.eventId === 'evt-dedupe-race')).toHaveLength(9);
		expect(await waitFor(() => dedupeExecutions('evt-dedupe-race'), (runs) => runs.length >= 1, 30_000)).toHaveLength(1);
		// a later event runs and is recorded: had a copy started a second run, it would be recorded before this one
		expect((await send(event('evt-dedupe-race-after'))).json).toMatchObject({ eventId: 'evt-dedupe-race-after' });
		expect(await waitFor(() => dedupeExecutions('evt-dedupe-race-after'), (runs) => runs.length >= 1, 30_000)).toHaveLength(1);
		expect(await dedupeExecutions('evt-dedupe-race')).toHaveLength(1);
	});

	it('drops a captured delivery replayed with a new event id header', async () => {
		const captured = event('evt-dedupe-replay');
		expect(await send(captured)).toMatchObject({ status: 200, json: { eventId: 'evt-dedupe-replay', change: 'updated' } });
		const replay = await send({ body: captured.body, headers: { ...captured.headers, 'X-Event-Id': 'evt-dedupe-replay-new' } });
		expect(replay).toMatchObject({ status: 200, json: { status: 'duplicate', eventId: 'evt-dedupe-replay' } });
		expect(await waitFor(() => dedupeExecutions('evt-dedupe-replay'), (runs) => runs.length >= 1, 30_000)).toHaveLength(1);
		expect(await dedupeExecutions('evt-dedupe-replay-new')).toEqual([]);
	});

	it('does not let a replay carrying a future event id make the real event be dropped', async () => {
		const captured = event('evt-dedupe-now');
		expect((await send(captured)).json).toMatchObject({ eventId: 'evt-dedupe-now' });
		const replay = await send({ body: captured.body, headers: { ...captured.headers, 'X-Event-Id': 'evt-dedupe-future' } });
		expect(replay.json).toMatchObject({ status: 'duplicate', eventId: 'evt-dedupe-now' });

		const real = await send(event('evt-dedupe-future'));
		expect(real).toMatchObject({ status: 200, json: { eventId: 'evt-dedupe-future', assetId: 'BER-0001-AC1', change: 'updated' } });
		expect(await waitFor(() => dedupeExecutions('evt-dedupe-future'), (runs) => runs.length >= 1, 30_000)).toHaveLength(1);
	});
});
