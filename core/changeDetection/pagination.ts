/**
 * Pagination planners: pure functions that decide the next request from the last one and its response.
 * The caller (a trigger's pull loop) does the HTTP; the planner says "fetch this URL next" or "done",
 * and whether the pull saw everything (`complete`). A page cap stops early with `stoppedAtPageCap`,
 * which makes the pull incomplete, so a snapshot diff reports no removals from it.
 */
import { compilePath } from '../foundation/path';
import { linkWithRel } from './linkHeader';

export type PaginationKind = 'none' | 'pageNumber' | 'offsetLimit' | 'cursor' | 'linkHeader' | 'nextUrlInBody';

export type PaginationConfig = { maxPages?: number } & (
	| { kind: 'none' }
	| { kind: 'pageNumber'; pageParam?: string; sizeParam?: string; pageSize: number; firstPage?: number }
	| { kind: 'offsetLimit'; offsetParam?: string; limitParam?: string; pageSize: number }
	/** cursorPath: where the next cursor is in the body (dotted path); cursorParam: the query parameter to send it in. */
	| { kind: 'cursor'; cursorPath: string; cursorParam?: string; sizeParam?: string; pageSize?: number }
	| { kind: 'linkHeader'; rel?: string }
	| { kind: 'nextUrlInBody'; nextUrlPath: string }
);

export interface PageResponse {
	/** Header names in any case; repeated headers as arrays (as node:http and fetch give them). */
	headers?: Record<string, string | string[] | undefined> | { get(name: string): string | null };
	body: unknown;
	/** Number of records the page held (the caller extracted them). */
	itemCount: number;
}

export type PageStep =
	| { done: false; url: string; reason: string }
	| { done: true; complete: boolean; stoppedAtPageCap: boolean; reason: string };

export const PAGINATION_DEFAULTS = {
	pageParam: 'page',
	sizeParam: 'per_page',
	firstPage: 1,
	offsetParam: 'offset',
	limitParam: 'limit',
	cursorParam: 'cursor',
	rel: 'next',
} as const;

function withParams(url: string, params: Record<string, string | number | undefined>): string {
	const parsed = new URL(url);
	for (const [name, value] of Object.entries(params)) if (value !== undefined) parsed.searchParams.set(name, String(value));
	return parsed.toString();
}

function header(response: PageResponse, name: string): string | string[] | undefined {
	const headers = response.headers;
	if (!headers) return undefined;
	if (typeof (headers as { get?: unknown }).get === 'function') return (headers as { get(name: string): string | null }).get(name) ?? undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) if (key.toLowerCase() === wanted) return value;
	return undefined;
}

function positive(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : undefined;
}

function finished(complete: boolean, reason: string): PageStep {
	return { done: true, complete, stoppedAtPageCap: false, reason };
}

/** The URL of the first page: the base URL with the first page's parameters. Throws only on an invalid base URL. */
export function firstPageUrl(baseUrl: string, config: PaginationConfig): string {
	switch (config.kind) {
		case 'pageNumber':
			return withParams(baseUrl, {
				[config.pageParam ?? PAGINATION_DEFAULTS.pageParam]: config.firstPage ?? PAGINATION_DEFAULTS.firstPage,
				[config.sizeParam ?? PAGINATION_DEFAULTS.sizeParam]: positive(config.pageSize),
			});
		case 'offsetLimit':
			return withParams(baseUrl, {
				[config.offsetParam ?? PAGINATION_DEFAULTS.offsetParam]: 0,
				[config.limitParam ?? PAGINATION_DEFAULTS.limitParam]: positive(config.pageSize),
			});
		case 'cursor':
			return config.sizeParam ? withParams(baseUrl, { [config.sizeParam]: positive(config.pageSize) }) : new URL(baseUrl).toString();
		default:
			return new URL(baseUrl).toString();
	}
}

/**
 * What to fetch after page number `pagesFetched` (1 = the first page was just fetched) at `url`.
 * Short pages (fewer items than the page size) and empty pages end page/offset pulls; a missing cursor or
 * next link ends the others. A next URL equal to the current one ends the pull as incomplete (a loop).
 * Never throws: a bad URL or response ends the pull as incomplete with the reason.
 */
export function nextPage(config: PaginationConfig, url: string, response: PageResponse, pagesFetched: number): PageStep {
	let next: PageStep;
	let current: string;
	try {
		current = new URL(url).toString();
		next = plannedNext(config, current, response);
	} catch {
		return finished(false, 'the current URL is not a URL');
	}
	if (next.done) return next;
	if (next.url === current) return finished(false, 'the next page is the page just fetched: stopped to avoid a loop');
	const cap = positive(config.maxPages);
	if (cap !== undefined && pagesFetched >= cap) return { done: true, complete: false, stoppedAtPageCap: true, reason: `stopped at the page cap (${cap} pages); more pages exist` };
	return next;
}

function plannedNext(config: PaginationConfig, url: string, response: PageResponse): PageStep {
	const count = Number.isFinite(response.itemCount) ? response.itemCount : 0;
	switch (config.kind) {
		case 'none':
			return finished(true, 'single request');
		case 'pageNumber': {
			const size = positive(config.pageSize);
			if (count === 0) return finished(true, 'empty page');
			if (size !== undefined && count < size) return finished(true, 'short page: last page');
			const pageParam = config.pageParam ?? PAGINATION_DEFAULTS.pageParam;
			const current = Number(new URL(url).searchParams.get(pageParam) ?? config.firstPage ?? PAGINATION_DEFAULTS.firstPage);
			if (!Number.isInteger(current)) return finished(false, `the page parameter "${pageParam}" is not a number`);
			return { done: false, url: withParams(url, { [pageParam]: current + 1 }), reason: `page ${current + 1}` };
		}
		case 'offsetLimit': {
			const size = positive(config.pageSize);
			if (count === 0) return finished(true, 'empty page');
			if (size !== undefined && count < size) return finished(true, 'short page: last page');
			const offsetParam = config.offsetParam ?? PAGINATION_DEFAULTS.offsetParam;
			const current = Number(new URL(url).searchParams.get(offsetParam) ?? 0);
			if (!Number.isInteger(current)) return finished(false, `the offset parameter "${offsetParam}" is not a number`);
			// advance by what came back: a server that caps the limit lower than asked still gets every record
			return { done: false, url: withParams(url, { [offsetParam]: current + count }), reason: `offset ${current + count}` };
		}
		case 'cursor': {
			const cursor = compilePath(config.cursorPath)(response.body);
			if (cursor === undefined || cursor === null || cursor === '' || cursor === false) return finished(true, 'no next cursor');
			if (typeof cursor !== 'string' && typeof cursor !== 'number') return finished(false, `the cursor at "${config.cursorPath}" is not text or a number`);
			const cursorParam = config.cursorParam ?? PAGINATION_DEFAULTS.cursorParam;
			return { done: false, url: withParams(url, { [cursorParam]: String(cursor) }), reason: 'next cursor' };
		}
		case 'linkHeader': {
			const rel = config.rel ?? PAGINATION_DEFAULTS.rel;
			const target = linkWithRel(header(response, 'link'), rel);
			if (target === undefined) return finished(true, `no Link rel="${rel}"`);
			return resolved(target, url, `Link rel="${rel}"`);
		}
		case 'nextUrlInBody': {
			const target = compilePath(config.nextUrlPath)(response.body);
			if (target === undefined || target === null || target === '') return finished(true, 'no next URL');
			if (typeof target !== 'string') return finished(false, `the next URL at "${config.nextUrlPath}" is not text`);
			return resolved(target, url, 'next URL from the body');
		}
		default:
			return finished(false, `unknown pagination kind "${(config as { kind: unknown }).kind}"`);
	}
}

function resolved(target: string, base: string, reason: string): PageStep {
	try {
		return { done: false, url: new URL(target, base).toString(), reason };
	} catch {
		return finished(false, `the next URL "${target}" is not a URL`);
	}
}
