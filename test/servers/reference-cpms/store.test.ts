import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderPage } from '../../../servers/reference-cpms/page';
import { CpmsStore } from '../../../servers/reference-cpms/store';
import { dateTimeSortKey } from '../../../servers/reference-cpms/sortKey';
import { removeDir } from './helpers';

const PARTY = 'DE*ACM';

function at(id: string, lastUpdated: string): Record<string, unknown> {
	return { id, last_updated: lastUpdated };
}

function ids(page: { items: Array<Record<string, unknown>> }): unknown[] {
	return page.items.map((item) => item.id);
}

describe('reference CPMS store (SQLite)', () => {
	let store: CpmsStore;
	beforeEach(() => {
		store = new CpmsStore(undefined);
	});
	afterEach(() => store.close());

	it('pages one party by last_updated, then id, with the total of all pages', () => {
		store.setLocation('2.2.1', PARTY, 'C', at('C', '2026-11-01T10:00:00Z'));
		store.setLocation('2.2.1', PARTY, 'B', at('B', '2026-11-01T09:00:00Z'));
		store.setLocation('2.2.1', PARTY, 'A', at('A', '2026-11-01T10:00:00Z'));
		store.setLocation('2.2.1', PARTY, 'D', at('D', '2026-11-01T08:00:00Z'));
		store.setLocation('2.2.1', 'NL*OTH', 'X', at('X', '2026-11-01T08:00:00Z'));
		store.setLocation('2.1.1', PARTY, 'Y', at('Y', '2026-11-01T08:00:00Z'));

		expect(ids(store.listLocations('2.2.1', PARTY, { offset: 0, limit: 10 }))).toEqual(['D', 'B', 'A', 'C']);
		const second = store.listLocations('2.2.1', PARTY, { offset: 2, limit: 1 });
		expect(second.total).toBe(4);
		expect(ids(second)).toEqual(['A']);
		expect(store.listLocations('2.2.1', PARTY, { offset: 4, limit: 10 })).toEqual({ total: 4, items: [] });
		expect(store.listLocations('2.2.1', 'FR*NOB', { offset: 0, limit: 10 })).toEqual({ total: 0, items: [] });
	});

	it('date_from is inclusive and date_to exclusive, comparing instants whatever the spelling', () => {
		store.setLocation('2.2.1', PARTY, 'EARLY', at('EARLY', '2026-11-01T08:00:00Z'));
		store.setLocation('2.2.1', PARTY, 'EDGE', at('EDGE', '2026-11-01T09:00:00.000Z'));
		store.setLocation('2.2.1', PARTY, 'FRACTION', at('FRACTION', '2026-11-01T09:00:00.5'));
		store.setLocation('2.2.1', PARTY, 'LATE', at('LATE', '2026-11-01T10:00:00Z'));

		const from = store.listLocations('2.2.1', PARTY, { offset: 0, limit: 10, dateFrom: '2026-11-01T09:00:00' });
		expect(ids(from)).toEqual(['EDGE', 'FRACTION', 'LATE']);
		expect(from.total).toBe(3);
		const window = store.listLocations('2.2.1', PARTY, { offset: 0, limit: 10, dateFrom: '2026-11-01T08:00:00Z', dateTo: '2026-11-01T10:00:00Z' });
		expect(ids(window)).toEqual(['EARLY', 'EDGE', 'FRACTION']);
		expect(ids(store.listLocations('2.2.1', PARTY, { offset: 0, limit: 10, dateTo: '2026-11-01T09:00:00Z' }))).toEqual(['EARLY']);
	});

	it('a write replaces the row in place: one row per Location, ordered by its new last_updated', () => {
		store.setLocation('2.2.1', PARTY, 'loc-1', at('LOC-1', '2026-11-01T08:00:00Z'));
		store.setLocation('2.2.1', PARTY, 'LOC-2', at('LOC-2', '2026-11-01T09:00:00Z'));
		// 2.2.1 ids are CiStrings: LOC-1 is loc-1
		store.setLocation('2.2.1', PARTY, 'LOC-1', at('LOC-1', '2026-11-01T10:00:00Z'));

		expect(store.countLocations('2.2.1')).toBe(2);
		expect(ids(store.listLocations('2.2.1', PARTY, { offset: 0, limit: 10 }))).toEqual(['LOC-2', 'LOC-1']);
		// the order of first arrival stays for the page and the tests that read allLocations
		expect(store.allLocations('2.2.1').map((entry) => entry.location.id)).toEqual(['LOC-1', 'LOC-2']);
		expect(store.location('2.2.1', PARTY, 'Loc-1')).toEqual(at('LOC-1', '2026-11-01T10:00:00Z'));
		// 2.1.1 ids are case-sensitive
		store.setLocation('2.1.1', PARTY, 'a', at('a', '2026-11-01T08:00:00Z'));
		expect(store.location('2.1.1', PARTY, 'A')).toBeUndefined();
	});

	it('the web page counts every Location but renders only the first 200 (it refreshes every 5 s)', () => {
		for (let i = 0; i < 205; i++) store.setLocation('2.2.1', PARTY, `LOC-${i}`, { ...at(`LOC-${i}`, '2026-11-01T08:00:00Z'), name: `Site ${i}` });
		const page = renderPage(store);
		expect(page).toContain('205 Location(s) (the first 200 shown)');
		expect(page).toContain('Site 199');
		expect(page).not.toContain('Site 200');
	});

	it('hands out copies: changing a read Location does not change what is stored', () => {
		store.setLocation('2.2.1', PARTY, 'LOC-1', at('LOC-1', '2026-11-01T08:00:00Z'));
		store.location('2.2.1', PARTY, 'LOC-1')!.last_updated = 'changed';
		expect(store.location('2.2.1', PARTY, 'LOC-1')!.last_updated).toBe('2026-11-01T08:00:00Z');
	});

	it('keeps Locations, the registration and void tokens in its file across a reopen', () => {
		const dir = mkdtempSync(join(tmpdir(), 'cpms-store-'));
		const file = join(dir, 'nested', 'cpms.sqlite');
		try {
			const first = new CpmsStore(file);
			first.setLocation('2.2.1', PARTY, 'LOC-1', at('LOC-1', '2026-11-01T08:00:00Z'));
			const registration = { version: '2.2.1' as const, clientToken: 'b', clientUrl: 'http://x', clientRoles: [], serverToken: 'c', registeredAt: '2026-11-01T08:00:00Z' };
			first.setRegistration(registration, 'token-a');
			first.close();

			const second = new CpmsStore(file);
			expect(second.location('2.2.1', PARTY, 'LOC-1')).toEqual(at('LOC-1', '2026-11-01T08:00:00Z'));
			expect(second.registration).toEqual(registration);
			expect(second.isVoidTokenA('token-a')).toBe(true);
			expect(second.data).toEqual({ locations: { '2.2.1': { [PARTY]: { 'LOC-1': at('LOC-1', '2026-11-01T08:00:00Z') } }, '2.1.1': {}, '2.3.0': {} }, registration, voidTokensA: ['token-a'] });
			second.close();
			expect(readdirSync(join(dir, 'nested'))).toEqual(['cpms.sqlite']);
		} finally {
			removeDir(dir);
		}
	});
});

describe('dateTimeSortKey', () => {
	it('spells one instant one way and keeps the order of instants', () => {
		expect(dateTimeSortKey('2026-11-01T09:00:00Z')).toBe(dateTimeSortKey('2026-11-01T09:00:00.000'));
		expect(dateTimeSortKey('2026-11-01T09:00:00.1Z')).toBe(dateTimeSortKey('2026-11-01T09:00:00.100000000Z'));
		const ordered = ['2026-11-01T08:59:59.999Z', '2026-11-01T09:00:00', '2026-11-01T09:00:00.000000001Z', '2026-11-01T09:00:00.5', '2026-11-01T10:00:00Z'];
		// SQLite compares TEXT byte by byte, as < does
		const keys = [...ordered].reverse().map(dateTimeSortKey).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
		expect(keys).toEqual(ordered.map(dateTimeSortKey));
	});
});
