/**
 * The one reader of the Sync Locations options (nodes/OcpiPush/syncOptions.ts), used by a Sync that starts and by one
 * that cannot (its failed ledger rows): each wrong option is a problem and reads as its default, the others as given.
 */
import { readSyncOptions } from '../../nodes/OcpiPush/syncOptions';

const ROWS = [{ location_id: 'DE*ACM*LOC-1', fingerprint: 'f', state: 'in_sync', reason: '', last_pushed: '', last_verified: '' }];

describe('readSyncOptions', () => {
	it('defaults: per-object read, verify every 7 days, no rows, tolerance 5 s, no problem', () => {
		expect(readSyncOptions(undefined, {})).toEqual({
			sync: {
				cpmsRead: 'perObject',
				ledgerRows: [],
				verifyEveryDays: 7,
				ledgerIsCompleteRead: false,
				cpmsVersion: undefined,
				storedLedgerRows: undefined,
				removedEvsePolicy: 'markRemoved',
				assumeCompleteWithoutMark: false,
				staleness: { mode: 'skipOlder', toleranceSeconds: 5, cpmsStamps: 'kept' },
			},
			problems: [],
		});
	});

	it('ledger mode: rows from an array or JSON text, the version of the rows, the stored rows', () => {
		const { sync, problems } = readSyncOptions('ledger', { ledgerRows: JSON.stringify(ROWS), storedLedgerRows: ROWS, cpmsVersion: ' 2.1.1 ', verifyEveryDays: 0, ledgerIsCompleteRead: true });
		expect(problems).toEqual([]);
		expect(sync).toMatchObject({ cpmsRead: 'ledger', ledgerRows: ROWS, storedLedgerRows: ROWS, cpmsVersion: '2.1.1', verifyEveryDays: 0, ledgerIsCompleteRead: true });
	});

	it('the ledger options count only in ledger mode', () => {
		expect(readSyncOptions('bulk', { ledgerRows: 'not json', cpmsVersion: '9', ledgerIsCompleteRead: true }).sync).toMatchObject({ cpmsRead: 'bulk', ledgerRows: [], cpmsVersion: undefined, ledgerIsCompleteRead: false });
	});

	it('each wrong option is a problem, in the order a started Sync reports them, and reads as its default; the right ones as given', () => {
		const { sync, problems } = readSyncOptions('ledger', { clockToleranceSeconds: -1, verifyEveryDays: 'weekly', ledgerRows: ROWS, storedLedgerRows: '{', cpmsVersion: '3.0', olderThanCpms: 'newest' });
		expect(problems.map((problem) => problem.message)).toEqual([
			'Clock Tolerance must be a number of seconds, 0 or more (got -1)',
			'Verify Against CPMS Every (Days) must be a number of days, 0 or more (got weekly)',
			'OCPI Version of the Rows must be one of 2.3.0, 2.2.1, 2.1.1 or empty (got 3.0)',
			'Stored Ledger Rows is not valid JSON',
			"Unknown Data Older Than the CPMS choice 'newest'",
		]);
		// unreadable stored rows are no rows given (ledger_write then compares with Ledger Rows), not an empty ledger
		expect(sync).toMatchObject({ ledgerRows: ROWS, storedLedgerRows: undefined, cpmsVersion: undefined, verifyEveryDays: 7, staleness: { mode: 'skipOlder', toleranceSeconds: 5 } });
	});
});
