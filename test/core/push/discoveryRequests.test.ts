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
