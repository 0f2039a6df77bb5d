/**
 * CPMS OCPI Push, "Read CPMS Locations" and Sync Locations fed with its rows (CPMS Read "ledger"), through
 * n8n-core's real WorkflowExecute against the real reference CPMS. This is what the batched full-sync
 * template does: read the CPMS once in the parent, then hand every batch its rows. Request counts come from
 * the CPMS's own request log.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms, type ReferenceCpmsOptions } from '../../servers/reference-cpms';
import { fingerprintLocation } from '../../core/sync';
import { validLocation, type LocationJson } from '../fixtures/ocpiLocations';
import { loadWorkflowFixture, runWorkflowFixture, type RunResult } from '../harness';
import { locationRequestCounts } from './cpmsRequestCounts';

type Json = Record<string, any>;

const TOKEN = 'push-read-once-token-7d1e';
const PAGE = 4;
const LOCATIONS = Array.from({ length: 10 }, (_, i) => validLocation(`LOC-${String(i + 1).padStart(2, '0')}`));
const LEDGER_COLUMNS = ['location_id', 'fingerprint', 'state', 'reason', 'last_pushed', 'last_verified'];

let cpms: ReferenceCpms;

async function start(options: ReferenceCpmsOptions = {}): Promise<void> {
	cpms = await startReferenceCpms({ port: 0, extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true, senderPageLimit: PAGE, ...options });
}

afterEach(async () => {
	await cpms?.close();
});

function credentials() {
	return { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', toCountryCode: '', toPartyId: '' } };
}

function pushWorkflow(parameters: Json, onError?: string) {
	const workflow = loadWorkflowFixture('push-sync.json');
	const node = workflow.nodes[0];
	node.parameters = { ...parameters, options: { maxAttempts: 1, timeoutMs: 5000, maxRequestsPerSecond: 1000, ...(parameters.options ?? {}) } };
	if (onError) node.onError = onError as never;
	return workflow;
}

const readWorkflow = () => pushWorkflow({ operation: 'readCpmsLocations' });

async function runPush(parameters: Json, inputItems: Json[], onError?: string): Promise<RunResult> {
	cpms.requestLog.clear();
	return await runWorkflowFixture(pushWorkflow(parameters, onError), { inputItems, credentials: credentials() });
}

/** The parent's step: the read, once. */
async function readCpms(inputItems: Json[] = [{}]): Promise<{ rows: Json[]; report: Json; items: INodeExecutionData[] }> {
	const output = items(await runPush({ operation: 'readCpmsLocations' }, inputItems));
	const report = output[output.length - 1].json;
	expect(report.readReport).toBe(true);
	return { rows: output.slice(0, -1).map((item) => item.json), report, items: output };
}

/** A batch's step: Sync Locations in ledger mode with the rows of the read. */
async function syncBatch(locations: LocationJson[], rows: Json[], complete: boolean, onError?: string, more: Json = {}): Promise<INodeExecutionData[]> {
	const options = { output: 'ledgerRows', ledgerRows: JSON.stringify(rows), ledgerIsCompleteRead: complete, ...more };
	return items(await runPush({ operation: 'syncLocations', cpmsRead: 'ledger', options }, locations, onError));
}

const counts = () => locationRequestCounts(cpms);

function items(run: RunResult): INodeExecutionData[] {
	expect(run.error).toBeUndefined();
	return run.outputs[0] ?? [];
}

function stored(id: string): Json | undefined {
	return cpms.store.location('2.2.1', 'DE*ACM', id);
}

describe('CPMS OCPI Push: Read CPMS Locations', () => {
	it.each([
		['versions URL', () => cpms.versionsUrl, ['/ocpi/versions', '/ocpi/2.2.1']],
		['version details URL', () => `${cpms.url}/ocpi/2.2.1`, ['/ocpi/2.2.1']],
	])('through the %s: that many discovery requests, then the pages', async (_kind, url, discovery) => {
		await start();
		for (const location of LOCATIONS) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		cpms.requestLog.clear();
		const run = await runWorkflowFixture(readWorkflow(), { inputItems: [{}], credentials: { ocpiCpmsApi: { ...credentials().ocpiCpmsApi, versionsUrl: url() } } });
		const output = items(run);
		expect(output[output.length - 1].json).toMatchObject({ readReport: true, complete: true, pages: 3, rows: 10 });
		const log = cpms.requestLog.list();
		expect(log.filter((e) => !e.path.includes('/sender/locations')).map((e) => e.path)).toEqual(discovery);
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 0 });
		expect(log).toHaveLength(discovery.length + 3);
	});

	it('a version details URL whose version the credential does not pin fails as a configuration error, after that one request', async () => {
		await start();
		cpms.requestLog.clear();
		const credentialsPinned = { ocpiCpmsApi: { ...credentials().ocpiCpmsApi, versionsUrl: `${cpms.url}/ocpi/2.2.1`, ocpiVersion: '2.1.1' } };
		const run = await runWorkflowFixture(readWorkflow(), { inputItems: [{}], credentials: credentialsPinned });
		expect(run.error?.name).toBe('NodeOperationError');
		expect(run.error?.message).toMatch(/^Read CPMS Locations: The credential's URL is the version details of OCPI 2\.2\.1, but this connection is pinned to OCPI 2\.1\.1/);
		expect(cpms.requestLog.list().map((e) => e.path)).toEqual(['/ocpi/2.2.1']);
	});

	it('reads the Sender once for any number of input items: one compact row per Location, then the report, all paired to item 0', async () => {
		await start();
		for (const location of LOCATIONS) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		const { rows, report, items: output } = await readCpms([{ a: 1 }, { a: 2 }, { a: 3 }]);
		// 10 Locations at 4 per page: 3 pages, nothing else (discovery is not in the Locations module)
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 0 });
		expect(rows).toHaveLength(10);
		expect(rows.map((row) => Object.keys(row).sort())).toEqual(rows.map(() => [...LEDGER_COLUMNS].sort()));
		expect(rows[0]).toMatchObject({ location_id: expect.stringMatching(/^DE\*ACM\*LOC-\d\d$/), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), state: 'in_sync', reason: '', last_pushed: '' });
		expect(report).toEqual({ readReport: true, complete: true, version: '2.2.1', pages: 3, listed: 10, rows: 10, total: 10, reason: '' });
		expect(output.map((item) => item.pairedItem)).toEqual(output.map(() => ({ item: 0 })));
	});

	it('Row Format "One Item With All Fingerprints": the same rows as one item {fingerprints, last_verified}, then the same report; an incomplete read keeps what it listed', async () => {
		await start();
		for (const location of LOCATIONS) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		const { rows, report } = await readCpms();
		const compact = items(await runPush({ operation: 'readCpmsLocations', options: { rowFormat: 'fingerprints' } }, [{ a: 1 }, { a: 2 }]));
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 0 });
		expect(compact).toHaveLength(2);
		expect(compact.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
		expect(compact[1].json).toEqual(report);
		// every row of the per-Location format, rebuilt from the one item: in_sync, its fingerprint, verified at the read
		const { fingerprints, last_verified: verified } = compact[0].json as { fingerprints: Record<string, string>; last_verified: string };
		expect(Object.keys(compact[0].json).sort()).toEqual(['fingerprints', 'last_verified']);
		expect(verified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
		const rebuilt = Object.entries(fingerprints).map(([key, fingerprint]) => ({ location_id: key, fingerprint, state: 'in_sync', reason: '', last_pushed: '', last_verified: verified }));
		// (two reads: each row of the first says its own read's time)
		expect(rebuilt).toEqual(rows.map((row) => ({ ...row, last_verified: verified })));
		expect(Object.keys(fingerprints)).toHaveLength(10);

		cpms.setFaults({ matchPath: `/sender/locations?offset=${PAGE}`, error5xxNext: 1 });
		const partial = items(await runPush({ operation: 'readCpmsLocations', options: { rowFormat: 'fingerprints' } }, [{}]));
		expect(Object.keys(partial[0].json.fingerprints as object)).toHaveLength(PAGE);
		expect(partial[1].json).toMatchObject({ readReport: true, complete: false, rows: PAGE, reason: expect.stringMatching(/page 2 failed/) });

		const unknown = await runPush({ operation: 'readCpmsLocations', options: { rowFormat: 'everything' } }, [{}]);
		expect(unknown.error?.name).toBe('NodeOperationError');
		expect(unknown.error?.message).toMatch(/Row Format 'everything' is not known/);
	});

	it('reports an incomplete read (a failed page) without failing, and a CPMS without a Sender interface', async () => {
		await start();
		for (const location of LOCATIONS) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		cpms.setFaults({ matchPath: `/sender/locations?offset=${PAGE}`, error5xxNext: 1 });
		const partial = await readCpms();
		expect(partial.report).toMatchObject({ readReport: true, complete: false, pages: 1, rows: PAGE, reason: expect.stringMatching(/page 2 failed/) });
		await cpms.close();

		await start({ senderInterface: false });
		const none = await readCpms();
		expect(none.rows).toEqual([]);
		expect(none.report).toMatchObject({ complete: false, pages: 0, reason: expect.stringMatching(/no Locations SENDER endpoint/) });
	});

	it('fails with the CPMS\'s answer when discovery fails, unless the node continues on error', async () => {
		await start();
		cpms.setFaults({ down: '503' });
		const failedRun = await runPush({ operation: 'readCpmsLocations' }, [{}]);
		expect(failedRun.error?.message).toMatch(/^Read CPMS Locations: /);
		const continued = items(await runPush({ operation: 'readCpmsLocations' }, [{}], 'continueRegularOutput'));
		expect(continued).toHaveLength(1);
		expect(continued[0].json).toMatchObject({ readReport: true, complete: false, error: expect.any(String) });
		// the compact format says the same: no fingerprints item, only the report with the error
		const compact = items(await runPush({ operation: 'readCpmsLocations', options: { rowFormat: 'fingerprints' } }, [{}], 'continueRegularOutput'));
		expect(compact).toHaveLength(1);
		expect(compact[0].json).toMatchObject({ readReport: true, complete: false, error: expect.any(String) });
	});
});

describe('CPMS OCPI Push: a batched full sync — Read CPMS Locations once, then Sync Locations with its rows', () => {
	// 100 Locations, Sender pages of 45: a read pass is 3 pages; 1 % changed is one Location
	const NETWORK = Array.from({ length: 100 }, (_, i) => validLocation(`SITE-${String(i + 1).padStart(3, '0')}`));
	const BIG_PAGE = 45;

	function tally(output: INodeExecutionData[], field: string): Record<string, number> {
		return output.reduce<Record<string, number>>((acc, item) => ({ ...acc, [String(item.json[field])]: (acc[String(item.json[field])] ?? 0) + 1 }), {});
	}

	/** The CPMS holds exactly the asset data: every Location, equal under the equivalence rules. */
	/** A batch of 5 whose first 4 the CPMS holds, and the read of the CPMS. */
	async function fourOfFiveAtTheCpms() {
		await start({ senderPageLimit: BIG_PAGE });
		const batch = NETWORK.slice(0, 5);
		for (const location of batch.slice(0, 4)) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		return { batch, read: await readCpms() };
	}

	function expectCpmsEqualTo(locations: LocationJson[]): void {
		expect(locations.filter((l) => fingerprintLocation(stored(l.id), '2.2.1') !== fingerprintLocation(l, '2.2.1')).map((l) => l.id)).toEqual([]);
	}

	it('first sync from an empty CPMS: 1 read page, then N PUTs and 0 GETs; every row in_sync and to insert', async () => {
		await start({ senderPageLimit: BIG_PAGE });
		const read = await readCpms();
		expect(counts()).toEqual({ gets: 0, pages: 1, writes: 0 });
		expect(read.report).toMatchObject({ complete: true, rows: 0, total: 0 });
		const first = await syncBatch(NETWORK, read.rows, read.report.complete);
		expect(counts()).toEqual({ gets: 0, pages: 0, writes: 100 });
		expect([tally(first, 'action'), tally(first, 'read'), tally(first, 'state'), tally(first, 'ledger_write')]).toEqual([{ created: 100 }, { completeRead: 100 }, { in_sync: 100 }, { insert: 100 }]);
		expect(first.map((item) => item.pairedItem)).toEqual(NETWORK.map((_, item) => ({ item })));
		expectCpmsEqualTo(NETWORK);
	});

	it('unchanged compare: the read is its 3 pages, the sync sends nothing; 1 % changed: one GET and one PATCH', async () => {
		await start({ senderPageLimit: BIG_PAGE });
		for (const location of NETWORK) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		const read = await readCpms();
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 0 });
		// the whole read: discovery (versions, version details) and the pages
		expect(cpms.requestLog.list().map((e) => `${e.method} ${e.path.replace(/\?.*$/, '')}`)).toEqual(['GET /ocpi/versions', 'GET /ocpi/2.2.1', ...Array(3).fill('GET /ocpi/2.2.1/sender/locations')]);
		expect(read.report).toMatchObject({ complete: true, rows: 100, total: 100, listed: 100 });

		// every item of the read as it is, report included (it is no row)
		// every Location vouched for: the batch sends nothing, not even discovery (with or without the read's version)
		const unchanged = await syncBatch(NETWORK, read.items.map((item) => item.json), true);
		expect(cpms.requestLog.list()).toEqual([]);
		await syncBatch(NETWORK, read.rows, true, undefined, { cpmsVersion: read.report.version });
		expect(cpms.requestLog.list()).toEqual([]);
		expect([tally(unchanged, 'action'), tally(unchanged, 'read'), tally(unchanged, 'ledger_write')]).toEqual([{ unchanged: 100 }, { ledger: 100 }, { none: 100 }]);

		const changed = NETWORK.map((l, i) => (i === 41 ? { ...l, name: 'Renamed', last_updated: '2026-11-20T09:00:00Z' } : l));
		const onePercent = await syncBatch(changed, read.rows, true);
		expect(counts()).toEqual({ gets: 1, pages: 0, writes: 1 });
		expect(cpms.requestLog.list().filter((e) => e.method !== 'GET' || e.path.includes('/locations/')).map((e) => `${e.method} ${e.path.replace(/^.*\/DE\/ACM\//, '')}`)).toEqual(['GET SITE-042', 'PATCH SITE-042']);
		expect(onePercent[41].json).toMatchObject({ action: 'updated', read: 'get', state: 'in_sync', ledger_write: 'update' });
		expectCpmsEqualTo(changed);
	});

	it('the CPMS refuses its discovery: each Location comes out as its keyed row, failed with the cause, its stored fingerprint and dates kept, so an upsert of the output is the right ledger', async () => {
		const { batch, read } = await fourOfFiveAtTheCpms();
		// the stored ledger (Data table) as an earlier run left it: the first 4 in_sync, the fifth never synced
		const table = new Map<string, Json>();
		const upsert = (rows: INodeExecutionData[]) => {
			for (const { json } of rows) table.set(String(json.location_id), Object.fromEntries(LEDGER_COLUMNS.map((column) => [column, json[column]])));
		};
		upsert((await syncBatch(batch.slice(0, 4), read.rows, true)).map((item) => ({ json: { ...item.json, last_pushed: '2026-11-01T10:00:00.000Z' } })));
		const storedBefore = [...table.values()];
		expect(storedBefore.map((row) => row.state)).toEqual(['in_sync', 'in_sync', 'in_sync', 'in_sync']);

		// the asset data changed (no row vouches for any of the 5 now), and the CPMS refuses its discovery
		const changed = batch.map((l) => ({ ...l, name: `Renamed ${l.id}`, last_updated: '2026-11-20T09:00:00Z' }));
		cpms.setFaults({ down: '503' });
		const options = { output: 'ledgerRows', ledgerRows: JSON.stringify(read.rows), storedLedgerRows: JSON.stringify(storedBefore), ledgerIsCompleteRead: true };
		// without continue-on-fail the run fails with the CPMS's answer, and nothing is output
		const stopped = await runPush({ operation: 'syncLocations', cpmsRead: 'ledger', options }, changed);
		expect(stopped.error?.message).toMatch(/^Location SITE-001: GET http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions: HTTP 503/);
		expect(stopped.outputs).toEqual([]);

		const refused = await syncBatch(changed, read.rows, true, 'continueErrorOutput', { storedLedgerRows: JSON.stringify(storedBefore) });
		expect(counts()).toEqual({ gets: 0, pages: 0, writes: 0 });
		expect(refused.map((item) => [item.json.location_id, item.json.state, item.json.ledger_write, item.pairedItem])).toEqual([
			...batch.slice(0, 4).map((l, item) => [`DE*ACM*${l.id}`, 'failed', 'update', { item }]),
			['DE*ACM*SITE-005', 'failed', 'insert', { item: 4 }],
		]);
		for (const [index, before] of storedBefore.entries()) {
			expect(refused[index].json).toMatchObject({ fingerprint: before.fingerprint, last_pushed: before.last_pushed, last_verified: before.last_verified, reason: expect.stringMatching(/HTTP 503/), error: expect.stringMatching(/HTTP 503/) });
		}
		upsert(refused);
		expect([...table.keys()]).toEqual(batch.map((l) => `DE*ACM*${l.id}`));

		// the CPMS is back: the failed rows vouch for nothing, each is read again and the ledger converges
		cpms.setFaults(null);
		const back = await syncBatch(changed, [...table.values()], false, undefined, { output: 'ledgerRows' });
		expect(counts()).toEqual({ gets: 5, pages: 0, writes: 5 });
		expect(back.map((item) => [item.json.action, item.json.state])).toEqual([...Array(4).fill(['updated', 'in_sync']), ['created', 'in_sync']]);
		upsert(back);
		expect([...table.values()].map((row) => row.state)).toEqual(Array(5).fill('in_sync'));
		expectCpmsEqualTo(changed);
	});

	it('the CPMS refuses its discovery while the rows vouch for every Location but one: those are unchanged without a request, only the one that needs the CPMS fails', async () => {
		const { batch, read } = await fourOfFiveAtTheCpms();
		cpms.setFaults({ down: '503' });
		const rows = await syncBatch(batch, read.rows, true, 'continueErrorOutput');
		expect(cpms.requestLog.list().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /ocpi/versions 503']);
		expect(rows.map((item) => [item.json.location_id, item.json.action, item.json.read, item.json.state, item.pairedItem])).toEqual([
			...batch.slice(0, 4).map((l, item) => [`DE*ACM*${l.id}`, 'unchanged', 'ledger', 'in_sync', { item }]),
			['DE*ACM*SITE-005', 'failed', null, 'failed', { item: 4 }],
		]);
		expect(rows[4].json.reason).toMatch(/HTTP 503/);
		expect(stored('SITE-005')).toBeUndefined();
	});

	it('a Push that cannot even start (no token in the credential) with continue-on-fail: each Location its keyed failed row, stored values kept; without it, the error', async () => {
		await start();
		const batch = NETWORK.slice(0, 3);
		const stored = [
			{ location_id: 'DE*ACM*SITE-001', fingerprint: 'a'.repeat(64), state: 'in_sync', reason: '', last_pushed: '2026-11-01T10:00:00.000Z', last_verified: '2026-11-19T10:00:00.000Z' },
			{ location_id: 'DE*ACM*SITE-002', fingerprint: 'b'.repeat(64), state: 'pending', reason: 'stale', last_pushed: '2026-11-02T10:00:00.000Z', last_verified: '2026-11-18T10:00:00.000Z' },
		];
		const parameters = { operation: 'syncLocations', cpmsRead: 'ledger', options: { output: 'ledgerRows', addSummaryItem: true, ledgerRows: JSON.stringify([]), storedLedgerRows: JSON.stringify(stored) } };
		const noToken = { ocpiCpmsApi: { ...credentials().ocpiCpmsApi, token: '' } };
		const run = async (onError?: string) => {
			cpms.requestLog.clear();
			return runWorkflowFixture(pushWorkflow(parameters, onError), { inputItems: batch, credentials: noToken });
		};

		const stopped = await run();
		expect(stopped.error?.message).toBe('The OCPI CPMS credential needs a versions URL (or version details URL) and a token (Register: Token A)');

		const continued = items(await run('continueErrorOutput'));
		expect(cpms.requestLog.list()).toEqual([]);
		const reason = 'The Push could not start: The OCPI CPMS credential needs a versions URL (or version details URL) and a token (Register: Token A)';
		expect(continued.slice(0, 3).map((item) => item.json)).toEqual([
			{ ...stored[0], state: 'failed', reason, ledger_write: 'update', action: 'failed', read: null, requests: 0, changes: 0, error: reason, statusCode: null },
			{ ...stored[1], state: 'failed', reason, ledger_write: 'update', action: 'failed', read: null, requests: 0, changes: 0, error: reason, statusCode: null },
			{ location_id: 'DE*ACM*SITE-003', fingerprint: '', state: 'failed', reason, last_pushed: '', last_verified: '', ledger_write: 'insert', action: 'failed', read: null, requests: 0, changes: 0, error: reason, statusCode: null },
		]);
		expect(continued.slice(0, 3).map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(continued[3].json).toMatchObject({ summary: true, counts: { failed: 3 }, requestsSent: 0 });
		expect(continued).toHaveLength(4);
	});

	it('faults: an incomplete read says so and proves no absence; a failed write is never in_sync; the CPMS ends equal to the asset data', async () => {
		await start({ senderPageLimit: BIG_PAGE });
		const before = NETWORK.slice(0, 95);
		for (const location of before) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		// the third page fails: 90 rows, the report says incomplete
		cpms.setFaults({ matchPath: `/sender/locations?offset=${2 * BIG_PAGE}`, error5xxNext: 1 });
		const partial = await readCpms();
		expect(partial.report).toMatchObject({ complete: false, pages: 2, rows: 90, reason: expect.stringMatching(/page 3 failed/) });

		// the asset data: 2 changed, 5 new; two writes fail
		const desired = NETWORK.map((l, i) => (i === 10 || i === 20 ? { ...l, name: `Renamed ${i}`, last_updated: '2026-11-20T09:00:00Z' } : l));
		cpms.setFaults({ matchMethod: 'PATCH', matchPath: '/SITE-011', error5xxNext: 1 });
		const faulty = await syncBatch(desired, partial.rows, partial.report.complete, 'continueRegularOutput');
		// 10 Locations without a row (5 held, 5 new) are read one by one, never taken as absent: 10 GETs + the 2 changed
		expect(counts()).toEqual({ gets: 12, pages: 0, writes: 7 });
		expect(tally(faulty, 'state')).toEqual({ in_sync: 99, failed: 1 });
		expect(faulty[10].json).toMatchObject({ location_id: 'DE*ACM*SITE-011', action: 'failed', state: 'failed', ledger_write: 'update', error: expect.stringMatching(/HTTP 500/) });
		expect(stored('SITE-011')?.name).toBe(NETWORK[10].name);

		// the faults are gone: the next run reads completely and repairs what failed, nothing else
		const read = await readCpms();
		expect(read.report).toMatchObject({ complete: true, rows: 100 });
		const repaired = await syncBatch(desired, read.rows, true);
		expect(counts()).toEqual({ gets: 1, pages: 0, writes: 1 });
		expect(repaired[10].json).toMatchObject({ action: 'updated', state: 'in_sync' });
		expectCpmsEqualTo(desired);
	});
});
