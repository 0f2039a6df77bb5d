/** Which ledger rows are worth writing back to the stored ledger. */
import { ledgerWrite, readLedger, type LedgerRow } from '../../../core/sync/ledger';

const NOW = new Date('2026-11-20T10:00:00Z');
const ROW: LedgerRow = { location_id: 'DE*ACM*LOC-1', fingerprint: 'f1', state: 'in_sync', reason: '', last_pushed: '2026-11-01T00:00:00Z', last_verified: '2026-11-19T10:00:00Z' };

describe('ledgerWrite', () => {
	it('insert without a given row; update when state, fingerprint, reason or last_pushed changed', () => {
		expect(ledgerWrite(undefined, ROW, NOW, 7)).toBe('insert');
		expect(ledgerWrite(ROW, { ...ROW }, NOW, 7)).toBe('none');
		expect(ledgerWrite(ROW, { ...ROW, state: 'failed', reason: 'HTTP 500' }, NOW, 7)).toBe('update');
		expect(ledgerWrite(ROW, { ...ROW, fingerprint: 'f2' }, NOW, 7)).toBe('update');
		expect(ledgerWrite(ROW, { ...ROW, reason: 'other' }, NOW, 7)).toBe('update');
		expect(ledgerWrite(ROW, { ...ROW, last_pushed: NOW.toISOString() }, NOW, 7)).toBe('update');
	});

	it('a later last_verified alone is written only once the given one is older than half the verify interval', () => {
		const verifiedNow = { ...ROW, last_verified: NOW.toISOString() };
		// verified one day ago, interval 7 days: not yet
		expect(ledgerWrite(ROW, verifiedNow, NOW, 7)).toBe('none');
		expect(ledgerWrite({ ...ROW, last_verified: '2026-11-16T10:00:00Z' }, verifiedNow, NOW, 7)).toBe('update');
		expect(ledgerWrite({ ...ROW, last_verified: '' }, verifiedNow, NOW, 7)).toBe('update');
		expect(ledgerWrite(ROW, verifiedNow, NOW, 0)).toBe('update');
	});
});

describe('readLedger', () => {
	it('takes the items of Read CPMS Locations as they are: the report item is no row and no problem', () => {
		const ledger = readLedger([{ ...ROW, location_id: 'de*acm*loc-1' }, { readReport: true, complete: true }, { location_id: 'broken' }], '2.2.1');
		expect([...ledger.rows.keys()]).toEqual(['DE*ACM*LOC-1']);
		expect(ledger.ignored).toBe(1);
	});
});
