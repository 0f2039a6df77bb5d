/**
 * The acceptance for the ledger and read-once modes: after faults (a failed PUT mid-run, a refused page of the
 * Sender read, a 5xx on discovery, a write applied whose answer was lost) the next run converges — the CPMS ends equal
 * to the asset data, each EVSE once — and no ledger row ever says in_sync for content the CPMS does not hold or for a
 * write whose answer never came (at least once: the next run or a retry repeats only safe PUT/PATCH, or writes nothing). Against the real reference CPMS with its fault switches; the
 * ledger is kept like the template's Data table (rows with ledger_write insert/update written, keyed by location_id);
 * requests are counted from the CPMS's own log.
 */
import { readCpmsLocations } from '../../../core/push/readCpmsLocations';
import { runLocationSync, type LocationSyncRun } from '../../../core/push/runLocationSync';
import { fingerprintLocation } from '../../../core/sync';
import type { LedgerRow } from '../../../core/sync/ledger';
import type { FaultSettings } from '../../../servers/reference-cpms/faults';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import { clientFor, FROM, TOKEN, type Started } from '../client/helpers';
import { cpmsPerTest, NOW, requestCounts, syncSettings } from './helpers';

const PAGE = 10;
const ids = Array.from({ length: 30 }, (_, i) => `LOC-${String(i + 1).padStart(2, '0')}`);
const FIRST = ids.slice(0, 25).map((id) => validLocation(id));
const CHANGED = new Set(['LOC-03', 'LOC-07', 'LOC-12']);
// run 1's asset data: 3 renamed, 5 new
const DESIRED = ids.map((id) => (CHANGED.has(id) ? { ...validLocation(id), name: `Renamed ${id}`, last_updated: '2026-11-20T09:00:00Z' } : validLocation(id)));
const { start: cpms } = cpmsPerTest({ senderPageLimit: PAGE });

/** readOnce: Read CPMS Locations + ledger rows (the batched template); ledger: the stored rows alone; bulk: CPMS Read "Bulk Read" with Output: Ledger Rows. */
type Mode = 'readOnce' | 'ledger' | 'bulk';

/** The Data table: rows by location_id, written as the template writes them (only what the Push says changed). */
class Table {
	readonly rows = new Map<string, LedgerRow>();

	write(run: LocationSyncRun): void {
		for (const outcome of run.outcomes) {
			if (outcome?.ledger && outcome.ledgerWrite !== 'none') this.rows.set(outcome.ledger.location_id, outcome.ledger);
		}
	}

	all(): LedgerRow[] {
		return [...this.rows.values()];
	}
}

/** One run of the mode as the batched template does it: the read once (read-once mode), then Sync Locations in ledger mode. */
async function runMode(s: Started, mode: Mode, table: Table, locations: LocationJson[], verifyEveryDays = 7, maxAttempts = 1): Promise<LocationSyncRun> {
	s.cpms.requestLog.clear();
	const client = () => clientFor(s, TOKEN, { retry: { maxAttempts } }).client;
	const settings = { cpmsRead: 'ledger' as const, ledgerRowsWanted: true, assumeCompleteWithoutMark: true, verifyEveryDays };
	let run: LocationSyncRun;
	if (mode === 'readOnce') {
		const read = await readCpmsLocations(client(), { party: FROM, now: NOW });
		run = await runLocationSync(
			client(),
			locations,
			syncSettings({ ...settings, ledgerRows: read.rows, ledgerIsCompleteRead: read.report.complete, storedLedgerRows: table.all(), cpmsVersion: read.report.version as '2.2.1' | undefined }),
		);
	} else if (mode === 'ledger') {
		run = await runLocationSync(client(), locations, syncSettings({ ...settings, ledgerRows: table.all() }));
	} else {
		run = await runLocationSync(client(), locations, syncSettings({ ...settings, cpmsRead: 'bulk' }));
	}
	table.write(run);
	expectNoRowLies(s, table, run);
	return run;
}

/** A failed Location is never in_sync, and an in_sync row's fingerprint is that of what the CPMS holds. */
function expectNoRowLies(s: Started, table: Table, run: LocationSyncRun): void {
	expect(run.outcomes.filter((o) => o?.action === 'failed' && o.ledger?.state !== 'failed').map((o) => o?.locationId)).toEqual([]);
	const lies = table
		.all()
		.filter((row) => row.state === 'in_sync')
		.filter((row) => {
			const held = s.cpms.store.location('2.2.1', 'DE*ACM', row.location_id.split('*')[2]);
			return !held || fingerprintLocation(held, '2.2.1') !== row.fingerprint;
		});
	expect(lies.map((row) => row.location_id)).toEqual([]);
}

function expectConverged(s: Started, table: Table): void {
	const held = s.cpms.store.allLocations('2.2.1').map((entry) => entry.location.id as string);
	expect(held.sort()).toEqual(ids);
	// at least once, never twice: every Location holds each of its EVSEs once, as many as the asset data has
	const evseUids = (location: LocationJson | undefined): unknown[] => ((location?.evses ?? []) as LocationJson[]).map((evse) => evse.uid);
	expect(DESIRED.filter((l) => JSON.stringify(evseUids(s.cpms.store.location('2.2.1', 'DE*ACM', l.id))) !== JSON.stringify(evseUids(l))).map((l) => l.id)).toEqual([]);
	const differing = DESIRED.filter((l) => fingerprintLocation(s.cpms.store.location('2.2.1', 'DE*ACM', l.id)!, '2.2.1') !== fingerprintLocation(l, '2.2.1'));
	expect(differing.map((l) => l.id)).toEqual([]);
	expect(table.all().map((row) => [row.location_id, row.state, row.fingerprint])).toEqual(DESIRED.map((l) => [`DE*ACM*${l.id}`, 'in_sync', fingerprintLocation(l, '2.2.1')]));
}

function actions(run: LocationSyncRun): Record<string, number> {
	return run.outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o!.action]: (acc[o!.action] ?? 0) + 1 }), {});
}

/** Run 0: a clean first sync of 25 Locations through the mode itself. */
async function synced(mode: Mode): Promise<{ s: Started; table: Table }> {
	const s = await cpms();
	const table = new Table();
	const first = await runMode(s, mode, table, FIRST);
	expect(actions(first)).toEqual({ created: 25 });
	// an empty CPMS read completely: no GET, one PUT each
	expect(requestCounts(s)).toMatchObject({ gets: 0, pages: 1 });
	return { s, table };
}

function fault(s: Started, settings: Partial<FaultSettings>): void {
	s.cpms.setFaults(settings);
}

describe.each(['readOnce', 'ledger', 'bulk'] as const)('%s mode: faults, then the next run converges', (mode) => {
	it('a failed PUT mid-run: that Location is failed (never in_sync), the rest is done; the next run writes only it', async () => {
		const { s, table } = await synced(mode);
		fault(s, { matchMethod: 'PUT', matchPath: '/LOC-28', error5xxNext: 1 });
		const faulty = await runMode(s, mode, table, DESIRED);
		expect(actions(faulty)).toEqual({ unchanged: 22, updated: 3, created: 4, failed: 1 });
		expect(faulty.outcomes[27]).toMatchObject({ locationId: 'LOC-28', action: 'failed', ledger: { location_id: 'DE*ACM*LOC-28', state: 'failed', fingerprint: '' } });
		// read-once: the complete read proves the 5 new ones absent (no GET); ledger: the 8 without a vouching row are read
		const writes = [...[...CHANGED].map((id) => `PATCH ${id}`), ...ids.slice(25).map((id) => `PUT ${id}`)];
		const reads = { readOnce: { gets: 3, pages: 3 }, ledger: { gets: 8, pages: 0 }, bulk: { gets: 0, pages: 3 } }[mode];
		expect({ ...requestCounts(s), writes: requestCounts(s).writes.sort() }).toEqual({ ...reads, writes: writes.sort() });
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-28')).toBeUndefined();

		fault(s, {});
		const next = await runMode(s, mode, table, DESIRED);
		expect(actions(next)).toEqual({ unchanged: 29, created: 1 });
		const again = { readOnce: { gets: 0, pages: 3 }, ledger: { gets: 1, pages: 0 }, bulk: { gets: 0, pages: 3 } }[mode];
		expect(requestCounts(s)).toEqual({ ...again, writes: ['PUT LOC-28'] });
		expectConverged(s, table);
	});

	it('a write answered HTTP 200 with an OCPI error (2001): failed, never in_sync, the CPMS unchanged; the next run writes only it', async () => {
		const { s, table } = await synced(mode);
		fault(s, { matchMethod: 'PATCH', matchPath: '/LOC-07', ocpiErrorNext: 1, ocpiErrorCode: 2001 });
		const faulty = await runMode(s, mode, table, DESIRED);
		expect(actions(faulty)).toEqual({ unchanged: 22, updated: 2, created: 5, failed: 1 });
		expect(faulty.outcomes[6]).toMatchObject({ action: 'failed', failure: { statusCode: 2001 }, ledger: { location_id: 'DE*ACM*LOC-07', state: 'failed' } });
		// the last accepted fingerprint stays (bulk mode is given no rows, so it knows none)
		const accepted = mode === 'bulk' ? '' : fingerprintLocation(validLocation('LOC-07'), '2.2.1');
		expect(table.rows.get('DE*ACM*LOC-07')).toMatchObject({ state: 'failed', fingerprint: accepted, reason: expect.stringMatching(/2001/) });
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-07')?.name).toBe(validLocation('LOC-07').name);

		fault(s, {});
		const next = await runMode(s, mode, table, DESIRED);
		expect(actions(next)).toEqual({ unchanged: 29, updated: 1 });
		expect(requestCounts(s).writes).toEqual(['PATCH LOC-07']);
		expectConverged(s, table);
	});

	it('a refused page of the Sender read: nothing is taken as absent, the missing Locations are read one by one; the next run is clean', async () => {
		const { s, table } = await synced(mode);
		// page 2 fails for the Push's bulk read (read-once: for the read pass too)
		fault(s, { matchPath: `/sender/locations?offset=${PAGE}`, error5xxNext: mode === 'readOnce' ? 2 : 1 });
		// ledger mode reads the CPMS only for rows it cannot trust: verify every run makes it read all (in bulk)
		const verifyEveryDays = mode === 'ledger' ? 0 : 7;
		const faulty = await runMode(s, mode, table, DESIRED, verifyEveryDays);
		// no Location the CPMS holds was created blind: 3 PATCH + 5 PUT, the rest found equal
		expect(actions(faulty)).toEqual({ unchanged: 22, updated: 3, created: 5 });
		expect(requestCounts(s).writes.sort()).toEqual([...[...CHANGED].map((id) => `PATCH ${id}`), ...ids.slice(25).map((id) => `PUT ${id}`)].sort());
		const read = faulty.outcomes.map((o) => o!.read);
		expect(read.slice(0, PAGE).every((r) => r !== 'get')).toBe(true);
		// the 15 held Locations the failed pages would have listed and the 5 new ones: each by GET, never created blind
		// (read-once: 22 rows missing or changed make the Push read in bulk itself, and its page 2 fails too)
		expect(read.filter((r) => r === 'get')).toHaveLength(20);
		// page 1's Locations: vouched for by the read-once rows (the 2 changed ones from the Push's bulk page), or from its bulk page
		expect([read.filter((r) => r === 'ledger').length, read.filter((r) => r === 'bulk').length]).toEqual(mode === 'readOnce' ? [8, 2] : [0, PAGE]);
		expect(requestCounts(s)).toMatchObject({ gets: 20, pages: mode === 'readOnce' ? 4 : 2 });
		if (mode !== 'readOnce') expect(faulty.read.notice).toMatch(/The bulk read was not complete \(page 2 failed: .*HTTP 500/);
		expect(faulty.read.complete === true).toBe(false);
		expectConverged(s, table);

		fault(s, {});
		const next = await runMode(s, mode, table, DESIRED);
		expect(actions(next)).toEqual({ unchanged: 30 });
		expect(requestCounts(s)).toEqual({ gets: 0, pages: mode === 'ledger' ? 0 : 3, writes: [] });
		expectConverged(s, table);
	});

	it('a 5xx on discovery: every Location that needs the CPMS fails with its keyed row (stored rows kept, none in_sync), nothing is written; the next run converges', async () => {
		const { s, table } = await synced(mode);
		const before = new Map(table.rows);
		// read-once: the read's discovery and the batch's both fail
		fault(s, { matchPath: '/ocpi/versions', error5xxNext: mode === 'readOnce' ? 2 : 1, error5xxStatus: 503 });
		const faulty = await runMode(s, mode, table, DESIRED);
		// ledger: the 22 the stored rows vouch for need no CPMS (discovery is asked only for the 8 others)
		const needing = mode === 'ledger' ? new Set([...CHANGED, ...ids.slice(25)]) : new Set(ids);
		expect(actions(faulty)).toEqual(mode === 'ledger' ? { unchanged: 22, failed: 8 } : { failed: 30 });
		expect(s.cpms.requestLog.list().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(Array(mode === 'readOnce' ? 2 : 1).fill('GET /ocpi/versions 503'));
		expect(table.all().map((row) => row.location_id)).toEqual(ids.map((id) => `DE*ACM*${id}`));
		for (const row of table.all()) {
			// bulk mode is given no stored rows: its failed rows know no fingerprint
			const stored = mode === 'bulk' ? undefined : before.get(row.location_id);
			if (!needing.has(row.location_id.split('*')[2])) expect(row).toEqual(stored);
			else expect(row).toMatchObject({ state: 'failed', reason: expect.stringMatching(/HTTP 503/), fingerprint: stored?.fingerprint ?? '', last_pushed: stored?.last_pushed ?? '', last_verified: stored?.last_verified ?? '' });
		}

		fault(s, {});
		const next = await runMode(s, mode, table, DESIRED);
		expect(actions(next)).toEqual({ unchanged: 22, updated: 3, created: 5 });
		// read-once: the complete read vouches again (3 pages); bulk: all in bulk; ledger: the 8 failed rows are read by GET
		// (fewer than the bulk read's threshold), the 22 in_sync ones vouch
		const reads = { readOnce: { gets: 3, pages: 3 }, ledger: { gets: 8, pages: 0 }, bulk: { gets: 0, pages: 3 } }[mode];
		expect({ ...requestCounts(s), writes: requestCounts(s).writes.length }).toEqual({ ...reads, writes: 8 });
		expect(next.read).toMatchObject(mode === 'bulk' ? { complete: true, pages: 3 } : { mode: 'ledger' });
		expectConverged(s, table);
	});

	describe.each(['error5xx', 'reset'] as const)('applied the write, then lost the answer (%s)', (lostAnswerAs) => {
		const lose = (s: Started, method: string, id: string) => fault(s, { matchMethod: method, matchPath: `/${id}`, lostAnswerNext: 1, lostAnswerAs });

		it('a new Location: the CPMS stored it, the run says failed (never in_sync); the next run finds it equal and writes nothing', async () => {
			const { s, table } = await synced(mode);
			lose(s, 'PUT', 'LOC-28');
			const faulty = await runMode(s, mode, table, DESIRED);
			expect(actions(faulty)).toEqual({ unchanged: 22, updated: 3, created: 4, failed: 1 });
			expect(faulty.outcomes[27]).toMatchObject({ locationId: 'LOC-28', action: 'failed', ledger: { location_id: 'DE*ACM*LOC-28', state: 'failed', fingerprint: '' } });
			expect(s.cpms.requestLog.list().filter((e) => e.fault === 'lostAnswer').map((e) => `${e.method} ${e.path.replace(/^.*\/DE\/ACM\//, '')}`)).toEqual(['PUT LOC-28']);
			// the write was applied all the same
			expect(fingerprintLocation(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-28'), '2.2.1')).toBe(fingerprintLocation(DESIRED[27], '2.2.1'));
			expect(table.rows.get('DE*ACM*LOC-28')?.state).toBe('failed');

			fault(s, {});
			const next = await runMode(s, mode, table, DESIRED);
			expect(actions(next)).toEqual({ unchanged: 30 });
			// read-once and bulk: the pages show it equal; ledger: its failed row vouches for nothing, one GET shows it equal
			const reads = { readOnce: { gets: 0, pages: 3 }, ledger: { gets: 1, pages: 0 }, bulk: { gets: 0, pages: 3 } }[mode];
			expect(requestCounts(s)).toEqual({ ...reads, writes: [] });
			expect(next.outcomes[27]).toMatchObject({ action: 'unchanged', ledger: { state: 'in_sync', fingerprint: fingerprintLocation(DESIRED[27], '2.2.1') } });
			expectConverged(s, table);
		});

		it('a changed Location: the CPMS applied the PATCH, the row keeps the last accepted fingerprint and says failed; the next run writes nothing', async () => {
			const { s, table } = await synced(mode);
			lose(s, 'PATCH', 'LOC-07');
			const faulty = await runMode(s, mode, table, DESIRED);
			expect(actions(faulty)).toEqual({ unchanged: 22, updated: 2, created: 5, failed: 1 });
			expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-07')?.name).toBe('Renamed LOC-07');
			const accepted = mode === 'bulk' ? '' : fingerprintLocation(validLocation('LOC-07'), '2.2.1');
			expect(table.rows.get('DE*ACM*LOC-07')).toMatchObject({ state: 'failed', fingerprint: accepted });

			fault(s, {});
			const next = await runMode(s, mode, table, DESIRED);
			expect(actions(next)).toEqual({ unchanged: 30 });
			expect(requestCounts(s).writes).toEqual([]);
			expectConverged(s, table);
		});

		it('with retries: the write is sent again, the repeat is safe (one Location, its EVSEs once), and the row is in_sync in the same run', async () => {
			const { s, table } = await synced(mode);
			lose(s, 'PUT', 'LOC-28');
			const run = await runMode(s, mode, table, DESIRED, 7, 2);
			expect(actions(run)).toEqual({ unchanged: 22, updated: 3, created: 5 });
			expect(requestCounts(s).writes.filter((write) => write === 'PUT LOC-28')).toHaveLength(2);
			expect(run.outcomes[27]).toMatchObject({ action: 'created', ledger: { state: 'in_sync' } });
			expectConverged(s, table);
		});
	});
});
