/**
 * At-least-once delivery of the Asset Source Polling Trigger in a real n8n: the full scheduled sync template,
 * with a slow step between the trigger and the Mapper, is killed (SIGKILL) while a run carries changed sites.
 * After the restart the changes must still reach the reference CPMS, emitted again by the trigger.
 * Run on n8n 1.x and on 2.41, whose active-workflow code that settles the trigger's done promise differs.
 */
import type { ReferenceCpms } from '../../servers/reference-cpms';
import type { SampleAssetApi } from '../../servers/sample-asset-api';
import {
	createN8nInstance,
	DEFAULT_N8N_VERSION,
	ensureBuilt,
	expectCliSuccess,
	importWithCredentials,
	prepareLedger,
	useLedgerTable,
	nodeOf,
	pointAtAssetApi,
	queryN8nDatabase,
	readTemplate,
	startSyncServers,
	staticDataOf,
	syncWorld,
	waitFor,
	type N8nInstance,
	type SyncServers,
	type Template,
} from './support';

// n8n polls on the minute: the change, then the redelivery after the restart, take a few minutes.
jest.setTimeout(12 * 60_000);

// Also named in test/e2e/n8n2Smoke.e2e.test.ts and scripts/test-all.sh.
const N8N_2_VERSION = '2.41.1';

const API_KEY = 'e2e-asset-key-3f7a';
const CPMS_TOKEN = 'e2e-cpms-token-91c2';
const SECRETS = { apiKey: API_KEY, cpmsToken: CPMS_TOKEN };
const TRIGGER = 'Every 5 minutes: changed sites';
const SLOW = 'Slow step';

let n8n: N8nInstance;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let servers: SyncServers;
let template: Template;

/**
 * The template with a step that takes 50 s on a first delivery, so the kill lands inside the run, and 1 s on a
 * redelivery (the trigger marks those), so the test does not wait twice.
 */
function slowTemplate(): Template {
	const sync = pointAtAssetApi(readTemplate('full-scheduled-sync.json'), api.url);
	const trigger = nodeOf(sync, TRIGGER);
	// the template's trigger is at version 2: optional settings live in its Options collection
	const options = { ...(trigger.parameters.options as Record<string, unknown>), firstRun: 'baseline', redeliverAfterMinutes: 1 };
	trigger.parameters = { ...trigger.parameters, pollTimes: { item: [{ mode: 'everyMinute' }] }, options };
	const [x, y] = trigger.position as [number, number];
	sync.nodes.push({
		id: '6f0c2f0e-3d1a-4c55-9a53-5a0e2c1d7b01',
		name: SLOW,
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [x + 100, y + 160],
		webhookId: '0b8e6a55-2f4c-4d7e-8f1a-3c9d2b7e6a10',
		parameters: { resume: 'timeInterval', amount: '={{ $json.redelivery ? 1 : 50 }}', unit: 'seconds' },
	});
	const connections = sync.connections as Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
	connections[SLOW] = connections[TRIGGER];
	connections[TRIGGER] = { main: [[{ node: SLOW, type: 'main', index: 0 }]] };
	return sync;
}

const executions = () =>
	queryN8nDatabase<{ status: string; data: string }>(
		n8n,
		'SELECT e.status AS status, d.data AS data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ? ORDER BY e.id',
		[template.id],
	);

const { assetApi, records } = syncWorld(() => api, () => cpms, API_KEY);
const cpmsLocation = (id: string) => cpms.store.allLocations('2.2.1').find(({ location }) => location.id === id)?.location as { evses?: Array<{ uid: string; status: string }> } | undefined;
const evseStatuses = (siteId: string, chargerId: string) => (cpmsLocation(siteId)?.evses ?? []).filter((evse) => evse.uid.startsWith(`${chargerId}-`)).map((evse) => evse.status);

describe.each([DEFAULT_N8N_VERSION, N8N_2_VERSION])('Asset Source Polling Trigger: at-least-once delivery in a real n8n %s', (version) => {
	beforeAll(async () => {
		ensureBuilt();
		servers = await startSyncServers('ocpi-crash-e2e-', SECRETS, { sites: 4 });
		({ api, cpms } = servers);
		n8n = await createN8nInstance({ version });
		// The template's ledger node needs its Data table (created over REST, as a team does in the editor).
		template = useLedgerTable(slowTemplate(), (await prepareLedger(n8n)).table);
		await importWithCredentials(n8n, [template], servers, SECRETS, servers.dir);
		// 2.x activates with publish:workflow (1.x: update:workflow --active=true); n8n must be stopped.
		const activate = version.startsWith('1.') ? ['update:workflow', `--id=${template.id}`, '--active=true'] : ['publish:workflow', `--id=${template.id}`];
		expectCliSuccess(await n8n.cli(activate), 'activation of the full sync');
		await n8n.start();
	}, 25 * 60_000);

	afterAll(async () => {
		await n8n?.dispose();
		await servers?.close();
	});

		it('changes carried by a run that n8n was killed in reach the CPMS after the restart, marked as redelivery', async () => {
			// The baseline (the activation poll) must be saved before the change, or the change would be part of it.
			const baseline = await waitFor(() => staticDataOf(n8n, template.id), (data) => JSON.stringify(data ?? {}).includes('assetSource'), 120_000);
			expect(JSON.stringify(baseline ?? {})).toContain('assetSource');
			const sites = [...new Set(records().map((record) => record.site_id))].slice(0, 2);
			const changed = sites.map((site) => records().find((record) => record.site_id === site)!);
			for (const charger of changed) {
				const response = await assetApi('PATCH', `/api/chargers/${charger.charger_id}`, { state: 'faulty' });
				expect(response.status).toBe(200);
			}
			const carries = (data: string) => changed.every((charger) => data.includes(charger.charger_id));

			// The poll emitted the changes and the run is in its slow step: kill n8n there.
			const running = await waitFor(executions, (rows) => rows.some((row) => ['new', 'running'].includes(row.status) && carries(row.data)), 150_000);
			if (!running.some((row) => ['new', 'running'].includes(row.status) && carries(row.data))) {
				const seen = running.map((row) => `${row.status}: ${carries(row.data) ? 'carries the changes' : 'other'} (${row.data.length} chars)`);
				throw new Error(`no running execution carried the changes; executions: ${JSON.stringify(seen)}\n${n8n.serverLog().slice(-4000)}`);
			}
			await n8n.kill();
			expect(sites.map((site) => cpmsLocation(site))).toEqual([undefined, undefined]);

			await n8n.start();
			const delivered = () => changed.every((charger, i) => evseStatuses(sites[i], charger.charger_id).length > 0);
			await waitFor(async () => delivered(), (done) => done, 240_000);
			changed.forEach((charger, i) => {
				const statuses = evseStatuses(sites[i], charger.charger_id);
				expect(statuses.length).toBeGreaterThan(0);
				expect(statuses).not.toContain('AVAILABLE');
			});
			// Whole sites arrive: every charger of a changed site is in its Location.
			for (const site of sites) {
				for (const charger of records().filter((record) => record.site_id === site && record.state !== 'decommissioned')) {
					expect(evseStatuses(site, charger.charger_id).length).toBeGreaterThan(0);
				}
			}
			const rows = await waitFor(executions, (all) => all.some((row) => row.status === 'success' && carries(row.data) && row.data.includes('"redelivery":true')), 30_000);
			expect(rows.some((row) => row.status === 'success' && carries(row.data) && row.data.includes('"redelivery":true'))).toBe(true);
			// The killed run never reported success.
			expect(rows.filter((row) => carries(row.data) && !row.data.includes('"redelivery":true')).map((row) => row.status)).not.toContain('success');
		});
	});
