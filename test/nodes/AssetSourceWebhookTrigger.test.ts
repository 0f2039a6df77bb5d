/**
 * Asset Source Webhook Trigger: deliveries over real HTTP (node:http on 127.0.0.1), including real signed
 * deliveries from the sample asset API.
 *
 * What is real and what is an adapter: the node's webhook() runs in n8n-core's own WebhookContext (credentials
 * through the harness's credentials helper; static data as n8n's live webhooks handle it: each request gets its
 * own Workflow with a copy read when the request arrives, written back when changed), and the items
 * it returns run through n8n-core's WorkflowExecute (runWorkflowFixture, mode 'webhook') into a NoOp. The HTTP
 * front that n8n's CLI provides (express, reading req.rawBody, answering with the node's responseCode for
 * "respond immediately") is a small adapter in this file: it keeps the raw body on req.rawBody as n8n does and,
 * when webhook() did not answer itself, answers 202 and starts the run. "Respond when the workflow has finished"
 * is n8n CLI behaviour and is not exercised here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ExecutionLifecycleHooks, WebhookContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeType,
	type IWebhookData,
	type IWebhookResponseData,
	type IWorkflowBase,
} from 'n8n-workflow';
import { signPayload } from '../../core/webhook';
import { additionalDataFor, loadWorkflowFixture, runWorkflowFixture, TestCredentialsHelper, TestNodeTypes, type RunResult } from '../harness';
import { call, startApi, type Started } from '../servers/sample-asset-api/helpers';

const FIXTURE = 'asset-webhook.json';
const SECRET = 'whsec-test-5f1c9a';
const NODE_KEY = 'node:Asset Source Webhook Trigger';

interface Receiver {
	url: string;
	/** The workflow runs of every request answered so far, in request order, once they have finished. */
	runs(): Promise<RunResult[]>;
	/** Holds the static data as saved (n8n's database); each request works on its own copy. */
	workflow: Workflow;
	close(): Promise<void>;
}

/** The adapter described in the header: one node type instance (as n8n loads it once), one Workflow and WebhookContext per request. */
async function startReceiver(parameters: INode['parameters'] = {}, secret = SECRET, typeVersion = 1): Promise<Receiver> {
	const fixture = loadWorkflowFixture(FIXTURE);
	const nodes = fixture.nodes.map((n) => (n.name === 'Asset Source Webhook Trigger' ? { ...n, typeVersion, parameters: { ...n.parameters, ...parameters } } : n));
	const workflow = new Workflow({ id: 'wh', name: 'webhook', nodes, connections: fixture.connections, active: true, nodeTypes: new TestNodeTypes(), settings: { executionOrder: 'v1' } });
	const node = workflow.getNode('Asset Source Webhook Trigger')!;
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	const credentials = { assetSourceWebhookApi: { secret } };
	// the adapter answers 202 before the workflow runs, as n8n does, so runs are awaited before reading
	const pending: Array<Promise<RunResult>> = [];

	async function handle(req: IncomingMessage, res: ServerResponse) {
		// n8n reads the static data from its database when a request arrives and saves it once the node answered
		const saved = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
		const own = new Workflow({ id: workflow.id, name: workflow.name, nodes, connections: fixture.connections, active: true, nodeTypes: workflow.nodeTypes, staticData: saved, settings: { executionOrder: 'v1' } });
		// …and has awaited its database before the node runs, so other requests arrive in between
		await new Promise((resolve) => setTimeout(resolve, 20));
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const raw = Buffer.concat(chunks);
		const request = req as IncomingMessage & { rawBody: Buffer; body: unknown };
		request.rawBody = raw;
		try {
			request.body = JSON.parse(raw.toString('utf8'));
		} catch {
			request.body = {};
		}
		const hooks = new ExecutionLifecycleHooks('webhook', 'wh-exec', { id: workflow.id, name: workflow.name, nodes, connections: fixture.connections } as IWorkflowBase);
		const additionalData = additionalDataFor(new TestCredentialsHelper(credentials), hooks, undefined, { httpRequest: request, httpResponse: res });
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'asset-events',
			webhookDescription: nodeType.description.webhooks![0],
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
		} as unknown as IWebhookData;
		const context = new WebhookContext(own, own.getNode(node.name)!, additionalData, 'webhook', webhookData, [], null);
		const result: IWebhookResponseData = await nodeType.webhook!.call(context);
		if (own.staticData.__dataChanged) {
			const { __dataChanged, ...saved } = JSON.parse(JSON.stringify(own.staticData)) as IDataObject;
			workflow.overrideStaticData(saved);
		}
		if (result.noWebhookResponse) return;
		res.writeHead(202, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify({ message: 'Workflow was started' }));
		const run = runWorkflowFixture(
			{ nodes, connections: fixture.connections },
			{ nodeName: node.name, inputItems: result.workflowData![0], mode: 'webhook', credentials },
		);
		pending.push(run);
		await run;
	}

	const server: Server = createServer((req, res) => {
		handle(req, res).catch((error: Error) => {
			if (!res.headersSent) res.writeHead(500);
			res.end(String(error.message));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/asset-events`;
	return {
		url,
		runs: () => Promise.all(pending),
		workflow,
		close: async () => {
			await Promise.all(pending);
			await new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
		},
	};
}

async function post(url: string, body: string, headers: Record<string, string>) {
	const response = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });
	const text = await response.text();
	return { status: response.status, json: text ? JSON.parse(text) : undefined };
}

function signed(body: string, options: { secret?: string; timestamp?: number; eventId?: string } = {}): Record<string, string> {
	const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
	return {
		'X-Timestamp': String(timestamp),
		'X-Signature': signPayload({ secret: options.secret ?? SECRET, body, timestamp }),
		...(options.eventId ? { 'X-Event-Id': options.eventId } : {}),
	};
}

const event = (id: string, type: string, record: IDataObject) => JSON.stringify({ event_id: id, event_type: type, occurred_at: new Date().toISOString(), data: record });

let receiver: Receiver;
afterEach(async () => {
	await receiver?.close();
});

describe('Asset Source Webhook Trigger with signed deliveries from the sample asset API', () => {
	let s: Started;
	afterEach(() => s.stop());

	it('a real signed delivery runs the workflow with the record, change and assetId; the secret appears nowhere', async () => {
		receiver = await startReceiver();
		s = await startApi({ sites: 3, webhookUrl: receiver.url, webhookSecret: SECRET, webhookRetryDelaysMs: [] });
		const [a, b] = s.api.store.list();
		expect((await call('PATCH', `${s.api.url}/api/chargers/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		expect((await call('DELETE', `${s.api.url}/api/chargers/${b.charger_id}`)).status).toBe(204);
		await s.api.webhooksIdle();
		const log = (await call('GET', `${s.api.url}/admin/webhooks`)).json as Array<{ state: string; attempts: Array<{ status?: number }> }>;
		expect(log.map((d) => d.state)).toEqual(['delivered', 'delivered']);
		expect(log[0].attempts[0].status).toBe(202);

		expect(await receiver.runs()).toHaveLength(2);
		const [updated, deleted] = (await receiver.runs()).map((r) => r.runData.Changes[0].data!.main[0]![0].json);
		expect(updated).toMatchObject({ charger_id: a.charger_id, state: 'faulty', change: 'updated', assetId: a.charger_id, eventType: 'charger.updated' });
		expect(deleted).toMatchObject({ change: 'deleted', assetId: b.charger_id, eventType: 'charger.deleted' });
		expect(typeof updated.eventId).toBe('string');
		for (const run of await receiver.runs()) {
			expect(run.error).toBeUndefined();
			expect(JSON.stringify(run.run)).not.toContain(SECRET);
		}
	});
});

describe('Asset Source Webhook Trigger: refusals', () => {
	const body = event('evt_1', 'charger.updated', { charger_id: 'BER-1', state: 'faulty' });

	it('forged signature → 401 with a JSON reason, no run', async () => {
		receiver = await startReceiver();
		const answer = await post(receiver.url, body, signed(body, { secret: 'not-the-secret' }));
		expect(answer.status).toBe(401);
		expect(answer.json).toMatchObject({ error: 'Unauthorized' });
		expect(JSON.stringify(answer.json)).not.toContain(SECRET);
		expect(await receiver.runs()).toHaveLength(0);
	});

	it('a body changed after signing → 401', async () => {
		receiver = await startReceiver();
		const answer = await post(receiver.url, body.replace('faulty', 'offline'), signed(body));
		expect(answer.status).toBe(401);
		expect(await receiver.runs()).toHaveLength(0);
	});

	it('replayed (old) timestamp → 401, even with a correct signature', async () => {
		receiver = await startReceiver();
		const answer = await post(receiver.url, body, signed(body, { timestamp: Math.floor(Date.now() / 1000) - 600 }));
		expect(answer.status).toBe(401);
		expect(answer.json.reason).toMatch(/tolerance/);
		expect(await receiver.runs()).toHaveLength(0);
	});

	it('malformed JSON (correctly signed) → 400 with a JSON error body, no run', async () => {
		receiver = await startReceiver();
		const broken = '{"event_id": "evt_2", "data": {';
		const answer = await post(receiver.url, broken, signed(broken));
		expect(answer.status).toBe(400);
		expect(answer.json).toEqual({ error: 'Bad Request', reason: 'body is not valid JSON' });
		expect(await receiver.runs()).toHaveLength(0);
	});

	it('header token: right token runs, wrong token → 401', async () => {
		receiver = await startReceiver({ authentication: 'headerToken', authHeader: 'Authorization', authScheme: 'Bearer' });
		expect((await post(receiver.url, body, { Authorization: 'Bearer nope' })).status).toBe(401);
		expect((await post(receiver.url, body, { Authorization: `Bearer ${SECRET}` })).status).toBe(202);
		expect(await receiver.runs()).toHaveLength(1);
	});
});

describe('Asset Source Webhook Trigger: payloads and redeliveries', () => {
	it('a redelivered event id is answered 200 and not run again (state in static data, JSON-safe)', async () => {
		receiver = await startReceiver();
		const body = event('evt_dup', 'charger.created', { charger_id: 'NEW-1' });
		expect((await post(receiver.url, body, signed(body, { eventId: 'evt_dup' }))).status).toBe(202);
		const again = await post(receiver.url, body, signed(body, { eventId: 'evt_dup' }));
		expect(again.status).toBe(200);
		expect(again.json).toMatchObject({ status: 'duplicate', eventId: 'evt_dup' });
		expect(await receiver.runs()).toHaveLength(1);
		expect((await receiver.runs())[0].outputs[0]![0].json).toMatchObject({ change: 'created', assetId: 'NEW-1' });
		const stored = JSON.parse(JSON.stringify(receiver.workflow.staticData)) as IDataObject;
		expect(Object.keys(((stored[NODE_KEY] as IDataObject).assetSourceEvents as { seen: object }).seen)).toEqual(['evt_dup']);
	});

	it('takes the duplicate key from the signed body, never from the event id header', async () => {
		receiver = await startReceiver();
		const captured = event('evt_signed', 'charger.updated', { charger_id: 'A-1' });
		const headers = signed(captured, { eventId: 'evt_signed' });
		expect((await post(receiver.url, captured, headers)).status).toBe(202);
		// a replay with a new id header is the same signed event
		const replay = await post(receiver.url, captured, { ...headers, 'X-Event-Id': 'evt_other' });
		expect(replay).toEqual({ status: 200, json: { status: 'duplicate', eventId: 'evt_signed', reason: expect.stringMatching(/already received/) } });
		// a replay naming a future event's id does not make that event be dropped
		expect((await post(receiver.url, captured, { ...headers, 'X-Event-Id': 'evt_future' })).json.status).toBe('duplicate');
		const future = event('evt_future', 'charger.updated', { charger_id: 'A-2' });
		expect((await post(receiver.url, future, signed(future))).status).toBe(202);
		expect((await receiver.runs()).map((run) => run.outputs[0]![0].json.eventId)).toEqual(['evt_signed', 'evt_future']);
	});

	it('without an event id in the body, an exact replay is a duplicate and a re-signed copy is a new delivery', async () => {
		receiver = await startReceiver({ eventIdField: '' });
		const body = event('ignored', 'charger.updated', { charger_id: 'A-1' });
		const sentAt = Math.floor(Date.now() / 1000);
		const headers = signed(body, { timestamp: sentAt });
		expect((await post(receiver.url, body, headers)).status).toBe(202);
		const replay = await post(receiver.url, body, headers);
		expect(replay.json).toMatchObject({ status: 'duplicate', delivery: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) });
		const resigned = await post(receiver.url, body, signed(body, { timestamp: sentAt - 1 }));
		expect(resigned.status).toBe(202);
		expect(await receiver.runs()).toHaveLength(2);
	});

	it('runs ten simultaneous copies of one delivery once, though each request has its own copy of the static data', async () => {
		receiver = await startReceiver();
		const body = event('evt_race', 'charger.updated', { charger_id: 'A-1' });
		const headers = signed(body);
		const answers = await Promise.all(Array.from({ length: 10 }, () => post(receiver.url, body, headers)));
		expect(answers.filter((answer) => answer.status === 202)).toHaveLength(1);
		expect(answers.filter((answer) => answer.status === 200 && answer.json.status === 'duplicate')).toHaveLength(9);
		expect(await receiver.runs()).toHaveLength(1);
	});

	it('array payload, no authentication: one item per record, event type per record', async () => {
		receiver = await startReceiver({ authentication: 'none', payload: 'array', idField: 'id', eventTypeField: 'type' });
		const body = JSON.stringify([
			{ id: 'A', type: 'asset_added', kw: 22 },
			{ id: 'B', type: 'AssetRemoved' },
			{ id: 'C', type: 'mystery' },
		]);
		expect((await post(receiver.url, body, {})).status).toBe(202);
		const items = (await receiver.runs())[0].outputs[0]!.map((i) => i.json);
		expect(items.map((i) => [i.assetId, i.change])).toEqual([
			['A', 'created'],
			['B', 'deleted'],
			['C', 'updated'],
		]);
	});

	it('records at an envelope path, custom event names, unknown types ignored', async () => {
		receiver = await startReceiver({
			authentication: 'none',
			payload: 'path',
			recordsPath: 'payload.items',
			eventTypeField: 'kind',
			eventNames: { deleted: 'retired' },
			unknownEventType: 'ignore',
		});
		const body = JSON.stringify({ kind: 'retired', payload: { items: [{ charger_id: 'X1' }, { charger_id: 'X2', kind: 'weird' }] } });
		expect((await post(receiver.url, body, {})).status).toBe(202);
		expect((await receiver.runs())[0].outputs[0]!.map((i) => [i.json.assetId, i.json.change])).toEqual([['X1', 'deleted']]);

		const nothing = JSON.stringify({ kind: 'weird', payload: { items: [{ charger_id: 'X3' }] } });
		const answer = await post(receiver.url, nothing, {});
		expect(answer.status).toBe(202);
		expect(answer.json.status).toBe('ignored');
		expect(await receiver.runs()).toHaveLength(1);
	});

	it('webhookMethods: nothing to register remotely', async () => {
		const { AssetSourceWebhookTrigger } = await import('../../nodes/AssetSourceWebhookTrigger/AssetSourceWebhookTrigger.node');
		const node = new AssetSourceWebhookTrigger();
		const hooks = node.webhookMethods.default;
		await expect(hooks.checkExists.call({} as never)).resolves.toBe(true);
		expect(node.description.inputs).toEqual([]);
		expect(node.description.usableAsTool).toBeUndefined();
		receiver = undefined as unknown as Receiver;
	});
});

describe('Asset Source Webhook Trigger version 2: optional settings in the Options collection', () => {
	it('reads them from Options (here other signature and timestamp headers) and keeps the defaults of those not added', async () => {
		// only the settings version 2 shows at top level, plus the Options collection
		const parameters = { path: 'asset-events', authentication: 'hmac', payload: 'path', recordsPath: 'data', idField: 'charger_id', responseMode: 'onReceived' };
		receiver = await startReceiver({ ...parameters, options: { signatureHeader: 'X-Sig-2', timestampHeader: 'X-Ts-2', eventTypeField: 'event_type' } }, SECRET, 2);
		const body = event('evt_v2', 'charger.updated', { charger_id: 'BER-2', state: 'faulty' });
		const { 'X-Signature': signature, 'X-Timestamp': timestamp } = signed(body);
		expect((await post(receiver.url, body, { 'X-Signature': signature, 'X-Timestamp': timestamp })).status).toBe(401);
		expect((await post(receiver.url, body, { 'X-Sig-2': signature, 'X-Ts-2': timestamp })).status).toBe(202);
		const runs = await receiver.runs();
		expect(runs).toHaveLength(1);
		expect(runs[0].runData.Changes[0].data!.main[0]![0].json).toMatchObject({ charger_id: 'BER-2', change: 'updated', assetId: 'BER-2', eventType: 'charger.updated' });
	});
});
