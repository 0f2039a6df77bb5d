/**
 * What discovery costs a run, by the URL in the credential: the versions URL = 2 requests (versions + details),
 * a version details URL = 1. Sync Locations and Read CPMS Locations against the real reference CPMS, every
 * request counted from the CPMS's own log, and the work itself checked (rows read, Locations at the CPMS).
 */
import { readCpmsLocations } from '../../../core/push/readCpmsLocations';
import { runLocationSync } from '../../../core/push/runLocationSync';
import { validLocation } from '../../fixtures/ocpiLocations';
import { clientFor, FROM, TOKEN, type Started } from '../client/helpers';
import { cpmsPerTest, NOW, requestCounts, syncSettings } from './helpers';

const LOCATIONS = ['LOC-1', 'LOC-2', 'LOC-3'].map((id) => validLocation(id));
const { start: cpms } = cpmsPerTest({ senderPageLimit: 2 });

function discoveryRequests(s: Started): string[] {
	return s.cpms.requestLog
		.list()
		.filter((e) => /^\/ocpi\/(versions|[\d.]+)\/?$/.test(e.path))
		.map((e) => `${e.method} ${e.path}`);
}

const URLS = {
	versions: (s: Started) => s.cpms.versionsUrl,
	details: (s: Started) => `${s.cpms.url}/ocpi/2.2.1`,
};
const EXPECTED = { versions: ['GET /ocpi/versions', 'GET /ocpi/2.2.1'], details: ['GET /ocpi/2.2.1'] };

describe.each(['versions', 'details'] as const)('discovery through the %s URL', (kind) => {
	it(`Sync Locations: ${EXPECTED[kind].length} discovery request(s), then the same work`, async () => {
		const s = await cpms();
		s.cpms.requestLog.clear();
		const run = await runLocationSync(clientFor(s, TOKEN, { versionsUrl: URLS[kind](s) }).client, LOCATIONS, syncSettings({ assumeCompleteWithoutMark: true }));
		expect(run.outcomes.map((o) => o?.action)).toEqual(['created', 'created', 'created']);
		expect(discoveryRequests(s)).toEqual(EXPECTED[kind]);
		expect(requestCounts(s)).toEqual({ gets: 3, pages: 0, writes: ['PUT LOC-1', 'PUT LOC-2', 'PUT LOC-3'] });
		expect(s.cpms.requestLog.list()).toHaveLength(EXPECTED[kind].length + 6);
	});

	it(`Read CPMS Locations: ${EXPECTED[kind].length} discovery request(s) + the Sender pages`, async () => {
		const s = await cpms();
		for (const location of LOCATIONS) s.cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		s.cpms.requestLog.clear();
		const read = await readCpmsLocations(clientFor(s, TOKEN, { versionsUrl: URLS[kind](s) }).client, { party: FROM, now: NOW });
		expect(read.report).toMatchObject({ complete: true, version: '2.2.1', pages: 2, rows: 3 });
		expect(read.rows.map((row) => row.location_id).sort()).toEqual(['DE*ACM*LOC-1', 'DE*ACM*LOC-2', 'DE*ACM*LOC-3']);
		expect(discoveryRequests(s)).toEqual(EXPECTED[kind]);
		expect(requestCounts(s)).toEqual({ gets: 0, pages: 2, writes: [] });
		expect(s.cpms.requestLog.list()).toHaveLength(EXPECTED[kind].length + 2);
	});
});

describe('Sync Ledger with the stored rows alone (no OCPI Version of the Rows): the CPMS is discovered only when a Location needs it', () => {
	async function ledgerOfFirstSync(s: Started) {
		const first = await runLocationSync(clientFor(s, TOKEN).client, LOCATIONS, syncSettings({ cpmsRead: 'ledger', ledgerRowsWanted: true, assumeCompleteWithoutMark: true }));
		expect(first.outcomes.map((o) => o?.action)).toEqual(['created', 'created', 'created']);
		return first.outcomes.map((o) => o!.ledger!);
	}

	it('every Location vouched for by its row: 0 requests, not even discovery', async () => {
		const s = await cpms();
		const rows = await ledgerOfFirstSync(s);
		s.cpms.requestLog.clear();
		const run = await runLocationSync(clientFor(s, TOKEN).client, LOCATIONS, syncSettings({ cpmsRead: 'ledger', ledgerRows: rows, ledgerRowsWanted: true, assumeCompleteWithoutMark: true }));
		expect(run.outcomes.map((o) => [o?.action, o?.read, o?.ledger?.state, o?.ledgerWrite])).toEqual(Array(3).fill(['unchanged', 'ledger', 'in_sync', 'none']));
		expect(s.cpms.requestLog.list()).toEqual([]);
	});

	it.each(['versions', 'details'] as const)('one Location changed, %s URL: its discovery, one GET and one write', async (kind) => {
		const s = await cpms();
		const rows = await ledgerOfFirstSync(s);
		s.cpms.requestLog.clear();
		const changed = [LOCATIONS[0], { ...LOCATIONS[1], name: 'Renamed', last_updated: '2026-11-20T09:00:00Z' }, LOCATIONS[2]];
		const client = clientFor(s, TOKEN, { versionsUrl: URLS[kind](s) }).client;
		const run = await runLocationSync(client, changed, syncSettings({ cpmsRead: 'ledger', ledgerRows: rows, ledgerRowsWanted: true, assumeCompleteWithoutMark: true }));
		expect(run.outcomes.map((o) => [o?.action, o?.read, o?.ledger?.state])).toEqual([
			['unchanged', 'ledger', 'in_sync'],
			['updated', 'get', 'in_sync'],
			['unchanged', 'ledger', 'in_sync'],
		]);
		expect(discoveryRequests(s)).toEqual(EXPECTED[kind]);
		expect(requestCounts(s)).toEqual({ gets: 1, pages: 0, writes: ['PATCH LOC-2'] });
		expect(s.cpms.requestLog.list()).toHaveLength(EXPECTED[kind].length + 2);
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-2')?.name).toBe('Renamed');
	});

	it('rows keyed by the 2.1.1 id rule (a mixed-case id kept as sent): prepared in 2.1.1, which does not match; discovery finds 2.2.1 and the row, keyed again, vouches', async () => {
		const s = await cpms();
		const mixed = [validLocation('Loc-a')];
		const first = await runLocationSync(clientFor(s, TOKEN).client, mixed, syncSettings({ cpmsRead: 'ledger', ledgerRowsWanted: true, assumeCompleteWithoutMark: true }));
		const row = first.outcomes[0]!.ledger!;
		expect(row.location_id).toBe('DE*ACM*LOC-A');
		s.cpms.requestLog.clear();
		// the same row as a 2.1.1 run would key it: the guess (2.1.1, from the key) fingerprints ids case-sensitively and
		// does not match, so the CPMS is asked; it says 2.2.1, all is prepared again in that one
		const as211 = await runLocationSync(clientFor(s, TOKEN).client, mixed, syncSettings({ cpmsRead: 'ledger', ledgerRows: [{ ...row, location_id: 'DE*ACM*Loc-a' }], ledgerRowsWanted: true, assumeCompleteWithoutMark: true }));
		expect(discoveryRequests(s)).toEqual(EXPECTED.versions);
		expect(as211.outcomes[0]).toMatchObject({ action: 'unchanged', read: 'ledger', ledger: { location_id: 'DE*ACM*LOC-A', state: 'in_sync' } });
		expect(requestCounts(s)).toEqual({ gets: 0, pages: 0, writes: [] });
	});
});

