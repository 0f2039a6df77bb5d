/** What reached the reference CPMS, from its own request log: Location GETs, Sender pages, writes. */
import type { ReferenceCpms } from '../../servers/reference-cpms';

export function locationRequestCounts(cpms: ReferenceCpms): { gets: number; pages: number; writes: number } {
	const entries = cpms.requestLog.list();
	return {
		gets: entries.filter((e) => e.method === 'GET' && e.path.includes('/receiver/locations/')).length,
		pages: entries.filter((e) => e.method === 'GET' && e.path.includes('/sender/locations')).length,
		writes: entries.filter((e) => e.method === 'PUT' || e.method === 'PATCH').length,
	};
}
