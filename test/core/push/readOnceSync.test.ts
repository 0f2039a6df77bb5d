/**
 * The batched full sync's core path: Read CPMS Locations once, then Sync Locations in ledger mode with its rows
 * (as every batch of the template does), against the real reference CPMS. Requests from the CPMS's own log.
 */
import { readCpmsLocations } from '../../../core/push/readCpmsLocations';
import { LEDGER_BULK_MIN, runLocationSync, type LocationSyncRun, type LocationSyncSettings } from '../../../core/push/runLocationSync';
import type { LedgerRow } from '../../../core/sync/ledger';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import { clientFor, FROM, TOKEN, type Started } from '../client/helpers';
import { cpmsPerTest, NOW, requestCounts, syncSettings } from './helpers';

const PAGE = 10;
// more than LEDGER_BULK_MIN, so a run that wanted to read them would bulk-read rather than GET
const LOCATIONS = Array.from({ length: LEDGER_BULK_MIN + 5 }, (_, i) => validLocation(`LOC-${String(i + 1).padStart(2, '0')}`));
const { start: cpms } = cpmsPerTest({ senderPageLimit: PAGE });

async function readOnce(s: Started) {
	s.cpms.requestLog.clear();
	return readCpmsLocations(clientFor(s, TOKEN, { retry: { maxAttempts: 1 } }).client, { party: FROM, now: NOW });
}

async function syncWith(s: Started, locations: LocationJson[], rows: LedgerRow[], complete: boolean, overrides: Partial<LocationSyncSettings> = {}): Promise<LocationSyncRun> {
	s.cpms.requestLog.clear();
	const settings = syncSettings({ cpmsRead: 'ledger', ledgerRows: rows, ledgerIsCompleteRead: complete, ledgerRowsWanted: true, assumeCompleteWithoutMark: true, ...overrides });
	return runLocationSync(clientFor(s, TOKEN, { retry: { maxAttempts: 1 } }).client, locations, settings);
}

const counts = requestCounts;

function summary(run: LocationSyncRun) {
	const of = (pick: (o: NonNullable<LocationSyncRun['outcomes'][number]>) => string) => run.outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [pick(o!)]: (acc[pick(o!)] ?? 0) + 1 }), {});
	return { action: of((o) => o.action), read: of((o) => o.read ?? 'none'), state: of((o) => o.ledger?.state ?? 'none'), write: of((o) => o.ledgerWrite ?? 'none') };
}

function renamed(location: LocationJson, name: string): LocationJson {
	return { ...location, name, last_updated: '2026-11-20T09:00:00Z' };
}

describe('Read CPMS Locations once, then Sync Locations with its rows', () => {
	it('first sync from an empty CPMS: one read pass, then one PUT per Location and no GET', async () => {
		const s = await cpms();
		const read = await readOnce(s);
		expect(read.report).toMatchObject({ complete: true, pages: 1, rows: 0, total: 0 });
		expect(counts(s)).toEqual({ gets: 0, pages: 1, writes: [] });

		const first = await syncWith(s, LOCATIONS, read.rows, read.report.complete);
		expect(counts(s)).toEqual({ gets: 0, pages: 0, writes: LOCATIONS.map((l) => `PUT ${l.id}`) });
		expect(summary(first)).toEqual({ action: { created: 25 }, read: { completeRead: 25 }, state: { in_sync: 25 }, write: { insert: 25 } });
	});

	it('unchanged compare: the read is its pages only, the sync sends nothing and writes no ledger row', async () => {
		const s = await cpms();
		await syncWith(s, LOCATIONS, [], true);
		const read = await readOnce(s);
		expect(counts(s)).toEqual({ gets: 0, pages: 3, writes: [] });
		const unchanged = await syncWith(s, LOCATIONS, read.rows, read.report.complete);
		expect(counts(s)).toEqual({ gets: 0, pages: 0, writes: [] });
		expect(summary(unchanged)).toEqual({ action: { unchanged: 25 }, read: { ledger: 25 }, state: { in_sync: 25 }, write: { none: 25 } });
	});

	it('a few changed: a GET and a minimal write for each changed one only', async () => {
		const s = await cpms();
		await syncWith(s, LOCATIONS, [], true);
		const changed = LOCATIONS.map((l, i) => (i === 3 || i === 17 ? renamed(l, `Renamed ${i}`) : l));
		const read = await readOnce(s);
		const run = await syncWith(s, changed, read.rows, read.report.complete);
		expect(counts(s)).toEqual({ gets: 2, pages: 0, writes: ['PATCH LOC-04', 'PATCH LOC-18'] });
		expect(summary(run)).toEqual({ action: { unchanged: 23, updated: 2 }, read: { ledger: 23, get: 2 }, state: { in_sync: 25 }, write: { none: 23, update: 2 } });
	});

	it('rows from an incomplete read prove no absence: a Location without a row is read before it is written', async () => {
		const s = await cpms();
		await syncWith(s, LOCATIONS.slice(0, 3), [], true);
		s.cpms.setFaults({ matchPath: '/sender/locations', error5xxNext: 1 });
		const read = await readOnce(s);
		expect(read.report).toMatchObject({ complete: false, rows: 0 });
		const run = await syncWith(s, LOCATIONS.slice(0, 4), read.rows, read.report.complete);
		// 4 to read is below LEDGER_BULK_MIN: one GET each; the 3 the CPMS has are unchanged, the 4th is created
		expect(counts(s)).toEqual({ gets: 4, pages: 0, writes: ['PUT LOC-04'] });
		expect(summary(run).action).toEqual({ unchanged: 3, created: 1 });
	});

	it('a failed write is never in_sync; the next read and sync converge', async () => {
		const s = await cpms();
		await syncWith(s, LOCATIONS.slice(0, 3), [], true);
		// LOC-01 loses a field (a PUT: PATCH cannot remove one), LOC-04 is new (a PUT): both PUTs fail
		const { postal_code: _dropped, ...withoutPostalCode } = LOCATIONS[0];
		const desired = [withoutPostalCode, ...LOCATIONS.slice(1, 4)];
		s.cpms.setFaults({ matchMethod: 'PUT', error5xxNext: 2 });
		const faulty = await syncWith(s, desired, (await readOnce(s)).rows, true);
		expect(faulty.outcomes.map((o) => [o?.locationId, o?.action, o?.ledger?.state, o?.ledgerWrite])).toEqual([
			['LOC-01', 'failed', 'failed', 'update'],
			['LOC-02', 'unchanged', 'in_sync', 'none'],
			['LOC-03', 'unchanged', 'in_sync', 'none'],
			['LOC-04', 'failed', 'failed', 'insert'],
		]);
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-04')).toBeUndefined();
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-01')?.postal_code).toBe(LOCATIONS[0].postal_code);

		const next = await syncWith(s, desired, (await readOnce(s)).rows, true);
		expect(next.outcomes.map((o) => [o?.action, o?.ledger?.state])).toEqual([['updated', 'in_sync'], ['unchanged', 'in_sync'], ['unchanged', 'in_sync'], ['created', 'in_sync']]);
		const held = (await readOnce(s)).rows;
		const again = await syncWith(s, desired, held, true);
		expect(counts(s)).toEqual({ gets: 0, pages: 0, writes: [] });
		expect(again.outcomes.every((o) => o?.action === 'unchanged')).toBe(true);
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-01')?.postal_code).toBeUndefined();
	});

	it('with the stored ledger given apart, ledger_write says what the Data table needs and last_pushed carries over', async () => {
		const s = await cpms();
		const locations = LOCATIONS.slice(0, 4);
		const first = await syncWith(s, locations, [], true, { storedLedgerRows: [] });
		let stored = upserted([], first);
		expect(stored.map((row) => [row.state, row.last_pushed])).toEqual(locations.map(() => ['in_sync', NOW.toISOString()]));

		// the Data table still says LOC-02 failed (a run that ended before it wrote the row), though the CPMS holds it
		stored = stored.map((row) => (row.location_id === 'DE*ACM*LOC-02' ? { ...row, state: 'failed', reason: 'HTTP 500' } : row));
		const desired = [renamed(locations[0], 'Renamed'), ...locations.slice(1)];
		const run = await syncWith(s, desired, (await readOnce(s)).rows, true, { storedLedgerRows: stored });
		expect(run.outcomes.map((o) => [o?.action, o?.ledger?.state, o?.ledgerWrite, o?.ledger?.last_pushed])).toEqual([
			['updated', 'in_sync', 'update', NOW.toISOString()],
			['unchanged', 'in_sync', 'update', NOW.toISOString()],
			['unchanged', 'in_sync', 'none', NOW.toISOString()],
			['unchanged', 'in_sync', 'none', NOW.toISOString()],
		]);
		stored = upserted(stored, run);
		expect(stored.map((row) => row.state)).toEqual(['in_sync', 'in_sync', 'in_sync', 'in_sync']);
	});
});

describe('Sync Locations with the version of the read (cpmsVersion)', () => {
	it('a batch whose Locations all match their rows sends no request at all; one that needs the CPMS discovers it first', async () => {
		const s = await cpms();
		await syncWith(s, LOCATIONS, [], true);
		const read = await readOnce(s);
		expect(read.report.version).toBe('2.2.1');
		const quiet = await syncWith(s, LOCATIONS, read.rows, true, { cpmsVersion: '2.2.1' });
		expect(s.cpms.requestLog.list()).toEqual([]);
		expect(summary(quiet).action).toEqual({ unchanged: 25 });

		const changed = LOCATIONS.map((l, i) => (i === 7 ? renamed(l, 'Renamed') : l));
		await syncWith(s, changed, read.rows, true, { cpmsVersion: '2.2.1' });
		expect(s.cpms.requestLog.list().map((e) => `${e.method} ${e.path.replace(/^.*\/DE\/ACM\//, '')}`)).toEqual(['GET /ocpi/versions', 'GET /ocpi/2.2.1', 'GET LOC-08', 'PATCH LOC-08']);
	});

	it('a CPMS that cannot be discovered fails only the Locations that need it', async () => {
		const s = await cpms();
		await syncWith(s, LOCATIONS.slice(0, 3), [], true);
		const read = await readOnce(s);
		s.cpms.setFaults({ down: '503' });
		const run = await syncWith(s, [renamed(LOCATIONS[0], 'Renamed'), ...LOCATIONS.slice(1, 3)], read.rows, true, { cpmsVersion: '2.2.1' });
		expect(run.outcomes.map((o) => [o?.action, o?.ledger?.state])).toEqual([['failed', 'failed'], ['unchanged', 'in_sync'], ['unchanged', 'in_sync']]);
	});
});

/** The stored ledger after writing the rows whose ledger_write is not none (a Data table upsert on location_id). */
function upserted(stored: LedgerRow[], run: LocationSyncRun): LedgerRow[] {
	const rows = new Map(stored.map((row) => [row.location_id, row]));
	for (const outcome of run.outcomes) if (outcome?.ledger && outcome.ledgerWrite !== 'none') rows.set(outcome.ledger.location_id, outcome.ledger);
	return [...rows.values()];
}
