/**
 * A Sync whose discovery fails before any Location could be handled still gives each Location its ledger row under
 * its COUNTRY*PARTY*ID key (never the plain id), state failed with the cause, the fingerprint and dates of the row it
 * had kept: an upsert of the rows into the Data table is right without any mapping. Against the real reference CPMS
 * with its discovery refused; what was sent is read from the CPMS's own log.
 */
import { runLocationSync, type LocationSyncRun, type LocationSyncSettings } from '../../../core/push/runLocationSync';
import { keyVersionOfRows } from '../../../core/push/rowKeyVersion';
import type { LedgerRow } from '../../../core/sync/ledger';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import { clientFor, TOKEN, type Started } from '../client/helpers';
import { cpmsPerTest, syncSettings } from './helpers';

const { start: cpms } = cpmsPerTest();

function storedRow(id: string, overrides: Partial<LedgerRow> = {}): LedgerRow {
	return {
		location_id: `DE*ACM*${id}`,
		fingerprint: `fp-${id}`.padEnd(64, '0'),
		state: 'in_sync',
		reason: '',
		last_pushed: '2026-11-01T10:00:00Z',
		last_verified: '2026-11-19T10:00:00Z',
		...overrides,
	};
}

async function refusedRun(s: Started, locations: LocationJson[], overrides: Partial<LocationSyncSettings>): Promise<LocationSyncRun> {
	s.cpms.setFaults({ down: '503' });
	s.cpms.requestLog.clear();
	return runLocationSync(clientFor(s, TOKEN, { retry: { maxAttempts: 1 } }).client, locations, syncSettings({ ledgerRowsWanted: true, ...overrides }));
}

function rowsOf(run: LocationSyncRun) {
	return run.outcomes.map((o) => ({ action: o?.action, ledger: o?.ledger, write: o?.ledgerWrite }));
}

describe('ledger rows of a Sync whose discovery failed', () => {
	it('batch with rows from the CPMS read and the stored ledger: each stored row comes back failed with its fingerprint and dates, a new Location gets a keyed failed row', async () => {
		const s = await cpms();
		const locations = ['LOC-1', 'LOC-2', 'LOC-3'].map((id) => validLocation(id));
		// LOC-1: read row and stored row; LOC-2: stored row only (e.g. the read missed it); LOC-3: never synced
		const readRows = [storedRow('LOC-1', { last_pushed: '', last_verified: '2026-11-20T09:00:00Z' })];
		const stored = [storedRow('LOC-1'), storedRow('LOC-2', { state: 'failed', reason: 'HTTP 500' })];
		const run = await refusedRun(s, locations, { cpmsRead: 'ledger', ledgerRows: readRows, storedLedgerRows: stored, ledgerIsCompleteRead: false });

		expect(run.firstFailure).toBe(0);
		const reason = run.outcomes[0]!.failure!.message;
		expect(reason).toMatch(/GET http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions: HTTP 503/);
		expect(rowsOf(run)).toEqual([
			{
				action: 'failed',
				ledger: { location_id: 'DE*ACM*LOC-1', fingerprint: readRows[0].fingerprint, state: 'failed', reason, last_pushed: stored[0].last_pushed, last_verified: readRows[0].last_verified },
				write: 'update',
			},
			{ action: 'failed', ledger: { ...stored[1], reason }, write: 'update' },
			{ action: 'failed', ledger: { location_id: 'DE*ACM*LOC-3', fingerprint: '', state: 'failed', reason, last_pushed: '', last_verified: '' }, write: 'insert' },
		]);
		// only the one discovery attempt reached the CPMS; nothing was written
		expect(s.cpms.requestLog.list().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /ocpi/versions 503']);
		expect(s.cpms.store.allLocations('2.2.1')).toEqual([]);
	});

	it('a stored row already failed for the same cause needs no write', async () => {
		const s = await cpms();
		const first = await refusedRun(s, [validLocation('LOC-1')], { cpmsRead: 'ledger', ledgerRows: [storedRow('LOC-1')] });
		const again = await refusedRun(s, [validLocation('LOC-1')], { cpmsRead: 'ledger', ledgerRows: [first.outcomes[0]!.ledger!] });
		expect(again.outcomes[0]).toMatchObject({ action: 'failed', ledger: first.outcomes[0]!.ledger, ledgerWrite: 'none' });
	});

	it('keys by the id rule the stored rows were made with: 2.1.1 keeps a mixed-case id as sent, 2.2.1 upper-cases it', async () => {
		const s = await cpms();
		const mixed = [validLocation('Loc-a'), validLocation('Loc-b')];
		const as211 = await refusedRun(s, mixed, { cpmsRead: 'ledger', ledgerRows: [storedRow('Loc-a')] });
		expect(as211.outcomes.map((o) => [o?.ledger?.location_id, o?.ledgerWrite])).toEqual([
			['DE*ACM*Loc-a', 'update'],
			['DE*ACM*Loc-b', 'insert'],
		]);
		const as221 = await refusedRun(s, mixed, { cpmsRead: 'ledger', ledgerRows: [storedRow('LOC-A')] });
		expect(as221.outcomes.map((o) => [o?.ledger?.location_id, o?.ledgerWrite])).toEqual([
			['DE*ACM*LOC-A', 'update'],
			['DE*ACM*LOC-B', 'insert'],
		]);
		// OCPI Version of the Rows decides before the rows
		const pinned = await refusedRun(s, mixed, { cpmsRead: 'ledger', ledgerRows: [storedRow('LOC-A')], cpmsVersion: '2.1.1' });
		expect(pinned.outcomes.map((o) => o?.ledger?.location_id)).toEqual(['DE*ACM*Loc-a', 'DE*ACM*Loc-b']);
		// nothing was asked of the CPMS but discovery
		expect(s.cpms.requestLog.list().every((e) => /^\/ocpi\/versions$/.test(e.path))).toBe(true);
	});

	it('one GET per Location with rows wanted (Output: Ledger Rows): keyed failed rows too; without rows wanted, plain failures', async () => {
		const s = await cpms();
		const run = await refusedRun(s, [validLocation('LOC-1')], { cpmsRead: 'perObject' });
		expect(run.outcomes[0]).toMatchObject({ action: 'failed', ledger: { location_id: 'DE*ACM*LOC-1', state: 'failed' }, ledgerWrite: 'insert' });
		const plain = await refusedRun(s, [validLocation('LOC-1'), { name: 'no id' }], { cpmsRead: 'perObject', ledgerRowsWanted: false });
		expect(plain.outcomes.map((o) => [o?.locationId, o?.action, o?.ledger])).toEqual([
			['LOC-1', 'failed', undefined],
			['', 'failed', undefined],
		]);
	});

	it('a 2.3.0 Location the 2.2.1 CPMS cannot take (conversion refused) gets its keyed failed row, its stored fingerprint and dates kept', async () => {
		const s = await cpms();
		// MCS is a 2.3.0 connector standard with no 2.2.1 stand-in
		const location = validLocation('LOC-1');
		location.evses[0].connectors[0].standard = 'MCS';
		const stored = storedRow('LOC-1');
		const run = await runLocationSync(clientFor(s, TOKEN).client, [location], syncSettings({ ledgerRowsWanted: true, cpmsRead: 'ledger', ledgerRows: [stored], cpmsVersion: '2.2.1' }));
		const outcome = run.outcomes[0]!;
		expect(outcome.failure?.message).toMatch(/standard is MCS, which OCPI 2\.2\.1 cannot express/);
		expect(outcome.ledger).toEqual({ ...stored, state: 'failed', reason: outcome.failure!.message });
		expect(outcome.ledgerWrite).toBe('update');
		// refused before any request: the CPMS was not asked and holds nothing
		expect(s.cpms.store.allLocations('2.2.1')).toEqual([]);
	});

	it('tells the id rule from the rows only where it matters', () => {
		const ids = (id: string) => ({ country_code: 'DE', party_id: 'ACM', location_id: id });
		expect(keyVersionOfRows([ids('LOC-1')], [storedRow('LOC-1')])).toBeUndefined();
		expect(keyVersionOfRows([ids('Loc-1')], [storedRow('LOC-1')])).toBe('2.2.1');
		expect(keyVersionOfRows([ids('LOC-1')], [storedRow('other-one')])).toBe('2.1.1');
		expect(keyVersionOfRows([ids('Loc-1')], [{ nonsense: true }, 'x'])).toBeUndefined();
	});
});
