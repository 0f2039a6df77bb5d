/**
 * The `_read` mark every record read by the Asset Source node carries: how complete the read it came from was.
 * The OCPI Mapper treats a Location as complete (so the Push may mark absent EVSEs REMOVED) only when every
 * record that built it says `complete: true`. A read that stopped early (failed page, page cap, time budget)
 * says `complete: false` and why.
 */
import type { ReadPagesResult } from './readPages';

export interface ReadMark {
	complete: boolean;
	scope: 'all' | 'group';
	/** The group value (e.g. the site id) for a group read. */
	group?: string;
	/** Why the read is incomplete; absent when complete. */
	reason?: string;
	/** When the read started (ISO 8601, n8n's clock): no record it gave can be newer than this. */
	readAt: string;
	pages: number;
	/** Records the read gave (in this scope). */
	records: number;
}

export function readMark(scope: 'all' | 'group', result: ReadPagesResult, readAtMs: number, group?: string, records = result.records.length): ReadMark {
	return {
		complete: result.complete,
		scope,
		...(group === undefined ? {} : { group }),
		...(result.complete ? {} : { reason: result.reason }),
		readAt: new Date(readAtMs).toISOString(),
		pages: result.pages,
		records,
	};
}
