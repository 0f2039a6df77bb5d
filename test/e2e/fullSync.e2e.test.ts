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
	nodeOf,
	provisionSyncTemplates,
	queryN8nDatabase,
	REALTIME_SYNC_ID,
	runInServer,
	shuffle,
	startSyncServers,
	syncWorld,
	updateBurst,
	waitFor,
	type N8nInstance,
	type SyncLedger,
	type SyncServers,
	type Template,
} from './support';

// n8n polls on the minute: a poll-path change can take two minutes to show.
jest.setTimeout(8 * 60_000);

const API_KEY = 'e2e-asset-key-5c1e';
const CPMS_TOKEN = 'e2e-cpms-token-0b9d';
const WEBHOOK_SECRET = 'e2e-webhook-secret-77aa';
const SECRETS = { apiKey: API_KEY, cpmsToken: CPMS_TOKEN, webhookSecret: WEBHOOK_SECRET };

let n8n: N8nInstance;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let servers: SyncServers;
let fullSync: Template;
let ledger: SyncLedger;

/**
 * Runs the full compare in the server, as the editor's button does, and returns its status and every execution
 * it made (the parent and one per batch of sites), newest last, as stored.
 */
async function fullCompare(): Promise<{ status: string; stored: string }> {
	const [{ last }] = await queryN8nDatabase<{ last: number | null }>(n8n, 'SELECT MAX(id) AS last FROM execution_entity', []);
	const run = await runInServer(n8n, ledger.owner, FULL_SYNC_ID, 'Run a full compare now', 240_000);
	const rows = await queryN8nDatabase<{ data: string }>(n8n, 'SELECT d.data AS data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = ? AND e.id > ? AND e.mode != ? ORDER BY e.id', [FULL_SYNC_ID, Number(last ?? 0), 'trigger']);
	return { status: run.status, stored: rows.map((row) => row.data).join('\n') };
}

const { addBrokenAssets, assetApi, records, cpmsLocations, evseStatuses, chargerOf, newCharger, patchCharger } = syncWorld(() => api, () => cpms, API_KEY);
/** Waits until the CPMS equals the asset system; fails with the first Location that still differs, shown both ways. */
const expectCpmsInSync = (timeoutMs: number, withTimestamps = false) =>
	expectNetworkInSync(() => expectedNetwork(fullSync, records()), cpmsLocations, timeoutMs, withTimestamps);

beforeAll(async () => {
	ensureBuilt();
	// The asset API pages by default (4 records) as many CMSs do: a read that does not page sees a fraction of the network.
	servers = await startSyncServers('ocpi-sync-e2e-', SECRETS, { defaultPageSize: 4 });
	({ api, cpms } = servers);
	await addBrokenAssets();
	n8n = await createN8nInstance();
	// Small pages, so the full compare reads a site with three chargers in two pages, and the second can fail.
	({ fullSync, ledger } = await provisionSyncTemplates(n8n, servers, SECRETS, servers.dir, { fullComparePageSize: 2 }));
	expectCliSuccess(await n8n.cli(['update:workflow', `--id=${FULL_SYNC_ID}`, '--active=true']), 'activation of the full sync');
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

		const runs = await waitFor(() => executionsOf(n8n, FULL_SYNC_ID, { finishedOnly: true }), (all) => all.some((data) => data.includes('BAD-0002')), 30_000);
		const report = runs.find((data) => data.includes('BAD-0002')) ?? '';
		expect(report).toContain("plug type 'Typ 3' has no OCPI ConnectorType value");
		expect(report).toMatch(/unmappable BAD-0001-AC1: .*latitude 152\.1 is out of range/);
		expect(report).not.toContain(CPMS_TOKEN);
		expect(report).not.toContain(API_KEY);
	});

	it('the full compare reads the CPMS once (Sender pages), every site over every page, sends 0 requests per Location and 0 writes, and reports the broken assets', async () => {
		// More records than one default page: a compare that did not page would build a fraction of the Locations.
		expect(records().length).toBeGreaterThan(4 * 3);
		const expectedIds = [...expectedNetwork(fullSync, records()).keys()].sort();
		expect(expectedIds).toHaveLength(10);
		const started = new Date().toISOString();
		const run = await fullCompare();
		const during = cpms.requestLog.list().filter((entry) => entry.time >= started);
		// The CPMS was read once, as a list: what it holds for each Location came from there, not from a GET each.
		expect(during.filter((entry) => entry.method === 'GET' && entry.path.includes('/sender/locations')).length).toBeGreaterThan(0);
		expect(during.filter((entry) => entry.method === 'GET' && /\/locations\/DE\/AMP\//.test(entry.path))).toEqual([]);
		expect(during.filter((entry) => entry.method !== 'GET')).toEqual([]);
		// Every Location was compared and found equal (the Push's summary of the batch), none was written.
		expect(run.stored).toMatch(/10 Location\(s\): 10 unchanged; 0 request\(s\)/);
		// The two broken assets are unmappable on every run: the compare says so and does not end as success.
		expect(run.status).toBe('error');
		expect(run.stored).toContain('2 asset(s) could not be mapped');
		expect(run.stored).toContain('batch(es) of sites had problems');
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

	/** Sends an event as the asset system would (signed); returns the HTTP status. */
	const postSigned = async (id: string, body: string): Promise<number> => (await deliverSigned(hookUrl(), WEBHOOK_SECRET, [{ id, body }]))[0];

	beforeAll(async () => {
		// The poll would repair the CPMS by itself within a minute; only the webhook path may do it here.
		await activateOnly(n8n, [REALTIME_SYNC_ID]);
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
		const runs = await waitFor(() => executionsOf(n8n, REALTIME_SYNC_ID, { finishedOnly: true }), (all) => reported(all) && created(all), 30_000);
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

	it('an event carrying only the changed fields, and one naming a charger by key, are read back as whole sites, never mapped as fragments', async () => {
		// No subscription is left after the burst: only the events this test sends reach n8n.
		const inService = records().filter((record) => record.state === 'in use' && /^[A-Z]{3}-\d{4}$/.test(String(record.site_id)));
		const one = inService[0];
		const two = inService.find((record) => record.site_id !== one.site_id)!;
		for (const charger of [one, two]) await assetApi('PATCH', `/api/chargers/${charger.charger_id}`, { state: 'faulty' });
		const occurred_at = new Date().toISOString();
		const changedOnly = JSON.stringify({ event_id: 'evt_changed_only_1', event_type: 'charger.updated', occurred_at, data: { charger_id: one.charger_id, state: 'faulty' } });
		const keyed = JSON.stringify({ event_id: 'evt_keyed_1', event_type: 'charger.updated', occurred_at, keys: [two.charger_id] });
		expect(await postSigned('evt_changed_only_1', changedOnly)).toBe(202);
		expect(await postSigned('evt_keyed_1', keyed)).toBe(202);

		await expectCpmsInSync(60_000);
		for (const charger of [one, two]) {
			const own = Object.entries(evseStatuses(String(charger.site_id))).filter(([uid]) => uid.startsWith(`${charger.charger_id}-`));
			expect(own.length).toBeGreaterThan(0);
			expect(own.map(([, status]) => status)).not.toContain('CHARGING');
		}
		const ran = (runs: string[]) => ['evt_changed_only_1', 'evt_keyed_1'].every((id) => runs.some((data) => data.includes(id)));
		const runs = await waitFor(() => executionsOf(n8n, REALTIME_SYNC_ID, { finishedOnly: true }), ran, 30_000);
		const theirs = runs.filter((data) => data.includes('evt_changed_only_1') || data.includes('evt_keyed_1'));
		expect(theirs).toHaveLength(2);
		expect(theirs.join('\n')).not.toContain('no connectors');
	});

	it.each(['each', 'keys'] as const)(
		'100 chargers on 10 new sites created in one batch (events: %s), 5 times: after each burst the CPMS equals the asset system, 0 lost',
		async (events) => {
			const hook = (await (await assetApi('POST', '/api/webhooks', { url: hookUrl(), secret: WEBHOOK_SECRET })).json()) as { id: string };
			try {
				for (let round = 1; round <= 5; round++) {
					const batch = Array.from({ length: 100 }, (_, n) => {
						const site = `NEW-${events}-${round}-${n % 10}`;
						return newCharger(`${site}-C${Math.floor(n / 10)}`, 'BER-0001', { site_id: site, site_name: `New site ${site}` });
					});
					const created = (await (await assetApi('POST', '/api/chargers/batch', { records: batch, events })).json()) as { created: number };
					expect(created.created).toBe(100);
					await api.webhooksIdle();
					await expectCpmsInSync(300_000);
					const lost = batch.filter((charger) => !Object.keys(evseStatuses(String(charger.site_id))).includes(`${charger.charger_id}-1`));
					expect({ round, lost: lost.map((charger) => charger.charger_id) }).toEqual({ round, lost: [] });
				}
			} finally {
				await assetApi('DELETE', `/api/webhooks/${hook.id}`);
			}
		},
		40 * 60_000,
	);

	it('when the CPMS refuses an object the run fails on purpose and the error alert workflow turns it into one message', async () => {
		cpms.setFaults({ ocpiErrorNext: 50, ocpiErrorCode: 2001 });
		try {
			const charger = chargerOf('VIE-0001');
			// Earlier runs (broken assets) raised alerts too, and an alert carries the Stop and Error node's raw
			// message: only a new alert with a counted refusal proves this run was refused and reported.
			const before = (await executionsOf(n8n, ERROR_ALERT_ID, { finishedOnly: true })).length;
			const refusedNow = (data: string) => data.includes('OCPI sync failed') && /\d+ object\(s\) were refused by the CPMS/.test(data);
			await assetApi('POST', '/api/webhooks', { url: hookUrl(), secret: WEBHOOK_SECRET });
			await assetApi('PATCH', `/api/chargers/${charger.charger_id}`, { state: 'faulty' });
			const alerts = await waitFor(() => executionsOf(n8n, ERROR_ALERT_ID, { finishedOnly: true }), (all) => all.slice(before).some(refusedNow), 90_000);
			const alert = alerts.slice(before).find(refusedNow) ?? '';
			expect(alert).toContain('OCPI sync failed');
			expect(alert).toMatch(/\d+ object\(s\) were refused by the CPMS/);
			expect(alerts.join('\n')).not.toContain(CPMS_TOKEN);
		} finally {
			cpms.setFaults(null);
		}
	});
});

describe('full compare with a failing page', () => {
	it('the second page of a site\'s read fails: nothing is marked REMOVED and the run reports the incomplete read', async () => {
		// Real changes the compare still writes are fine (the refusal test above leaves one to repair); removals are not.
		const removed = () => cpms.store.allLocations('2.2.1').flatMap(({ location }) => ((location.evses ?? []) as Array<{ uid: string; status: string }>).filter((evse) => evse.status === 'REMOVED').map((evse) => evse.uid)).sort();
		const removedBefore = removed();
		// Two chargers a page: a site with three is read in part, which is what must not remove its third charger
		// (a page holding whole sites only would prove nothing). The list of sites is one page and complete.
		expect(Number(nodeOf(fullSync, 'Read whole sites').parameters.pageSize)).toBe(2);
		expect(api.store.sites().some((site) => site.chargers > 2)).toBe(true);
		const started = new Date().toISOString();
		api.setFaults({ failListPage: 2 });
		let run;
		try {
			run = await fullCompare();
		} finally {
			api.setFaults(null);
		}
		expect(run.status).toBe('error');
		expect(run.stored).toMatch(/the read of site [A-Z]{3}-\d{4} stopped early/);
		const during = cpms.requestLog.list().filter((entry) => entry.time >= started);
		// the compare did run: it read what the CPMS holds (once, as a list) before the batches
		expect(during.filter((entry) => entry.method === 'GET' && entry.path.includes('/sender/locations')).length).toBeGreaterThan(0);
		expect(removed()).toEqual(removedBefore);
	});
});
