/**
 * The sync templates in n8n's queue mode: main (polls, schedules), one webhook processor (answers the asset
 * system's webhooks), two workers (run every execution), Redis and Postgres. The CPMS must end equal to the
 * asset system object by object, and the execution records must show the workers ran the syncs.
 */
import type { ReferenceCpms } from '../../servers/reference-cpms';
import type { SampleAssetApi } from '../../servers/sample-asset-api';
import {
	activateOnly,
	deliverSigned,
	ensureBuilt,
	expectCliSuccess,
	expectedNetwork,
	expectNetworkInSync,
	FULL_SYNC_ID,
	provisionSyncTemplates,
	startSyncServers,
	queryN8nDatabase,
	REALTIME_SYNC_ID,
	shuffle,
	startQueueStack,
	syncWorld,
	unfinishedExecutionsOf,
	updateBurst,
	waitFor,
	type QueueStack,
	type SyncServers,
	type Template,
} from './support';

// n8n polls and schedules on the minute.
jest.setTimeout(8 * 60_000);

const API_KEY = 'e2e-queue-asset-key-41d2';
const CPMS_TOKEN = 'e2e-queue-cpms-token-9a0c';
const WEBHOOK_SECRET = 'e2e-queue-webhook-secret-3f1b';
const SECRETS = { apiKey: API_KEY, cpmsToken: CPMS_TOKEN, webhookSecret: WEBHOOK_SECRET };

let stack: QueueStack;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let servers: SyncServers;
let fullSync: Template;

const { addBrokenAssets, assetApi, records, cpmsLocations, writes, evseStatuses, chargerOf, newCharger, patchCharger } = syncWorld(() => api, () => cpms, API_KEY);
const expectCpmsInSync = (timeoutMs: number, withTimestamps = false) =>
	expectNetworkInSync(() => expectedNetwork(fullSync, records()), cpmsLocations, timeoutMs, withTimestamps);
/** GETs of what the CPMS holds: single Locations and pages of its Locations list (Sender interface). */
const reads = () => cpms.requestLog.list().filter((entry) => entry.method === 'GET' && entry.path.includes('/locations')).length;

interface Run {
	id: number;
	status: string;
	/** 'integrated': a batch of the full compare, run by Execute Workflow inside its parent's worker, not a queued job. */
	mode: string;
	/** Index in stack.workers of the worker that ran it; undefined when no worker did. */
	worker?: number;
}

/** A workflow's finished executions, from n8n's execution records, each with the worker that ran it. */
async function finishedRuns(workflowId: string): Promise<Run[]> {
	const sql = `SELECT id, status, mode FROM execution_entity WHERE "workflowId" = ? AND status IN ('success', 'error', 'crashed', 'canceled') ORDER BY id`;
	const rows = await queryN8nDatabase<{ id: string | number; status: string; mode: string }>(stack.main, sql, [workflowId]);
	return rows.map((row) => ({ id: Number(row.id), status: row.status, mode: row.mode, worker: stack.workerOf(row.id) }));
}

/** How many runs each worker ran, in stack.workers order. */
const spread = (runs: Run[]) => stack.workers.map((_, index) => runs.filter((run) => run.worker === index).length);

beforeAll(async () => {
	ensureBuilt();
	servers = await startSyncServers('ocpi-queue-e2e-', SECRETS);
	({ api, cpms } = servers);
	await addBrokenAssets();
	stack = await startQueueStack();
	({ fullSync } = await provisionSyncTemplates(stack.main, servers, SECRETS, servers.dir, { fullCompareEveryMinute: true }));
	expectCliSuccess(await stack.main.cli(['update:workflow', `--id=${FULL_SYNC_ID}`, '--active=true']), 'activation of the full sync');
	await stack.start();
}, 25 * 60_000);

afterAll(async () => {
	await stack?.dispose();
	await servers?.close();
});

describe('full scheduled sync in queue mode', () => {
	it('the first sync (at activation) leaves the CPMS holding exactly the expected network, run by the workers', async () => {
		await expectCpmsInSync(150_000, true);
		expect(cpmsLocations().size).toBe(10);
		const runs = await waitFor(() => finishedRuns(FULL_SYNC_ID), (all) => all.length > 0, 60_000);
		expect(runs.length).toBeGreaterThan(0);
		// Main only enqueues: every queued run was taken by one of the workers (a full compare's batches run inside
		// their parent's worker, so the worker log names only the parent).
		expect(runs.filter((run) => run.mode !== 'integrated' && run.worker === undefined)).toEqual([]);
	});

	it('the next scheduled full compare, on a worker, reads what the CPMS holds and makes 0 writes', async () => {
		// runs of the first sync still under way could still write what they planned before the CPMS was complete
		await waitFor(() => unfinishedExecutionsOf(stack.main, FULL_SYNC_ID), (ids) => ids.length === 0, 150_000);
		const seen = Math.max(0, ...(await finishedRuns(FULL_SYNC_ID)).map((run) => run.id));
		const before = { writes: writes(), reads: reads() };
		// the parent compare, not its plan or a batch (sub-executions, mode 'integrated', which finish before it)
		const isCompare = (run: Run) => run.id > seen && run.mode !== 'integrated';
		const runs = await waitFor(() => finishedRuns(FULL_SYNC_ID), (all) => all.some(isCompare), 300_000);
		const compare = runs.find(isCompare);
		// the two broken assets (addBrokenAssets) are unmappable, so the template ends the run as an error on purpose
		expect(compare).toMatchObject({ status: 'error' });
		expect(compare?.worker).toBeDefined();
		expect(reads()).toBeGreaterThan(before.reads);
		expect(writes()).toBe(before.writes);
	});
});

describe('real-time sync in queue mode (webhooks answered by the webhook processor)', () => {
	const hookUrl = () => `${stack.webhook.baseUrl}/webhook/ocpi-asset-events`;

	beforeAll(async () => {
		// Only the webhook path may repair the CPMS here; main restarts to take the new activation.
		await activateOnly(stack.main, [REALTIME_SYNC_ID]);
		await assetApi('POST', '/api/webhooks', { url: hookUrl(), secret: WEBHOOK_SECRET });
	}, 5 * 60_000);

	it('an addition, a change and a decommission reach the CPMS through signed webhooks', async () => {
		const changed = chargerOf('CGN-0001');
		const retired = chargerOf('LEJ-0001');
		await assetApi('POST', '/api/chargers', newCharger('MUC-0001-AC9', 'MUC-0001'));
		await assetApi('PATCH', `/api/chargers/${changed.charger_id}`, { model: 'Wallbox Twin 22 rev. B', state: 'offline' });
		await assetApi('POST', `/api/chargers/${retired.charger_id}/decommission`);

		await expectCpmsInSync(90_000);
		expect(Object.keys(evseStatuses('MUC-0001'))).toContain('MUC-0001-AC9-1');
		const runs = await waitFor(() => finishedRuns(REALTIME_SYNC_ID), (all) => all.length >= 3, 30_000);
		expect(runs.filter((run) => run.worker === undefined)).toEqual([]);
	});

	it('a burst of 200 webhook events in shuffled order ends with the CPMS equal to the asset system, run on both workers', async () => {
		// Quiet the asset system's own deliveries: the test sends the burst itself, stale copies included.
		const hooks = (await (await assetApi('GET', '/api/webhooks')).json()) as Array<{ id: string }>;
		for (const hook of hooks) await assetApi('DELETE', `/api/webhooks/${hook.id}`);
		await api.webhooksIdle();
		const before = (await finishedRuns(REALTIME_SYNC_ID)).length;

		const chargers = records().filter((record) => record.state !== 'decommissioned' && !String(record.site_id).startsWith('BAD-'));
		const events = await updateBurst(patchCharger, chargers, 200, 'evt_queue_burst');
		shuffle(events);
		const statuses = await deliverSigned(hookUrl(), WEBHOOK_SECRET, events);
		expect(statuses.filter((status) => status !== 202)).toEqual([]);

		await expectCpmsInSync(240_000);
		for (const charger of chargers) {
			const own = Object.entries(evseStatuses(String(charger.site_id))).filter(([uid]) => uid.startsWith(`${charger.charger_id}-`));
			expect(own.map(([, status]) => status).every((status) => status === 'CHARGING')).toBe(true);
		}
		const runs = (await waitFor(() => finishedRuns(REALTIME_SYNC_ID), (all) => all.length >= before + 200, 120_000)).slice(before);
		expect(runs).toHaveLength(200);
		expect(runs.filter((run) => run.worker === undefined)).toEqual([]);
		const perWorker = spread(runs);
		console.info(`queue mode: 200 webhook runs per worker: ${perWorker.join(' / ')}`);
		expect(perWorker.every((count) => count > 0)).toBe(true);
	});

	it('a batch of 100 new chargers on 10 new sites, announced by the asset system\'s own webhooks, all reach the CPMS, run on both workers', async () => {
		await assetApi('POST', '/api/webhooks', { url: hookUrl(), secret: WEBHOOK_SECRET });
		const before = (await finishedRuns(REALTIME_SYNC_ID)).length;
		for (let site = 1; site <= 10; site++) {
			const siteId = `NEW-${String(site).padStart(4, '0')}`;
			for (let charger = 1; charger <= 10; charger++) {
				await assetApi('POST', '/api/chargers', newCharger(`${siteId}-AC${charger}`, 'BER-0001', { site_id: siteId, site_name: `New site ${site}` }));
			}
		}
		await api.webhooksIdle();

		await expectCpmsInSync(240_000);
		for (let site = 1; site <= 10; site++) expect(Object.keys(evseStatuses(`NEW-${String(site).padStart(4, '0')}`))).toHaveLength(10);
		const runs = (await waitFor(() => finishedRuns(REALTIME_SYNC_ID), (all) => all.length >= before + 100, 120_000)).slice(before);
		expect(runs.length).toBeGreaterThanOrEqual(100);
		const perWorker = spread(runs);
		console.info(`queue mode: 100 new chargers, runs per worker: ${perWorker.join(' / ')}`);
		expect(perWorker.every((count) => count > 0)).toBe(true);
	});
});
