/**
 * GET /api/chargers (and GET /api/sites): the `updated_since` filter and every pagination style a trigger may
 * meet, chosen by query parameters so each one can be tested against the same data. No I/O here.
 *   paginate=none (default without page parameters)  → {data, total}
 *   page & per_page (paginate=page)                   → {data, page, per_page, total, total_pages}
 *   offset & limit (paginate=offset)                  → {data, offset, limit, total}
 *   cursor & limit (paginate=cursor)                  → {data, next_cursor}   (null on the last page)
 *   paginate=link, page & per_page                    → bare array + `Link: <…>; rel="next"`
 *   paginate=next_url, offset & limit                 → {data, next}          (absolute URL or null)
 * With a default page size set, a request without paging parameters gets page 1 of that size (page style).
 * Filters: `updated_since`, `site_id`. Next links keep every other query parameter (filters, api_key), as real APIs do.
 */
import { DEFAULTS } from './options';
import type { AssetCharger } from './sampleNetwork';
import type { AssetSite } from './sites';

export type PaginateMode = 'none' | 'page' | 'offset' | 'cursor' | 'link' | 'next_url';
const MODES: readonly PaginateMode[] = ['none', 'page', 'offset', 'cursor', 'link', 'next_url'];

export interface Listing {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

export interface ListingOptions {
	/** Page size used when the request sends no paging parameters; undefined = everything in one answer. */
	defaultPageSize?: number;
}

function bad(error: string): Listing {
	return { status: 400, body: { error } };
}

function intParam(query: URLSearchParams, name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number | string {
	const raw = query.get(name);
	if (raw === null || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < min || value > max) return `${name} must be a whole number from ${min} to ${max}`;
	return value;
}

function modeOf(query: URLSearchParams, options: ListingOptions): PaginateMode | undefined {
	const explicit = query.get('paginate');
	if (explicit !== null) return (MODES as readonly string[]).includes(explicit) ? (explicit as PaginateMode) : undefined;
	if (query.has('cursor')) return 'cursor';
	if (query.has('page') || query.has('per_page')) return 'page';
	if (query.has('offset') || query.has('limit')) return 'offset';
	return options.defaultPageSize === undefined ? 'none' : 'page';
}

/** Which page (from 1) a list request asks for, whatever its paging style; a cursor request counts as page 2+. */
export function requestedPage(query: URLSearchParams): number {
	const page = Number(query.get('page'));
	if (Number.isInteger(page) && page >= 1) return page;
	const offset = Number(query.get('offset'));
	const size = Number(query.get('limit') ?? query.get('per_page'));
	if (Number.isInteger(offset) && offset > 0) return Math.floor(offset / (Number.isInteger(size) && size > 0 ? size : DEFAULTS.defaultPageSize)) + 1;
	return query.get('cursor') ? 2 : 1;
}

/** A cursor is the sort key of the last record sent: robust against inserts and deletes between pages. */
type SortKey = [number, string];

/** A list's records: chargers by charger_id, or sites by site_id. */
type Listed = AssetCharger | AssetSite;

/** Which list a request reads: its path (next links repeat it) and the id its records are sorted by. */
interface ListKind {
	path: string;
	idOf(record: Listed): string;
}

const CHARGERS: ListKind = { path: '/api/chargers', idOf: (record) => (record as AssetCharger).charger_id };
const SITES: ListKind = { path: '/api/sites', idOf: (record) => record.site_id };

function sortKey(record: Listed, byUpdated: boolean, kind: ListKind): SortKey {
	return [byUpdated ? Date.parse(record.updated_at) || 0 : 0, kind.idOf(record)];
}

function after(a: SortKey, b: SortKey): boolean {
	return a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
}

function encodeCursor(key: SortKey): string {
	return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

function decodeCursor(text: string): SortKey | undefined {
	try {
		const key = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
		return Array.isArray(key) && typeof key[0] === 'number' && typeof key[1] === 'string' ? [key[0], key[1]] : undefined;
	} catch {
		return undefined;
	}
}

function linkTo(baseUrl: string, kind: ListKind, query: URLSearchParams, changes: Record<string, string | number>): string {
	const next = new URLSearchParams(query);
	for (const [name, value] of Object.entries(changes)) next.set(name, String(value));
	return `${baseUrl}${kind.path}?${next.toString()}`;
}

/** `records` in store order (by id); the caller may have narrowed them to one site already (the store indexes sites). */
export function listChargers(records: AssetCharger[], query: URLSearchParams, baseUrl: string, options: ListingOptions = {}): Listing {
	const site = query.get('site_id');
	return listRecords(site === null ? records : records.filter((r) => r.site_id === site), CHARGERS, query, baseUrl, options);
}

/** GET /api/sites: one row per site (by site_id), with the same filters and paging as the chargers. */
export function listSites(sites: AssetSite[], query: URLSearchParams, baseUrl: string, options: ListingOptions = {}): Listing {
	return listRecords(sites, SITES, query, baseUrl, options);
}

function listRecords(records: Listed[], kind: ListKind, query: URLSearchParams, baseUrl: string, options: ListingOptions): Listing {
	let rows = records;
	const since = query.get('updated_since');
	if (since !== null) {
		const sinceMs = Date.parse(since);
		if (Number.isNaN(sinceMs)) return bad('updated_since must be an ISO 8601 timestamp, e.g. 2025-03-01T10:00:00Z');
		rows = rows.filter((r) => Date.parse(r.updated_at) >= sinceMs);
	}
	const idName = kind === CHARGERS ? 'charger_id' : 'site_id';
	const sort = query.get('sort') ?? idName;
	if (sort !== idName && sort !== 'updated_at') return bad(`sort must be ${idName} or updated_at`);
	const byUpdated = sort === 'updated_at';
	if (byUpdated) rows = [...rows].sort((a, b) => (after(sortKey(a, true, kind), sortKey(b, true, kind)) ? 1 : -1));

	const mode = modeOf(query, options);
	if (!mode) return bad(`paginate must be one of ${MODES.join(', ')}`);
	const total = rows.length;
	const sizeName = mode === 'page' || mode === 'link' ? 'per_page' : 'limit';
	const size = intParam(query, sizeName, options.defaultPageSize ?? DEFAULTS.defaultPageSize, 1, DEFAULTS.maxPageSize);
	if (typeof size === 'string') return bad(size);

	switch (mode) {
		case 'none':
			return { status: 200, body: { data: rows, total } };
		case 'page':
		case 'link': {
			const page = intParam(query, 'page', 1, 1);
			if (typeof page === 'string') return bad(page);
			const data = rows.slice((page - 1) * size, page * size);
			const totalPages = Math.ceil(total / size);
			if (mode === 'page') return { status: 200, body: { data, page, per_page: size, total, total_pages: totalPages } };
			const links = [`<${linkTo(baseUrl, kind, query, { page: 1, per_page: size })}>; rel="first"`];
			if (page < totalPages) links.unshift(`<${linkTo(baseUrl, kind, query, { page: page + 1, per_page: size })}>; rel="next"`);
			return { status: 200, body: data, headers: { Link: links.join(', '), 'X-Total-Count': String(total) } };
		}
		case 'offset':
		case 'next_url': {
			const offset = intParam(query, 'offset', 0, 0);
			if (typeof offset === 'string') return bad(offset);
			const data = rows.slice(offset, offset + size);
			if (mode === 'offset') return { status: 200, body: { data, offset, limit: size, total } };
			const next = offset + size < total ? linkTo(baseUrl, kind, query, { offset: offset + size, limit: size }) : null;
			return { status: 200, body: { data, next } };
		}
		case 'cursor': {
			const text = query.get('cursor');
			let start = 0;
			if (text) {
				const key = decodeCursor(text);
				if (!key) return bad('cursor is not one this API gave out');
				start = rows.findIndex((r) => after(sortKey(r, byUpdated, kind), key));
				if (start < 0) start = rows.length;
			}
			const data = rows.slice(start, start + size);
			const more = start + size < rows.length;
			return { status: 200, body: { data, next_cursor: more ? encodeCursor(sortKey(data[data.length - 1], byUpdated, kind)) : null } };
		}
	}
}
