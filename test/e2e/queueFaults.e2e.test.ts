/**
 * Queue mode under faults: a worker killed in the middle of a full sync, restarts of main and of the whole stack
 * (Postgres and Redis too) while the polling trigger tracks changes, Redis gone for 10 s during a webhook burst,
 * and duplicate webhook deliveries. The CPMS must end equal to the asset system; nothing may be lost, nothing
 * done twice, and no event answered 2xx may be dropped.
 */
import type { ReferenceCpms } from '../../servers/reference-cpms';
import type { SampleAssetApi } from '../../servers/sample-asset-api';
import {
	activateOnly,
	deliverSigned,
	ensureBuilt,
	executionsOf,
	expectCliSuccess,
	expectedNetwork,
	expectNetworkInSync,
	FULL_SYNC_ID,
	provisionSyncTemplates,
	startSyncServers,
	REALTIME_SYNC_ID,
	shuffle,
	startQueueStack,
	syncWorld,
	unfinishedExecutionsOf,
	updateBurst,
	waitFor,
	type AssetEvent,
	type QueueStack,
	type SyncServers,
	type Template,
} from './support';

// n8n polls on the minute.
jest.setTimeout(8 * 60_000);

const API_KEY = 'e2e-faults-asset-key-7e21';
const CPMS_TOKEN = 'e2e-faults-cpms-token-c4a8';
const WEBHOOK_SECRET = 'e2e-faults-webhook-secret-15d0';
const SECRETS = { apiKey: API_KEY, cpmsToken: CPMS_TOKEN, webhookSecret: WEBHOOK_SECRET };

let stack: QueueStack;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let servers: SyncServers;
let fullSync: Template;

const { records, cpmsLocations, writes, chargerOf, patchCharger } = syncWorld(() => api, () => cpms, API_KEY);
const expectCpmsInSync = (timeoutMs: number) => expectNetworkInSync(() => expectedNetwork(fullSync, records()), cpmsLocations, timeoutMs);

/** How many of a workflow's finished runs mention `marker` (a value only one change carries). */
async function runsMentioning(workflowId: string, marker: string): Promise<number> {
	return (await executionsOf(stack.main, workflowId, { finishedOnly: true })).filter((data) => data.includes(marker)).length;
}


/**
 * Changes a charger at a site: a new state (so its EVSE changes at the CPMS) and a model no other change carries
 * (the model is not sent to the CPMS, but the runs' data shows which runs carried this change). Returns the marker.
 */
async function changeCharger(siteId: string, state: string, marker: string): Promise<string> {
	await patchCharger(String(chargerOf(siteId).charger_id), { state, model: marker });
	return marker;
}

/**
 * Waits until some finished run carried the change, then until the site's Location at the CPMS equals what the
 * asset records give. Only that site: whether an earlier fault left another site behind is that test's verdict.
 */
async function expectArrived(marker: string, siteId: string): Promise<void> {
	await waitFor(() => runsMentioning(FULL_SYNC_ID, marker), (count) => count > 0, 150_000);
	const only = <T>(all: Map<string, T>) => new Map([...all].filter(([id]) => id === siteId));
	await expectNetworkInSync(() => only(expectedNetwork(fullSync, records())), () => only(cpmsLocations()), 60_000);
}

beforeAll(async () => {
	ensureBuilt();
	servers = await startSyncServers('ocpi-queue-faults-e2e-', SECRETS);
	({ api, cpms } = servers);
	stack = await startQueueStack();
	({ fullSync } = await provisionSyncTemplates(stack.main, servers, SECRETS, servers.dir));
	expectCliSuccess(await stack.main.cli(['update:workflow', `--id=${FULL_SYNC_ID}`, '--active=true']), 'activation of the full sync');
	// The first sync (at activation) is slowed down, so a worker can be killed while it runs.
	cpms.setFaults({ latencyMs: 400 });
	await stack.start();
}, 25 * 60_000);

afterAll(async () => {
	await stack?.dispose();
	await servers?.close();
});

describe('polling in queue mode under faults', () => {
	it('a worker killed (SIGKILL) in the middle of the first full sync: the sync still converges', async () => {
		const running = await waitFor(async () => {
			const [id] = await unfinishedExecutionsOf(stack.main, FULL_SYNC_ID);
			return id === undefined ? undefined : stack.workerOf(id);
		}, (worker) => worker !== undefined, 120_000);
		expect(running).toBeDefined();
		const victim = stack.workers[running!];
		const writesBeforeKill = writes();
		await victim.stop('SIGKILL');
		cpms.setFaults(null);
		await victim.start();
		// Killed before it was done: the CPMS did not have everything yet.
		expect(writesBeforeKill).toBeLessThan(expectedNetwork(fullSync, records()).size);
		await expectCpmsInSync(240_000);
	});

	it('the poll state survives a restart of main: a change made while main was down arrives once, none twice', async () => {
		const before = await changeCharger('BER-0001', 'faulty', 'Marker model before main restart');
		await expectArrived(before, 'BER-0001');
		await stack.main.stop();
		const during = await changeCharger('MUC-0001', 'offline', 'Marker model while main was down');
		await stack.main.start();
		await expectArrived(during, 'MUC-0001');
		expect(await runsMentioning(FULL_SYNC_ID, before)).toBe(1);
		expect(await runsMentioning(FULL_SYNC_ID, during)).toBe(1);
	});

	it('the poll state survives a restart of the whole stack (Postgres and Redis too)', async () => {
		await stack.stop();
		stack.stopServers();
		const during = await changeCharger('HAM-0001', 'faulty', 'Marker model while the stack was down');
		stack.startServers();
		await stack.start();
		await expectArrived(during, 'HAM-0001');
		expect(await runsMentioning(FULL_SYNC_ID, during)).toBe(1);
		expect(await runsMentioning(FULL_SYNC_ID, 'Marker model while main was down')).toBe(1);
	});
});

describe('webhooks in queue mode under faults', () => {
	const hookUrl = () => `${stack.webhook.baseUrl}/webhook/ocpi-asset-events`;
	const chargers = () => records().filter((record) => record.state !== 'decommissioned');

	/** Delivers the events; a refused connection counts as status 0 (the asset system sees an error either way). */
	async function deliver(events: AssetEvent[]): Promise<Map<string, number>> {
		const answered = new Map<string, number>();
		for (const event of events) {
			const [status] = await deliverSigned(hookUrl(), WEBHOOK_SECRET, [event]).catch(() => [0]);
			answered.set(event.id, status);
		}
		return answered;
	}

	beforeAll(async () => {
		// Only the webhook path may change the CPMS here.
		await activateOnly(stack.main, [REALTIME_SYNC_ID]);
	}, 5 * 60_000);

	it('Redis stopped for 10 s during a burst: every event answered 2xx is processed, the others were refused visibly', async () => {
		const events = await updateBurst(patchCharger, chargers(), 100, 'evt_redis_gap');
		shuffle(events);
		const first = await deliver(events.slice(0, 30));
		stack.stopRedis();
		const back = new Promise<void>((resolve) => setTimeout(() => resolve(stack.startRedis()), 10_000));
		const rest = await deliver(events.slice(30));
		await back;
		const answered = new Map([...first, ...rest]);
		const accepted = [...answered].filter(([, status]) => status >= 200 && status < 300).map(([id]) => id);
		const refused = [...answered].filter(([, status]) => status < 200 || status >= 300).map(([id]) => id);
		console.info(`queue mode, Redis down 10 s: ${accepted.length} events accepted, ${refused.length} refused (${[...new Set(refused.map((id) => answered.get(id)))].join(', ')})`);

		// Every accepted event has a finished run that carried it.
		const carried = (runs: string[]) => accepted.filter((id) => !runs.some((data) => data.includes(id)));
		const missing = carried(await waitFor(() => executionsOf(stack.main, REALTIME_SYNC_ID, { finishedOnly: true }), (runs) => carried(runs).length === 0, 240_000));
		expect(missing).toEqual([]);
		// The asset system retries what was refused; then the CPMS equals the asset system.
		const retried = await deliver(events.filter((event) => refused.includes(event.id)));
		expect([...retried.values()].filter((status) => status !== 202)).toEqual([]);
		await expectCpmsInSync(180_000);
	});

	it('duplicate deliveries through the webhook processor: processed once, or rerun without a single write', async () => {
		const events = await updateBurst(patchCharger, chargers().slice(0, 10), 20, 'evt_duplicate');
		const first = await deliver(events);
		expect([...first.values()].filter((status) => status !== 202)).toEqual([]);
		await expectCpmsInSync(120_000);
		const carriedAll = async () => {
			const runs = await executionsOf(stack.main, REALTIME_SYNC_ID, { finishedOnly: true });
			return events.every((event) => runs.some((data) => data.includes(event.id)));
		};
		await waitFor(carriedAll, Boolean, 60_000);
		const writesBefore = writes();
		const runsBefore = (await executionsOf(stack.main, REALTIME_SYNC_ID)).length;

		const again = await deliver(events);
		const rerun = [...again.values()].filter((status) => status === 202).length;
		console.info(`queue mode, duplicates: ${again.size - rerun} answered as duplicates, ${rerun} run again`);
		expect([...again.values()].filter((status) => status !== 202 && status !== 200)).toEqual([]);
		// Whatever ran again has finished before writes are compared.
		const total = await waitFor(async () => (await executionsOf(stack.main, REALTIME_SYNC_ID, { finishedOnly: true })).length, (count) => count >= runsBefore + rerun, 120_000);
		expect(total).toBeGreaterThanOrEqual(runsBefore + rerun);
		expect(writes()).toBe(writesBefore);
	});
});
