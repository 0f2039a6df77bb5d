/**
 * The one pull loop every asset-source read uses (the polling trigger and the Asset Source node): fetch the
 * first page, then whatever the core pagination planner says next, until it is done, the page cap is reached,
 * the time budget is used up or a page fails. The caller does the HTTP (`fetchPage`); this decides what to
 * fetch and whether the read saw everything. No n8n here.
 */
import { isRecord } from '../foundation/json';
import { compilePath } from '../foundation/path';
import { firstPageUrl, nextPage, type PaginationConfig } from '../changeDetection/pagination';
import { urlForMessage } from '../client/errorText';

export interface FetchedPage {
	body: unknown;
	headers?: Record<string, string | string[] | undefined>;
}

export type FetchPage = (url: string, page: number) => Promise<FetchedPage>;

export interface ReadPagesRequest {
	/** The list URL with its query (filters, group filter); the first page's parameters are added to it. */
	url: string;
	recordsPath: string;
	pagination: PaginationConfig;
	/** Manual runs of the trigger fetch one page as a sample. */
	firstPageOnly?: boolean;
	/** Stop (incomplete) when this much time has passed after a page; n8n 2.41+ gives pollers a budget. */
	budgetMs?: number;
	/** 'throw' (the trigger: a failed page fails the poll) or 'stop' (a read: keep what came, say it is incomplete). */
	onLaterPageError?: 'throw' | 'stop';
	now?: () => number;
}

export interface ReadPagesResult {
	records: Array<Record<string, unknown>>;
	pages: number;
	/** True only when the last page was reached and every page came back. */
	complete: boolean;
	reason: string;
}

/** A page request failed (network, 4xx/5xx): `cause` is what the fetcher threw. The first page always throws. */
export class PageFetchError extends Error {
	constructor(
		readonly page: number,
		readonly url: string,
		readonly cause: unknown,
	) {
		super(`The asset API request for page ${page} failed (${urlForMessage(url)})`);
		this.name = 'PageFetchError';
	}
}

/** A page came back without a list at the records path: a setting is wrong, so this always throws. */
export class RecordsPathError extends Error {
	constructor(
		readonly page: number,
		readonly url: string,
		readonly recordsPath: string,
	) {
		super(`No list of records at '${recordsPath || '(the body)'}' in the response for page ${page} (${urlForMessage(url)})`);
		this.name = 'RecordsPathError';
	}
}

function failureText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export async function readPages(request: ReadPagesRequest, fetchPage: FetchPage): Promise<ReadPagesResult> {
	// throws on an invalid URL: the caller turns it into a configuration error
	let url = firstPageUrl(request.url, request.pagination);
	const records: Array<Record<string, unknown>> = [];
	const recordsAt = compilePath(request.recordsPath);
	const now = request.now ?? Date.now;
	const started = now();
	for (let pages = 1; ; pages++) {
		let response: FetchedPage;
		try {
			response = await fetchPage(url, pages);
		} catch (error) {
			if (pages === 1 || request.onLaterPageError !== 'stop') throw new PageFetchError(pages, url, error);
			return { records, pages: pages - 1, complete: false, reason: `page ${pages} failed (${urlForMessage(url)}): ${failureText(error)}` };
		}
		const list = recordsAt(response.body);
		if (!Array.isArray(list)) throw new RecordsPathError(pages, url, request.recordsPath);
		for (const record of list) if (isRecord(record)) records.push(record);
		if (request.firstPageOnly) return { records, pages, complete: false, reason: 'sample: first page only' };
		const step = nextPage(request.pagination, url, { headers: response.headers, body: response.body, itemCount: list.length }, pages);
		if (step.done) return { records, pages, complete: step.complete, reason: step.reason };
		if (request.budgetMs !== undefined && now() - started > request.budgetMs) return { records, pages, complete: false, reason: 'stopped: the time budget is used up' };
		url = step.url;
	}
}
