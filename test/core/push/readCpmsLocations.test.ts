/**
 * Read CPMS Locations in core, against the real reference CPMS: one pass over the Locations Sender,
 * one ledger row per Location of ours whose fingerprint equals the fingerprint of the Location as we
 * push it, on every spec-legal way the CPMS may store and hand it back. Requests from the CPMS's log.
 */
import { fingerprintLocation } from '../../../core/sync';
import { readCpmsLocations } from '../../../core/push/readCpmsLocations';
import { runLocationSync, type LocationSyncSettings } from '../../../core/push/runLocationSync';
import type { ReferenceCpmsOptions } from '../../../servers/reference-cpms';
import { cpmsPerTest, NOW, syncSettings } from './helpers';
import { twoEvseLocation, validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import { recordingTransport } from '../client/fetchTransport';
import { clientFor, FROM, removeDir, TOKEN, type Started } from '../client/helpers';

const LOCATIONS = ['LOC-1', 'LOC-2', 'LOC-3', 'LOC-4', 'LOC-5'].map((id) => validLocation(id));
const { start: cpms, forget } = cpmsPerTest({ senderPageLimit: 2 });
const settings = (overrides: Partial<LocationSyncSettings> = {}) => syncSettings({ assumeCompleteWithoutMark: true, ...overrides });

async function push(s: Started, locations: LocationJson[]): Promise<void> {
	const run = await runLocationSync(clientFor(s, TOKEN).client, locations, settings());
	expect(run.outcomes.map((outcome) => outcome?.action)).not.toContain('failed');
}

async function read(s: Started, overrides: Parameters<typeof clientFor>[2] = {}) {
	s.cpms.requestLog.clear();
	return readCpmsLocations(clientFor(s, TOKEN, overrides).client, { party: FROM, now: NOW });
}

function requests(s: Started) {
	const entries = s.cpms.requestLog.list();
	return {
		pages: entries.filter((e) => e.path.includes('/sender/locations')).length,
		other: entries.filter((e) => e.path.includes('/locations') && !e.path.includes('/sender/locations')).length,
	};
}

function fingerprints(locations: LocationJson[]): Record<string, string> {
	return Object.fromEntries(locations.map((l) => [`DE*ACM*${l.id}`, fingerprintLocation(l, '2.2.1')]));
}

function rowFingerprints(rows: Array<{ location_id: string; fingerprint: string }>): Record<string, string> {
	return Object.fromEntries(rows.map((row) => [row.location_id, row.fingerprint]));
}

describe('readCpmsLocations', () => {
	it('reads the Sender once and outputs one compact in_sync row per Location of ours, verified now', async () => {
		const s = await cpms();
		await push(s, LOCATIONS);
		s.cpms.store.setLocation('2.2.1', 'NL*OTH', 'FOREIGN', { ...validLocation('FOREIGN'), country_code: 'NL', party_id: 'OTH' });
		const result = await read(s);
		// 5 of ours at 2 per page (the other party's Location is not listed to us)
		expect(requests(s)).toEqual({ pages: 3, other: 0 });
		expect(result.report).toEqual({ complete: true, version: '2.2.1', pages: 3, listed: 5, rows: 5, total: 5, reason: '' });
		expect(result.rows[0]).toEqual({
			location_id: expect.stringMatching(/^DE\*ACM\*LOC-\d$/),
			fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
			state: 'in_sync',
			reason: '',
			last_pushed: '',
			last_verified: '2026-11-20T10:00:00.000Z',
		});
		expect(rowFingerprints(result.rows)).toEqual(fingerprints(LOCATIONS));
	});

	it.each<[string, ReferenceCpmsOptions]>([
		['stores ids lower-cased, fills [] and null for unset fields and its spec defaults, lists DateTimes in another form', { quirks: true }],
		['replaces last_updated with its own entry time', { stampEntryTime: true }],
	])('fingerprints equal what we push when the CPMS %s', async (_, options) => {
		const s = await cpms(options);
		await push(s, LOCATIONS);
		if (options.quirks) expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-1')?.id).toBe('loc-1');
		const listed = await read(s);
		expect(listed.report.complete).toBe(true);
		expect(rowFingerprints(listed.rows)).toEqual(fingerprints(LOCATIONS));
	});

	it('a REMOVED EVSE the CPMS keeps counts as the Location without it; a field only the CPMS has makes them differ', async () => {
		const s = await cpms();
		await push(s, [twoEvseLocation('LOC-1'), validLocation('LOC-2')]);
		// the asset data no longer lists EVSE-2 (a complete site): the CPMS keeps it as REMOVED
		const withoutSecond = validLocation('LOC-1');
		await push(s, [withoutSecond]);
		expect(s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-1')?.evses.map((e: LocationJson) => e.status)).toEqual(['AVAILABLE', 'REMOVED']);
		s.cpms.store.setLocation('2.2.1', 'DE*ACM', 'LOC-2', { ...s.cpms.store.location('2.2.1', 'DE*ACM', 'LOC-2'), cpms_note: 'added by the CPMS' });
		const result = await read(s);
		const got = rowFingerprints(result.rows);
		expect(got['DE*ACM*LOC-1']).toBe(fingerprintLocation(withoutSecond, '2.2.1'));
		expect(got['DE*ACM*LOC-2']).not.toBe(fingerprintLocation(validLocation('LOC-2'), '2.2.1'));
	});

	it('reports incomplete (never complete by default) when a page fails or the count does not add up', async () => {
		const s = await cpms();
		await push(s, LOCATIONS);
		s.cpms.setFaults({ matchPath: '/sender/locations?offset=2', error5xxNext: 1 });
		const failedPage = await read(s, { retry: { maxAttempts: 1 } });
		expect(failedPage.report).toMatchObject({ complete: false, pages: 1, rows: 2, reason: expect.stringMatching(/page 2 failed/) });

		// a CPMS whose X-Total-Count says 6 while it lists 5
		const miscounting = recordingTransport((request, response) =>
			request.url.includes('/sender/locations') ? { ...response, headers: { ...response.headers, 'x-total-count': '6' } } : response,
		);
		const miscounted = await read(s, { transport: miscounting.transport });
		expect(miscounted.report).toMatchObject({ complete: false, pages: 3, listed: 5, rows: 5, total: 6, reason: expect.stringMatching(/counted 6 Locations/) });
	});

	it('says why nothing was read: no Sender interface, or no CPMS', async () => {
		const s = await cpms({ senderInterface: false });
		const none = await read(s);
		expect(none).toEqual({ rows: [], report: { complete: false, version: '2.2.1', pages: 0, listed: 0, rows: 0, reason: expect.stringMatching(/no Locations SENDER endpoint/) } });
		await s.stop();
		removeDir(s.dir);
		forget();
		const down = await read(s, { retry: { maxAttempts: 1 } });
		expect(down.report).toMatchObject({ complete: false, pages: 0, rows: 0, reason: expect.stringMatching(/^discovery failed/), failure: { message: expect.any(String) } });
	});
});
