/**
 * The full compare in batches, in a real n8n: the parent lists the sites and runs the same workflow once per
 * batch of whole sites (3 batches here); every Push result lands in the sync ledger, an n8n Data table.
 * Runs start in the server as the editor starts them (`n8n execute` does not load Data tables).
 */
import type { ReferenceCpms } from '../../servers/reference-cpms';
import type { SampleAssetApi } from '../../servers/sample-asset-api';
import {
	createN8nInstance,
	ensureBuilt,
	expectedNetwork,
	expectNetworkInSync,
	FULL_SYNC_ID,
	ledgerRows,
	nodeOf,
	provisionSyncTemplates,
	queryN8nDatabase,
	runInServer,
	startSyncServers,
	syncWorld,
	type N8nInstance,
	type SyncLedger,
	type SyncServers,
	type Template,
} from './support';

jest.setTimeout(8 * 60_000);

const SECRETS = { apiKey: 'e2e-batch-asset-key-41d2', cpmsToken: 'e2e-batch-cpms-token-9e0a', webhookSecret: 'e2e-batch-webhook-3f1c' };
const SITES = 10;
const SITES_PER_BATCH = 4;
const FULL_COMPARE = 'Run a full compare now';

let n8n: N8nInstance;
let api: SampleAssetApi;
let cpms: ReferenceCpms;
let servers: SyncServers;
let fullSync: Template;
let ledger: SyncLedger;

const { records, cpmsLocations, writes, chargerOf, patchCharger } = syncWorld(() => api, () => cpms, SECRETS.apiKey);
const expectCpmsInSync = () => expectNetworkInSync(() => expectedNetwork(fullSync, records()), cpmsLocations, 5_000);
const fullCompare = () => runInServer(n8n, ledger.owner, FULL_SYNC_ID, FULL_COMPARE, 5 * 60_000);
const rows = () => ledgerRows(n8n, ledger.owner, ledger.table);
/** The ledger's key for a Location: COUNTRY*PARTY*ID, the party from the CPMS credential. */
const key = (locationId: string) => `DE*AMP*${locationId}`;

/** The CPMS's requests while `run` runs, by kind: Sender pages, GETs of single Locations, and writes. */
async function requestsDuring<T>(run: () => Promise<T>): Promise<{ result: T; total: number; senderPages: number; locationGets: string[]; writes: string[] }> {
	const started = new Date().toISOString();
	const result = await run();
	const during = cpms.requestLog.list().filter((entry) => entry.time >= started);
	const gets = during.filter((entry) => entry.method === 'GET');
	return {
		result,
		total: during.length,
		senderPages: gets.filter((entry) => entry.path.includes('/sender/locations')).length,
		locationGets: gets.filter((entry) => /\/locations\/DE\/AMP\//.test(entry.path)).map((entry) => entry.path),
		writes: during.filter((entry) => entry.method !== 'GET').map((entry) => `${entry.method} ${entry.path}`),
	};
}

/** Executions of the full sync since the given id: the parent, its plan and one per batch. */
async function executionsAfter(id: number): Promise<Array<{ id: number; status: string; mode: string }>> {
	const all = await queryN8nDatabase<{ id: number; status: string; mode: string }>(n8n, 'SELECT id, status, mode FROM execution_entity WHERE "workflowId" = ? AND id > ? ORDER BY id', [FULL_SYNC_ID, id]);
	return all.map((row) => ({ ...row, id: Number(row.id) }));
}

beforeAll(async () => {
	ensureBuilt();
	servers = await startSyncServers('ocpi-batch-e2e-', SECRETS, { sites: SITES });
	({ api, cpms } = servers);
	n8n = await createN8nInstance();
	// Small pages: the sites with three chargers are read in two pages each, the list of sites in five.
	({ fullSync, ledger } = await provisionSyncTemplates(n8n, servers, SECRETS, servers.dir, {
		sitesPerBatch: SITES_PER_BATCH,
		fullComparePageSize: 2,
		adjust: (template) => {
			nodeOf(template, 'Read every site').parameters.pageSize = 2;
		},
	}));
	await n8n.start();
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await servers?.close();
});

describe('full compare in batches of whole sites, with the sync ledger in an n8n Data table', () => {
	it('the first full compare runs one sub-execution per batch and leaves the CPMS equal to the asset data; every Location is in_sync in the ledger', async () => {
		expect(api.store.sites()).toHaveLength(SITES);
		const { result: run, senderPages, locationGets, writes: sent } = await requestsDuring(fullCompare);
		// The CPMS was listed once and held nothing: each Location is known absent and costs one PUT, no GET.
		expect(senderPages).toBe(1);
		expect(locationGets).toEqual([]);
		expect(sent.filter((request) => request.startsWith('PUT '))).toHaveLength(SITES);
		expect(sent).toHaveLength(SITES);
		const executions = await executionsAfter(Number(run.executionId) - 1);
		// the parent, its plan (the reads and the join) and ceil(10 / 4) = 3 batches, each its own execution, all successful
		expect(executions.map((execution) => execution.status)).toEqual(['success', 'success', 'success', 'success', 'success']);
		expect(run.status).toBe('success');
		await expectCpmsInSync();
		expect(cpmsLocations().size).toBe(SITES);
		const ledgerNow = await rows();
		expect([...ledgerNow.keys()].sort()).toEqual([...cpmsLocations().keys()].map(key).sort());
		for (const row of ledgerNow.values()) {
			expect(row).toMatchObject({ state: 'in_sync', reason: '' });
			expect(row.last_pushed).toMatch(/^\d{4}-\d\d-\d\dT/);
			expect(row.last_verified).toMatch(/^\d{4}-\d\d-\d\dT/);
		}
	});

	it('an unchanged compare makes 0 writes and keeps last_pushed; a change is written and its row says so', async () => {
		const before = await rows();
		const writesBefore = writes();
		const unchanged = await requestsDuring(fullCompare);
		expect(unchanged.result.status).toBe('success');
		expect(writes()).toBe(writesBefore);
		// what the CPMS holds came from its list: no GET of a single Location, no write
		expect(unchanged.senderPages).toBe(1);
		expect(unchanged.locationGets).toEqual([]);
		expect(unchanged.writes).toEqual([]);
		// and the batches asked the CPMS nothing: the parent's discovery (versions, version details) and its list
		expect(unchanged.total).toBe(2 + unchanged.senderPages);
		const after = await rows();
		for (const [id, row] of after) expect(row.last_pushed).toBe(before.get(id)?.last_pushed);

		const changed = chargerOf('BER-0001');
		await patchCharger(String(changed.charger_id), { site_name: 'Supermarkt Schönhauser (new name)' });
		const oneChanged = await requestsDuring(fullCompare);
		expect(oneChanged.result.status).toBe('success');
		// only the changed Location is read and written
		expect(oneChanged.locationGets.map((path) => path.split('/').pop())).toEqual(['BER-0001']);
		expect(oneChanged.writes.length).toBeGreaterThan(0);
		expect(oneChanged.writes.every((request) => request.includes('/BER-0001'))).toBe(true);
		await expectCpmsInSync();
		expect(writes()).toBeGreaterThan(writesBefore);
		const rewritten = (await rows()).get(key('BER-0001'));
		expect(rewritten?.state).toBe('in_sync');
		expect(rewritten?.last_pushed).not.toBe(before.get(key('BER-0001'))?.last_pushed);
	});

	it('when the CPMS refuses every request, no Location is recorded in_sync, the run fails visibly, and the next compare repairs CPMS and ledger', async () => {
		const changed = chargerOf('MUC-0001');
		await patchCharger(String(changed.charger_id), { site_name: 'Changed while the CPMS refuses' });
		cpms.setFaults({ ocpiErrorRate: 1, ocpiErrorCode: 2001 });
		let run;
		try {
			run = await fullCompare();
		} finally {
			cpms.setFaults(null);
		}
		expect(run.status).toBe('error');
		const failed = await rows();
		expect(failed.get(key('MUC-0001'))).toMatchObject({ state: 'failed' });
		expect(String(failed.get(key('MUC-0001'))?.reason)).toMatch(/2001/);
		expect([...failed.values()].filter((row) => row.state === 'in_sync')).toEqual([]);
		// the change did not reach the CPMS: only a later run can bring it
		expect(cpmsLocations().get('MUC-0001')?.name).not.toBe('Changed while the CPMS refuses');

		expect((await fullCompare()).status).toBe('success');
		await expectCpmsInSync();
		const repaired = await rows();
		expect([...repaired.values()].filter((row) => row.state !== 'in_sync')).toEqual([]);
	});

	it('when the list of sites stops early (a failed page), the listed sites are compared, the run fails and says so, and nothing is written or removed for the others', async () => {
		const firstId = Number((await queryN8nDatabase<{ id: number | null }>(n8n, 'SELECT MAX(id) AS id FROM execution_entity', []))[0]?.id ?? 0);
		// the site list is read 2 per page: page 3 failing leaves 4 of the 10 sites listed (a site's chargers take 2 pages at most)
		api.setFaults({ failListPage: 3 });
		let stopped;
		try {
			stopped = await requestsDuring(fullCompare);
		} finally {
			api.setFaults(null);
		}
		expect(stopped.result.status).toBe('error');
		const runs = await executionsAfter(firstId);
		// the parent, its plan and ONE batch: the 4 listed sites; the parent failed on the list, the others succeeded
		expect(runs).toHaveLength(3);
		expect(runs.filter((run) => run.status === 'error')).toHaveLength(1);
		const [parentData] = await queryN8nDatabase<{ data: string }>(n8n, 'SELECT data FROM execution_data WHERE "executionId" = ?', [runs[0].id]);
		expect(parentData.data).toContain('the list of sites stopped early: page 3 failed');
		expect(stopped.writes).toEqual([]);
		expect(stopped.locationGets).toEqual([]);
		expect(cpmsLocations().size).toBe(SITES);
		await expectCpmsInSync();
	});

	it('when the CPMS list cannot be read, nothing is taken as absent: every Location is read by GET and nothing is created twice', async () => {
		cpms.setFaults({ ocpiErrorRate: 1, ocpiErrorCode: 3000, matchPath: '/sender/' });
		let unreadList;
		try {
			unreadList = await requestsDuring(fullCompare);
		} finally {
			cpms.setFaults(null);
		}
		expect(unreadList.result.status).toBe('success');
		expect(unreadList.senderPages).toBeGreaterThan(0);
		// rows without a complete read prove nothing: each Location without one was read
		expect(new Set(unreadList.locationGets.map((path) => path.split('/').pop())).size).toBe(SITES);
		expect(unreadList.writes).toEqual([]);
		await expectCpmsInSync();
		expect(cpmsLocations().size).toBe(SITES);
	});
});
