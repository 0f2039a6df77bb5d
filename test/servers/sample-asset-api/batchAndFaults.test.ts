/** The sample asset API's options for data-safety tests: default page size, failing pages, batches, changed-fields-only events. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from '../../../servers/shared/http';
import { call, startApi, type Started } from './helpers';

/** `holdUntil`: answers wait until this many deliveries are open at once (1 = answer at once). */
async function startReceiver(holdUntil = 1): Promise<{ url: string; bodies: Array<Record<string, any>>; inFlightMax: () => number; close: () => Promise<void> }> {
	const bodies: Array<Record<string, any>> = [];
	let inFlight = 0;
	let max = 0;
	const held: Array<() => void> = [];
	const server: Server = createServer(async (req, res) => {
		inFlight++;
		max = Math.max(max, inFlight);
		bodies.push(JSON.parse(await readBody(req, 1024 * 1024)));
		// holding answers until several deliveries are open at once proves they were sent together
		await new Promise<void>((resolve) => {
			held.push(resolve);
			if (held.length >= holdUntil) held.splice(0).forEach((release) => release());
		});
		inFlight--;
		res.writeHead(204);
		res.end();
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
		bodies,
		inFlightMax: () => max,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const charger = (id: string, site: string) => ({ charger_id: id, site_id: site, outlets: [{ no: 1, plug: 'Typ 2', kw: '11' }] });

describe('sample asset API: lists', () => {
	let s: Started;
	afterEach(() => s.stop());

	it('a default page size answers a bare list request with page 1 only, and says there is more', async () => {
		s = await startApi({ sites: 20, defaultPageSize: 10 });
		const bare = await call('GET', `${s.api.url}/api/chargers`);
		expect(bare.json).toMatchObject({ page: 1, per_page: 10, total: s.api.store.list().length });
		expect(bare.json.data).toHaveLength(10);
		expect(bare.json.total).toBeGreaterThan(10);
	});

	it('site_id filters; a failing page answers 500 as often as asked, then recovers', async () => {
		s = await startApi({ sites: 5, faults: { failListPage: 2, failListPageTimes: 1 } });
		const site = s.api.store.list()[0].site_id;
		const filtered = await call('GET', `${s.api.url}/api/chargers?site_id=${site}`);
		expect(filtered.json.data.length).toBeGreaterThan(0);
		expect(filtered.json.data.every((r: { site_id: string }) => r.site_id === site)).toBe(true);
		expect((await call('GET', `${s.api.url}/api/chargers?page=2&per_page=2`)).status).toBe(500);
		expect((await call('GET', `${s.api.url}/api/chargers?page=2&per_page=2`)).status).toBe(200);
		expect((await call('PUT', `${s.api.url}/admin/faults`, { failListPage: 1 })).status).toBe(200);
		expect((await call('GET', `${s.api.url}/api/chargers?offset=0&limit=2`)).status).toBe(500);
	});
});

describe('sample asset API: batches and change events', () => {
	let s: Started;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	afterEach(async () => {
		await s.stop();
		await receiver.close();
	});

	it('a batch creates every record first, then sends one event per record all at once', async () => {
		receiver = await startReceiver(5);
		s = await startApi({ sites: 1, webhookUrl: receiver.url, webhookRetryDelaysMs: [] });
		const records = Array.from({ length: 10 }, (_, n) => charger(`NEW-${n}`, `SITE-${n % 2}`));
		const created = await call('POST', `${s.api.url}/api/chargers/batch`, { records });
		expect(created.status).toBe(201);
		expect(created.json.created).toBe(10);
		await s.api.webhooksIdle();
		expect(receiver.bodies.map((b) => b.data.charger_id).sort()).toEqual(records.map((r) => r.charger_id).sort());
		expect(receiver.bodies.every((b) => b.event_type === 'charger.created')).toBe(true);
		expect(receiver.inFlightMax()).toBeGreaterThanOrEqual(5);
	});

	it('a keyed batch sends one event naming every key; a failing record stops the batch and says where', async () => {
		receiver = await startReceiver();
		s = await startApi({ sites: 1, webhookUrl: receiver.url, webhookRetryDelaysMs: [] });
		const records = Array.from({ length: 5 }, (_, n) => charger(`KEY-${n}`, 'SITE-K'));
		expect((await call('POST', `${s.api.url}/api/chargers/batch`, { records, events: 'keys' })).status).toBe(201);
		await s.api.webhooksIdle();
		expect(receiver.bodies).toHaveLength(1);
		expect(receiver.bodies[0]).toMatchObject({ event_type: 'charger.created', keys: records.map((r) => r.charger_id) });
		expect(receiver.bodies[0].data).toBeUndefined();

		const clash = await call('POST', `${s.api.url}/api/chargers/batch`, { records: [charger('KEY-9', 'SITE-K'), charger('KEY-0', 'SITE-K')] });
		expect(clash.status).toBe(409);
		expect(clash.json).toMatchObject({ index: 1, created: 1 });
	});

	it('changed-fields-only: an update event carries the id and what changed, not the record', async () => {
		receiver = await startReceiver();
		s = await startApi({ sites: 2, webhookUrl: receiver.url, webhookRetryDelaysMs: [], changedFieldsOnly: true });
		const id = s.api.store.list()[0].charger_id;
		await call('PATCH', `${s.api.url}/api/chargers/${id}`, { state: 'faulty' });
		await call('POST', `${s.api.url}/api/chargers/${id}/decommission`);
		await s.api.webhooksIdle();
		expect(receiver.bodies.map((b) => b.data)).toEqual([
			{ state: 'faulty', charger_id: id },
			{ state: 'decommissioned', charger_id: id },
		]);
	});
});
