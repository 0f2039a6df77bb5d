/**
 * The sync templates as a team runs them: the full scheduled sync and the real-time sync imported into a
 * real n8n with the package installed, credentials pointing at the project's sample asset API and reference
 * CPMS. Each test compares the CPMS with the OCPI network the asset system's records must give, object by object.
 */
import type { ReferenceCpms } from '../../servers/reference-cpms';
import type { SampleAssetApi } from '../../servers/sample-asset-api';
import {
	activateOnly,
	createN8nInstance,
	deliverSigned,
	ensureBuilt,
	ERROR_ALERT_ID,
	executionsOf,
	expectCliSuccess,
	expectedNetwork,
	expectNetworkInSync,
	FULL_SYNC_ID,
	provisionSyncTemplates,
	startSyncServers,
	REALTIME_SYNC_ID,
	shuffle,
	syncWorld,
	updateBurst,
	waitFor,
	type N8nInstance,
	type SyncServers,
	type Template,
} from './support';

// n8n polls on the minute: a poll-path change can take two minutes to show.
jest.setTimeout(8 * 60_000);

const API_KEY = 'e2e-asset-key-5c1e';
const CPMS_TOKEN = 'e2e-cpms-token-0b9d';
const WEBHOOK_SECRET = 'e2e-webhook-secret-77aa';
const SECRETS = { apiKey: API_KEY, cpmsToken: CPMS_TOKEN, webhookSecret: WEBHOOK_SECRET };
const FULL = FULL_SYNC_ID;
const REALTIME = REALTIME_SYNC_ID;
const ALERT = ERROR_ALERT_ID;

let n8n: N8nInstance;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let servers: SyncServers;
let fullSync: Template;

const { addBrokenAssets, assetApi, records, cpmsLocations, writes, evseStatuses, chargerOf, newCharger, patchCharger } = syncWorld(() => api, () => cpms, API_KEY);

/** Waits until the CPMS equals the asset system; fails with the first Location that still differs, shown both ways. */
const expectCpmsInSync = (timeoutMs: number, withTimestamps = false) =>
	expectNetworkInSync(() => expectedNetwork(fullSync, records()), cpmsLocations, timeoutMs, withTimestamps);

beforeAll(async () => {
	ensureBuilt();
	servers = await startSyncServers('ocpi-sync-e2e-', SECRETS);
	({ api, cpms } = servers);
	await addBrokenAssets();
	n8n = await createN8nInstance();
	({ fullSync } = await provisionSyncTemplates(n8n, servers, SECRETS, servers.dir));
	expectCliSuccess(await n8n.cli(['update:workflow', `--id=${FULL}`, '--active=true']), 'activation of the full sync');
	await n8n.start();
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await servers?.close();
});

describe('full scheduled sync template in a real n8n', () => {
	it('the first sync (at activation) leaves the CPMS holding exactly the expected network; broken assets are reported, never sent', async () => {
		// Everything was created by this sync: timestamps included, the CPMS holds exactly what the assets give.
		await expectCpmsInSync(120_000, true);
		const held = cpmsLocations();
		expect(held.size).toBe(10);
		expect([...held.keys()].filter((id) => id.startsWith('BAD-'))).toEqual([]);

		const runs = await waitFor(() => executionsOf(n8n, FULL, { finishedOnly: true }), (all) => all.some((data) => data.includes('BAD-0002')), 30_000);
		const report = runs.find((data) => data.includes('BAD-0002')) ?? '';
		expect(report).toContain("plug type 'Typ 3' has no OCPI ConnectorType value");
		expect(report).toMatch(/unmappable BAD-0001-AC1: .*latitude 152\.1 is out of range/);
		expect(report).not.toContain(CPMS_TOKEN);
		expect(report).not.toContain(API_KEY);
	});

	it('a second, full compare of every asset makes 0 writes', async () => {
		const before = writes();
		// The CLI runs with the server stopped, so two processes never write the sqlite database at once.
		await n8n.stop();
		const run = await n8n.cli(['execute', `--id=${FULL}`]);
		await n8n.start();
		expectCliSuccess(run, 'the full compare');
		expect(writes()).toBe(before);
		expect(cpms.requestLog.list().some((entry) => entry.method === 'GET' && entry.path.includes('/locations/'))).toBe(true);
	});

	it('an addition, a change and a decommission in the asset system reach the CPMS through the poll (decommission → REMOVED)', async () => {
		const changed = chargerOf('MUC-0001');
		const retired = chargerOf('HAM-0001');
		await assetApi('POST', '/api/chargers', newCharger('BER-0001-AC9', 'BER-0001'));
		await assetApi('PATCH', `/api/chargers/${changed.charger_id}`, { state: 'faulty' });
		await assetApi('POST', `/api/chargers/${retired.charger_id}/decommission`);

		await expectCpmsInSync(150_000);
		expect(Object.keys(evseStatuses('BER-0001'))).toContain('BER-0001-AC9-1');
		expect(Object.entries(evseStatuses('MUC-0001')).filter(([uid]) => uid.startsWith(`${changed.charger_id}-`)).map(([, status]) => status)).not.toContain('AVAILABLE');
		const retiredStatuses = Object.entries(evseStatuses('HAM-0001')).filter(([uid]) => uid.startsWith(`${retired.charger_id}-`));
		expect(retiredStatuses.length).toBeGreaterThan(0);
		expect(retiredStatuses.every(([, status]) => status === 'REMOVED')).toBe(true);
	});
});

describe('real-time sync template in a real n8n', () => {
	const hookUrl = () => `${n8n.baseUrl}/webhook/ocpi-asset-events`;

	beforeAll(async () => {
		// The poll would repair the CPMS by itself within a minute; only the webhook path may do it here.
		await activateOnly(n8n, [REALTIME]);
		await assetApi('POST', '/api/webhooks', { url: hookUrl(), secret: WEBHOOK_SECRET });
	}, 5 * 60_000);

	it('an addition, a change and a decommission arrive through signed webhooks within seconds; an invalid asset never reaches the CPMS', async () => {
		const changed = chargerOf('CGN-0001');
		const retired = chargerOf('LEJ-0001');
		await assetApi('POST', '/api/chargers', newCharger('MUC-0001-AC9', 'MUC-0001'));
		await assetApi('PATCH', `/api/chargers/${changed.charger_id}`, { model: 'Wallbox Twin 22 rev. B', state: 'offline' });
		await assetApi('POST', `/api/chargers/${retired.charger_id}/decommission`);
		await assetApi('POST', '/api/chargers', { ...newCharger('BAD-0003-AC1', 'AMS-0001'), site_id: 'BAD-0003', lat: -95 });

		await expectCpmsInSync(60_000);
		expect(cpmsLocations().has('BAD-0003')).toBe(false);
		const reported = (runs: string[]) => runs.some((data) => data.includes('BAD-0003') && data.includes('latitude -95 is out of range'));
		const created = (runs: string[]) => runs.some((data) => data.includes('MUC-0001-AC9'));
		const runs = await waitFor(() => executionsOf(n8n, REALTIME, { finishedOnly: true }), (all) => reported(all) && created(all), 30_000);
		expect(created(runs)).toBe(true);
		expect(reported(runs)).toBe(true);
	});

	it('a burst of 200 webhook events in shuffled order ends with the CPMS equal to the latest asset state', async () => {
		// Quiet the asset system's own deliveries: the test sends the burst itself, stale copies included.
		const hooks = (await (await assetApi('GET', '/api/webhooks')).json()) as Array<{ id: string }>;
		for (const hook of hooks) await assetApi('DELETE', `/api/webhooks/${hook.id}`);
		await api.webhooksIdle();

		const chargers = records().filter((record) => record.state !== 'decommissioned' && !String(record.site_id).startsWith('BAD-'));
		// 200 PATCHes round-robin over the chargers; each charger's last one sets 'in use' (OCPI CHARGING).
		const events = await updateBurst(patchCharger, chargers, 200, 'evt_burst');
		expect(events).toHaveLength(200);
		shuffle(events);

		const statuses = await deliverSigned(hookUrl(), WEBHOOK_SECRET, events);
		expect(statuses.filter((status) => status !== 202)).toEqual([]);

		await expectCpmsInSync(180_000);
		for (const charger of chargers) {
			const site = String(charger.site_id);
			const own = Object.entries(evseStatuses(site)).filter(([uid]) => uid.startsWith(`${charger.charger_id}-`));
			expect(own.map(([, status]) => status).every((status) => status === 'CHARGING')).toBe(true);
		}
	});

	it('when the CPMS refuses an object the run fails on purpose and the error alert workflow turns it into one message', async () => {
		cpms.setFaults({ ocpiErrorNext: 50, ocpiErrorCode: 2001 });
		try {
			const charger = chargerOf('VIE-0001');
			await assetApi('POST', '/api/webhooks', { url: hookUrl(), secret: WEBHOOK_SECRET });
			await assetApi('PATCH', `/api/chargers/${charger.charger_id}`, { state: 'faulty' });
			const alerted = (runs: string[]) => runs.some((data) => data.includes('OCPI sync failed'));
			const alerts = await waitFor(() => executionsOf(n8n, ALERT, { finishedOnly: true }), alerted, 90_000);
			expect(alerts.length).toBeGreaterThan(0);
			const alert = alerts.find((data) => data.includes('OCPI sync failed')) ?? alerts[0];
			expect(alert).toContain('OCPI sync failed');
			expect(alert).toContain('refused by the CPMS');
			expect(alerts.join('\n')).not.toContain(CPMS_TOKEN);
		} finally {
			cpms.setFaults(null);
		}
	});
});
