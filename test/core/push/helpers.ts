/** What the core/push tests share: a reference CPMS per test (closed and removed after it) and default sync settings. */
import type { LocationSyncSettings } from '../../../core/push/runLocationSync';
import type { ReferenceCpmsOptions } from '../../../servers/reference-cpms';
import { FROM, removeDir, startCpms, type Started } from '../client/helpers';

export const NOW = new Date('2026-11-20T10:00:00Z');

/** Registers the afterEach that closes the test's CPMS; `start` (re)starts it, `forget` when the test removed it itself. */
export function cpmsPerTest(defaults: ReferenceCpmsOptions = {}) {
	let started: Started | undefined;
	afterEach(async () => {
		if (!started) return;
		await started.stop();
		removeDir(started.dir);
		started = undefined;
	});
	return {
		start: async (options: ReferenceCpmsOptions = {}, dir?: string): Promise<Started> => {
			started = await startCpms({ ...defaults, ...options }, dir);
			return started;
		},
		forget: () => {
			started = undefined;
		},
	};
}

export function syncSettings(overrides: Partial<LocationSyncSettings> = {}): LocationSyncSettings {
	return {
		removedEvsePolicy: 'markRemoved',
		dryRun: false,
		party: FROM,
		now: NOW,
		assumeCompleteWithoutMark: false,
		staleness: { mode: 'assetWins', toleranceSeconds: 5, cpmsStamps: 'kept' },
		cpmsRead: 'perObject',
		ledgerRows: [],
		verifyEveryDays: 7,
		ledgerRowsWanted: false,
		concurrency: 2,
		stopAtFirstFailure: false,
		...overrides,
	};
}

/** What reached the CPMS, from its own log: Location GETs, Sender pages, writes (method and path below our party). */
export function requestCounts(s: Started) {
	const entries = s.cpms.requestLog.list();
	return {
		gets: entries.filter((e) => e.method === 'GET' && e.path.includes('/receiver/locations/')).length,
		pages: entries.filter((e) => e.method === 'GET' && e.path.includes('/sender/locations')).length,
		writes: entries.filter((e) => e.method === 'PUT' || e.method === 'PATCH').map((e) => `${e.method} ${e.path.replace(/^.*\/DE\/ACM\//, '')}`),
	};
}
