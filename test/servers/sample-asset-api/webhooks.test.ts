import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { acceptEventId, extractRecords, mapEventType, verifySignature, type DedupeState } from '../../../core/webhook';
import { readBody } from '../../../servers/shared/http';
import { call, startApi, type Started } from './helpers';

const SECRET = 'receiver-secret';

interface Received {
	headers: Record<string, string | string[] | undefined>;
	body: string;
}

/** A local webhook receiver that records raw bodies and can fail the first N requests. */
async function startReceiver(): Promise<{ url: string; received: Received[]; failNext: (n: number) => void; close: () => Promise<void> }> {
	const received: Received[] = [];
	let failures = 0;
	const server: Server = createServer(async (req, res) => {
		const body = await readBody(req, 1024 * 1024);
		received.push({ headers: req.headers, body });
		res.writeHead(failures-- > 0 ? 500 : 204);
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		received,
		failNext: (n) => (failures = n),
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('sample asset API: signed webhooks, verified with the core verifier', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	let s: Started;
	beforeAll(async () => {
		receiver = await startReceiver();
		s = await startApi({ sites: 3, webhookUrl: receiver.url, webhookSecret: SECRET, webhookRetryDelaysMs: [20, 20] });
	});
	afterEach(() => {
		receiver.received.length = 0;
		receiver.failNext(0);
	});
	afterAll(async () => {
		await s.stop();
		await receiver.close();
	});

	it('sends created, updated, decommissioned and deleted events in order, each verifiable', async () => {
		const base = `${s.api.url}/api/chargers`;
		await call('POST', base, { charger_id: 'HK-1', site_id: 'HK' });
		await call('PATCH', `${base}/HK-1`, { state: 'faulty' });
		await call('POST', `${base}/HK-1/decommission`);
		await call('DELETE', `${base}/HK-1`);
		await s.api.webhooksIdle();
		expect(receiver.received).toHaveLength(4);
		const changes = receiver.received.map(({ headers, body }) => {
			const check = verifySignature({ secret: SECRET, body, signature: headers['x-signature'], timestamp: headers['x-timestamp'], toleranceSeconds: 300 });
			expect(check).toEqual({ valid: true, reason: 'signature matches the timestamp and body' });
			const event = JSON.parse(body);
			expect(headers['x-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
			expect(event).toEqual({ event_id: expect.stringMatching(/^evt_/), event_type: expect.any(String), occurred_at: expect.any(String), data: expect.objectContaining({ charger_id: 'HK-1' }) });
			const [record] = extractRecords(body, { mode: 'path', path: 'data' }).records;
			return [event.event_type, mapEventType(event.event_type).change, record.state];
		});
		expect(changes).toEqual([
			['charger.created', 'created', 'in service'],
			['charger.updated', 'updated', 'faulty'],
			['charger.decommissioned', 'updated', 'decommissioned'],
			['charger.deleted', 'deleted', 'decommissioned'],
		]);
	});

	it('a tampered body, the wrong secret, or a replay later than the tolerance fails verification', async () => {
		await call('PATCH', `${s.api.url}/api/chargers/${s.api.store.list()[0].charger_id}`, { model: 'x' });
		await s.api.webhooksIdle();
		const [{ headers, body }] = receiver.received;
		const base = { signature: headers['x-signature'], timestamp: headers['x-timestamp'], toleranceSeconds: 300 };
		expect(verifySignature({ ...base, secret: SECRET, body: body.replace('"model":"x"', '"model":"y"') }).valid).toBe(false);
		expect(verifySignature({ ...base, secret: 'wrong', body }).valid).toBe(false);
		expect(verifySignature({ ...base, secret: SECRET, body, nowMs: Date.now() + 600_000 }).reason).toMatch(/tolerance/);
		expect(verifySignature({ ...base, secret: SECRET, body, timestamp: undefined }).reason).toBe('timestamp header missing');
	});

	it('retries a failed delivery with the same event id; the receiver drops the redelivery by id', async () => {
		receiver.failNext(1);
		await call('PATCH', `${s.api.url}/api/chargers/${s.api.store.list()[0].charger_id}`, { model: 'retry me' });
		await s.api.webhooksIdle();
		expect(receiver.received).toHaveLength(2);
		const ids = receiver.received.map((r) => JSON.parse(r.body).event_id);
		expect(ids[0]).toBe(ids[1]);
		let state: DedupeState | undefined;
		const accepted = ids.map((id) => {
			const result = acceptEventId(state, id, { windowSeconds: 3600 });
			state = JSON.parse(JSON.stringify(result.nextState));
			return result.accept;
		});
		expect(accepted).toEqual([true, false]);
		const log = (await call('GET', `${s.api.url}/admin/webhooks`)).json;
		const entry = log.find((d: { event_id: string }) => d.event_id === ids[0]);
		expect(entry).toMatchObject({ state: 'delivered', attempts: [{ status: 500 }, { status: 204 }] });
	});

	it('gives up after the last retry and logs it as failed', async () => {
		receiver.failNext(10);
		await call('PATCH', `${s.api.url}/api/chargers/${s.api.store.list()[0].charger_id}`, { model: 'never' });
		await s.api.webhooksIdle();
		const log = s.api.webhooks.log();
		expect(log[log.length - 1]).toMatchObject({ state: 'failed', attempts: [{ status: 500 }, { status: 500 }, { status: 500 }] });
	});

	it('delivers to subscriptions registered at /api/webhooks with their own secret, and stops after DELETE', async () => {
		const other = await startReceiver();
		try {
			const sub = await call('POST', `${s.api.url}/api/webhooks`, { url: other.url, secret: 'sub-secret' });
			expect(sub.status).toBe(201);
			expect(sub.json).not.toHaveProperty('secret');
			expect((await call('GET', `${s.api.url}/api/webhooks`)).json).toEqual([expect.objectContaining({ id: sub.json.id, url: other.url })]);
			await call('PATCH', `${s.api.url}/api/chargers/${s.api.store.list()[0].charger_id}`, { model: 'both' });
			await s.api.webhooksIdle();
			expect(other.received).toHaveLength(1);
			const [{ headers, body }] = other.received;
			expect(verifySignature({ secret: 'sub-secret', body, signature: headers['x-signature'], timestamp: headers['x-timestamp'], toleranceSeconds: 60 }).valid).toBe(true);
			expect((await call('DELETE', `${s.api.url}/api/webhooks/${sub.json.id}`)).status).toBe(204);
			await call('PATCH', `${s.api.url}/api/chargers/${s.api.store.list()[0].charger_id}`, { model: 'flag target only' });
			await s.api.webhooksIdle();
			expect(other.received).toHaveLength(1);
		} finally {
			await other.close();
		}
	});
});
