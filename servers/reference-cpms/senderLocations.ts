/**
 * The Locations Sender interface (OCPI 2.2.1 mod_locations §Sender, GET list): every Location of the
 * asking party, ordered by last_updated then id, in pages (offset/limit) with `X-Total-Count`, `X-Limit`
 * and a `Link: <…>; rel="next"` header while more follow; date_from (inclusive) and date_to (exclusive)
 * filter on last_updated. It is what the Push's bulk read uses instead of one GET per Location.
 */
import { compareDateTimes, isValidDateTime } from '../../core/ocpi/fields';
import type { OcpiVersion } from '../../core/ocpi/version';
import { fail, ok, OCPI_STATUS, type OcpiReply } from './envelope';
import type { CpmsStore, Json } from './store';

export interface LocationPageQuery {
	offset: number;
	limit: number;
	dateFrom?: string;
	dateTo?: string;
}

export interface LocationPage {
	/** Locations matching the dates, over all pages. */
	total: number;
	items: Json[];
}

/** In memory over `allLocations`; the SQLite store answers the same question in SQL. */
export function listStoredLocations(entries: Array<{ party: string; location: Json }>, party: string | undefined, query: LocationPageQuery): LocationPage {
	const matching = entries
		.filter((entry) => party === undefined || entry.party === party)
		.map((entry) => entry.location)
		.filter((location) => {
			const stamp = String(location.last_updated ?? '');
			if (query.dateFrom !== undefined && compareDateTimes(stamp, query.dateFrom) < 0) return false;
			return query.dateTo === undefined || compareDateTimes(stamp, query.dateTo) < 0;
		})
		.sort((a, b) => compareDateTimes(String(a.last_updated ?? ''), String(b.last_updated ?? '')) || String(a.id).localeCompare(String(b.id)));
	return { total: matching.length, items: matching.slice(query.offset, query.offset + query.limit) };
}

export interface SenderRequest {
	version: OcpiVersion;
	/** The asking party ("CC*PID" from its OCPI-from-* headers); undefined = every party. */
	party: string | undefined;
	/** The URL as asked, to build the next page's link on. */
	url: URL;
	/** Where the Sender interface is advertised (the Link points there). */
	senderUrl: string;
	maxLimit: number;
}

function whole(value: string | null, fallback: number): number | undefined {
	if (value === null || value === '') return fallback;
	const number = Number(value);
	return Number.isInteger(number) && number >= 0 ? number : undefined;
}

export function handleSenderLocations(store: CpmsStore, method: string, req: SenderRequest): OcpiReply {
	if (method !== 'GET') return fail(405, OCPI_STATUS.clientError, 'The Locations Sender interface only answers GET');
	const params = req.url.searchParams;
	const offset = whole(params.get('offset'), 0);
	const asked = whole(params.get('limit'), req.maxLimit);
	if (offset === undefined || asked === undefined) return fail(400, OCPI_STATUS.invalidParameters, 'offset and limit must be whole numbers ≥ 0');
	const dateFrom = params.get('date_from') ?? undefined;
	const dateTo = params.get('date_to') ?? undefined;
	for (const [name, value] of [['date_from', dateFrom], ['date_to', dateTo]] as const) {
		if (value !== undefined && !isValidDateTime(value)) return fail(400, OCPI_STATUS.invalidParameters, `${name} is not an OCPI DateTime: ${value}`);
	}
	// the server caps the page size and says so in X-Limit
	const limit = Math.min(Math.max(asked, 1), req.maxLimit);
	const page = store.listLocations(req.version, req.party, { offset, limit, dateFrom, dateTo });
	const headers: Record<string, string> = { 'X-Total-Count': String(page.total), 'X-Limit': String(limit) };
	if (offset + page.items.length < page.total && page.items.length > 0) {
		const next = new URL(req.senderUrl);
		next.searchParams.set('offset', String(offset + page.items.length));
		next.searchParams.set('limit', String(limit));
		if (dateFrom !== undefined) next.searchParams.set('date_from', dateFrom);
		if (dateTo !== undefined) next.searchParams.set('date_to', dateTo);
		headers.Link = `<${next.toString()}>; rel="next"`;
	}
	return { ...ok(page.items), headers };
}
