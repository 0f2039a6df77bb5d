/**
 * The `_read` mark every record read by the Asset Source node carries: how complete the read it came from was.
 * The OCPI Mapper treats a Location as complete (so the Push may mark absent EVSEs REMOVED) only when every
 * record that built it says `complete: true`. A read that stopped early (failed page, page cap, time budget)
 * says `complete: false` and why.
 */
import { isoInstant } from '../foundation/dateTime';
import type { SourceReadMark } from '../ocpi/completeness';
import type { ReadPagesResult } from './readPages';

/** The mark the Mapper reads (core/ocpi/completeness), always with its read time, plus what the read fetched. */
export interface ReadMark extends SourceReadMark {
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
		readAt: isoInstant(readAtMs),
		pages: result.pages,
		records,
	};
}
