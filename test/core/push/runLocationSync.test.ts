/**
 * The Sync Locations sequence in core, against the real reference CPMS on 127.0.0.1: what each CPMS Read
 * mode sends (counted in the CPMS's own request log) and what it refuses to conclude from too little.
 */
import * as sync from '../../../core/sync';
import { LEDGER_BULK_MIN, runLocationSync, type LocationSyncRun, type LocationSyncSettings } from '../../../core/push/runLocationSync';
import type { LedgerRow } from '../../../core/sync/ledger';
import { validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import { clientFor, TOKEN, type Started } from '../client/helpers';
import { cpmsPerTest, requestCounts, syncSettings } from './helpers';

const LOCATIONS = ['LOC-1', 'LOC-2', 'LOC-3', 'LOC-4', 'LOC-5'].map((id) => validLocation(id));
const { start: cpms } = cpmsPerTest({ senderPageLimit: 2 });
const settings = syncSettings;

async function run(s: Started, locations: unknown[], overrides: Partial<LocationSyncSettings> = {}): Promise<LocationSyncRun> {
	s.cpms.requestLog.clear();
	return runLocationSync(clientFor(s, TOKEN).client, locations, settings(overrides));
}

const counts = requestCounts;

function actions(result: LocationSyncRun): string[] {
	return result.outcomes.map((outcome) => `${outcome?.locationId} ${outcome?.action}`);
}

function renamed(location: LocationJson, name: string): LocationJson {
	return { ...location, name, last_updated: '2026-11-20T09:00:00Z' };
}

function rows(result: LocationSyncRun): LedgerRow[] {
	return result.outcomes.map((outcome) => outcome!.ledger!);
}

describe('runLocationSync: CPMS Read "perObject"', () => {
	it('plans each Location once: GET + PUT for new ones, one GET each when unchanged', async () => {
		const s = await cpms();
		const planner = jest.spyOn(sync, 'planLocationSync');
		try {
			const first = await run(s, LOCATIONS);
			expect(actions(first)).toEqual(LOCATIONS.map((l) => `${l.id} created`));
			expect(planner).toHaveBeenCalledTimes(LOCATIONS.length);
			expect(counts(s)).toEqual({ gets: 5, pages: 0, writes: LOCATIONS.map((l) => `PUT ${l.id}`) });
			expect(first.outcomes.every((outcome) => outcome?.read === 'get')).toBe(true);

			planner.mockClear();
			const second = await run(s, LOCATIONS);
			expect(actions(second)).toEqual(LOCATIONS.map((l) => `${l.id} unchanged`));
			expect(planner).toHaveBeenCalledTimes(LOCATIONS.length);
			expect(counts(s)).toEqual({ gets: 5, pages: 0, writes: [] });
		} finally {
			planner.mockRestore();
		}
	});

	it('fails every Location with the cause when discovery fails, and sends nothing else', async () => {
		const s = await cpms({ faults: { down: '503' } });
		const result = await runLocationSync(clientFor(s, TOKEN, { retry: { maxAttempts: 1 } }).client, LOCATIONS.slice(0, 2), settings());
		expect(actions(result)).toEqual(['LOC-1 failed', 'LOC-2 failed']);
		expect(result.outcomes[0]?.failure?.message).toMatch(/versions: HTTP 503/);
		expect(result.firstFailure).toBe(0);
	});
});

describe('runLocationSync: CPMS Read "bulk" (the CPMS Locations Sender)', () => {
	it('first sync: one page says the CPMS is empty, so each new Location costs one PUT and no GET', async () => {
		const s = await cpms();
		const result = await run(s, LOCATIONS, { cpmsRead: 'bulk' });
		expect(actions(result)).toEqual(LOCATIONS.map((l) => `${l.id} created`));
		expect(result.read).toEqual({ mode: 'bulk', pages: 1, complete: true, total: 0 });
		expect(counts(s)).toEqual({ gets: 0, pages: 1, writes: LOCATIONS.map((l) => `PUT ${l.id}`) });
	});

	it('unchanged compare: pages only (5 Locations, 2 per page = 3 pages), no GET, no write; a change costs its PATCH only', async () => {
		const s = await cpms();
		await run(s, LOCATIONS, { cpmsRead: 'bulk' });

		const unchanged = await run(s, LOCATIONS, { cpmsRead: 'bulk' });
		expect(actions(unchanged)).toEqual(LOCATIONS.map((l) => `${l.id} unchanged`));
		expect(unchanged.read).toEqual({ mode: 'bulk', pages: 3, complete: true, total: 5 });
		expect(counts(s)).toEqual({ gets: 0, pages: 3, writes: [] });
		expect(unchanged.outcomes.every((outcome) => outcome?.read === 'bulk')).toBe(true);

		const changed = [...LOCATIONS.slice(0, 4), renamed(LOCATIONS[4], 'Renamed')];
		const oneChanged = await run(s, changed, { cpmsRead: 'bulk' });
		expect(actions(oneChanged)[4]).toBe('LOC-5 updated');
		expect(counts(s)).toEqual({ gets: 0, pages: 3, writes: ['PATCH LOC-5'] });
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-5')?.name).toBe('Renamed');
	});

	it('a failed page makes the read partial: Locations it did not cover are read by GET, never created blind', async () => {
		const s = await cpms();
		await run(s, LOCATIONS, { cpmsRead: 'perObject' });
		// the second page (offset 2) fails on every attempt
		s.cpms.setFaults({ matchPath: '/sender/locations?offset=2', error5xxNext: 4 });
		const result = await run(s, LOCATIONS, { cpmsRead: 'bulk' });
		expect(result.read).toMatchObject({ mode: 'bulk', pages: 1, complete: false });
		expect(result.read.notice).toMatch(/not complete \(page 2 failed: .*HTTP 500.*\): Locations not in it were read with their own GET/);
		expect(actions(result)).toEqual(LOCATIONS.map((l) => `${l.id} unchanged`));
		expect(result.outcomes.map((outcome) => outcome?.read)).toEqual(['bulk', 'bulk', 'get', 'get', 'get']);
		expect(counts(s)).toMatchObject({ gets: 3, writes: [] });
	});

	it('falls back to one GET per Location, with a notice, when the CPMS offers no Locations Sender', async () => {
		const s = await cpms({ senderInterface: false });
		const result = await run(s, LOCATIONS.slice(0, 2), { cpmsRead: 'bulk' });
		expect(result.read.notice).toMatch(/offers no Locations SENDER endpoint for OCPI 2\.2\.1; every Location was read with its own GET/);
		expect(actions(result)).toEqual(['LOC-1 created', 'LOC-2 created']);
		expect(counts(s)).toEqual({ gets: 2, pages: 0, writes: ['PUT LOC-1', 'PUT LOC-2'] });
	});

	it('a Location of another party than the bulk read covers is read by GET', async () => {
		const s = await cpms();
		const other = { ...validLocation('LOC-O'), party_id: 'XYZ' };
		const result = await run(s, [other], { cpmsRead: 'bulk' });
		expect(result.outcomes[0]).toMatchObject({ action: 'created', read: 'get' });
	});
});

describe('runLocationSync: CPMS Read "ledger"', () => {
	const ledger = (overrides: Partial<LocationSyncSettings> = {}) => ({ cpmsRead: 'ledger' as const, ledgerRowsWanted: true, ...overrides });

	it('unchanged Locations with an in_sync row cost nothing; a change costs its GET and write; rows record what was accepted', async () => {
		const s = await cpms();
		const first = await run(s, LOCATIONS, ledger());
		// no row is no proof of absence: read first
		expect(counts(s)).toEqual({ gets: 5, pages: 0, writes: LOCATIONS.map((l) => `PUT ${l.id}`) });
		const firstRows = rows(first);
		expect(firstRows[0]).toEqual({
			location_id: 'DE*ACM*LOC-1',
			fingerprint: sync.fingerprintLocation(LOCATIONS[0]),
			state: 'in_sync',
			reason: '',
			last_pushed: '2026-11-20T10:00:00.000Z',
			last_verified: '2026-11-20T10:00:00.000Z',
		});

		const later = new Date('2026-11-21T10:00:00.000Z');
		const unchanged = await run(s, LOCATIONS, ledger({ ledgerRows: firstRows, now: later }));
		expect(actions(unchanged)).toEqual(LOCATIONS.map((l) => `${l.id} unchanged`));
		expect(counts(s)).toEqual({ gets: 0, pages: 0, writes: [] });
		expect(rows(unchanged)).toEqual(firstRows);

		const changed = [...LOCATIONS.slice(0, 4), renamed(LOCATIONS[4], 'Renamed')];
		const oneChanged = await run(s, changed, ledger({ ledgerRows: firstRows, now: later }));
		expect(counts(s)).toEqual({ gets: 1, pages: 0, writes: ['PATCH LOC-5'] });
		expect(rows(oneChanged)[4]).toMatchObject({ state: 'in_sync', fingerprint: sync.fingerprintLocation(changed[4]), last_pushed: '2026-11-21T10:00:00.000Z' });
	});

	it('a failed write is never in_sync: the row says failed and keeps the last accepted fingerprint; the next run repairs it', async () => {
		const s = await cpms();
		const firstRows = rows(await run(s, LOCATIONS, ledger()));
		const changed = [...LOCATIONS.slice(0, 4), renamed(LOCATIONS[4], 'Renamed')];
		s.cpms.setFaults({ matchMethod: 'PATCH', error5xxNext: 4 });
		const failedRun = await run(s, changed, ledger({ ledgerRows: firstRows }));
		expect(actions(failedRun)[4]).toBe('LOC-5 failed');
		const failedRow = rows(failedRun)[4];
		expect(failedRow).toMatchObject({ state: 'failed', fingerprint: firstRows[4].fingerprint, last_pushed: firstRows[4].last_pushed });
		expect(failedRow.reason).toMatch(/HTTP 500/);

		s.cpms.setFaults(null);
		const nextRows = [...firstRows.slice(0, 4), failedRow];
		const repaired = await run(s, changed, ledger({ ledgerRows: nextRows }));
		expect(counts(s)).toEqual({ gets: 1, pages: 0, writes: ['PATCH LOC-5'] });
		expect(rows(repaired)[4]).toMatchObject({ state: 'in_sync', fingerprint: sync.fingerprintLocation(changed[4]) });
	});

	it('the periodic verify reads the CPMS and repairs a Location changed behind the ledger\'s back', async () => {
		const s = await cpms();
		const firstRows = rows(await run(s, LOCATIONS, ledger()));
		// someone edits LOC-2 at the CPMS directly
		const tampered = { ...s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-2')!, name: 'Edited at the CPMS' };
		s.cpms.store.setLocation('2.2.1', 'DE*ACM', 'LOC-2', tampered);

		const withinWeek = await run(s, LOCATIONS, ledger({ ledgerRows: firstRows, now: new Date('2026-11-26T10:00:00.000Z') }));
		expect(counts(s)).toEqual({ gets: 0, pages: 0, writes: [] });
		expect(withinWeek.outcomes[1]?.read).toBe('ledger');

		const verify = await run(s, LOCATIONS, ledger({ ledgerRows: firstRows, now: new Date('2026-11-27T10:00:00.000Z') }));
		expect(counts(s)).toEqual({ gets: 5, pages: 0, writes: ['PATCH LOC-2'] });
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-2')?.name).toBe(LOCATIONS[1].name);
		expect(rows(verify).map((row) => row.last_verified)).toEqual(LOCATIONS.map(() => '2026-11-27T10:00:00.000Z'));
	});

	it('withheld removals keep the row pending (read again next run), and dry runs change no row', async () => {
		const s = await cpms();
		const two = { ...validLocation('LOC-W'), evses: [...validLocation('LOC-W').evses, { ...validLocation('LOC-W').evses[0], uid: 'LOC-W-EVSE-2', evse_id: 'DE*ACM*E0009*2' }] };
		const firstRows = rows(await run(s, [two], ledger()));
		const one = validLocation('LOC-W');
		const partial = await run(s, [one], ledger({ ledgerRows: firstRows }));
		expect(partial.outcomes[0]).toMatchObject({ action: 'partial', ledger: { state: 'pending', reason: expect.stringMatching(/evses\[LOC-W-EVSE-2\] withheld/) } });

		const dry = await run(s, [renamed(two, 'Dry')], ledger({ ledgerRows: firstRows, dryRun: true }));
		expect(dry.outcomes[0]).toMatchObject({ action: 'planned', ledger: { ...firstRows[0], reason: 'dry run: nothing written' } });
		expect(counts(s).writes).toEqual([]);
	});

	it('unreadable rows are ignored with a notice and their Locations read', async () => {
		const s = await cpms();
		const result = await run(s, LOCATIONS.slice(0, 1), ledger({ ledgerRows: [{ location_id: 'LOC-1', state: 'in_sync' }, { nonsense: true }] }));
		expect(result.read.notice).toMatch(/2 ledger row\(s\) had no usable location_id or state/);
		expect(counts(s).gets).toBe(1);
	});

	describe('reads what the ledger cannot vouch for through the bulk read when that takes fewer requests', () => {
		const MANY = Array.from({ length: LEDGER_BULK_MIN + 5 }, (_, i) => validLocation(`LOC-M${String(i).padStart(2, '0')}`));

		it('first sync: one page proves the CPMS empty, so each new Location costs one PUT', async () => {
			const s = await cpms();
			const first = await run(s, MANY, ledger());
			expect(counts(s)).toEqual({ gets: 0, pages: 1, writes: MANY.map((l) => `PUT ${l.id}`) });
			expect(rows(first).every((row) => row.state === 'in_sync')).toBe(true);
			expect(first.read).toMatchObject({ mode: 'ledger', pages: 1, complete: true });
		});

		it('verify day: 13 pages of 2 instead of 25 GETs; with 1 per page (25 pages) it stops after the first and GETs the rest', async () => {
			const s = await cpms();
			const aged = rows(await run(s, MANY, ledger())).map((row) => ({ ...row, last_verified: '2026-11-01T00:00:00Z' }));
			await run(s, MANY, ledger({ ledgerRows: aged }));
			expect(counts(s)).toEqual({ gets: 0, pages: 13, writes: [] });
			await s.stop();

			const one = await cpms({ senderPageLimit: 1 }, s.dir);
			await run(one, MANY, ledger({ ledgerRows: aged }));
			expect(counts(one)).toEqual({ gets: MANY.length - 1, pages: 1, writes: [] });
		});
	});
});

