/**
 * The one place the polling trigger talks HTTP: fetches the first page and whatever the core pagination
 * planner says next, until it is done, the page cap is reached or n8n's poll budget runs out.
 * A failed request throws (the poll fails, nothing is emitted, no state changes).
 */
import { NodeApiError, NodeOperationError, type IHttpRequestOptions, type IPollFunctions, type JsonObject } from 'n8n-workflow';
import { firstPageUrl, nextPage, type PaginationConfig } from '../../core/changeDetection';
import { compilePath } from '../../core/mapping/sourcePath';

export interface PullRequest {
	baseUrl: string;
	path: string;
	query: Record<string, string>;
	recordsPath: string;
	pagination: PaginationConfig;
	/** Manual runs fetch one page as a sample. */
	firstPageOnly?: boolean;
}

export interface PullResult {
	records: Array<Record<string, unknown>>;
	pages: number;
	/** True only when the last page was reached. */
	complete: boolean;
	reason: string;
}

/** URLs in messages lose their query: it may carry an API key. */
function shown(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.origin}${parsed.pathname}`;
	} catch {
		return '(invalid URL)';
	}
}

function listUrl(baseUrl: string, path: string, query: Record<string, string>): string {
	const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
	for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
	return url.toString();
}

/** n8n 2.41+ tells pollers how long they may take; older versions have no such call. */
function pollBudgetMs(context: IPollFunctions): number | undefined {
	const getBudget = (context as unknown as { getPollBudgetMs?: () => number }).getPollBudgetMs;
	if (typeof getBudget !== 'function') return undefined;
	const budget = Number(getBudget.call(context));
	return Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

export async function pullRecords(context: IPollFunctions, request: PullRequest): Promise<PullResult> {
	let url: string;
	try {
		url = firstPageUrl(listUrl(request.baseUrl, request.path, request.query), request.pagination);
	} catch {
		throw new NodeOperationError(context.getNode(), 'The Base URL and Path do not form a valid URL', { description: 'Check the credential\'s Base URL.' });
	}
	const records: Array<Record<string, unknown>> = [];
	const recordsAt = compilePath(request.recordsPath);
	const budget = pollBudgetMs(context);
	const started = Date.now();
	for (let pages = 1; ; pages++) {
		let response: { body: unknown; headers: Record<string, string | string[] | undefined> };
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(context, 'assetSourceApi', {
				method: 'GET',
				url,
				json: true,
				returnFullResponse: true,
			} as IHttpRequestOptions)) as typeof response;
		} catch (error) {
			throw new NodeApiError(context.getNode(), error as JsonObject, {
				message: `The asset API request for page ${pages} failed (${shown(url)})`,
				description: (error as Error).message,
			});
		}
		const list = recordsAt(response.body);
		if (!Array.isArray(list)) {
			throw new NodeOperationError(context.getNode(), `No list of records at '${request.recordsPath || '(the body)'}' in the response for page ${pages} (${shown(url)})`, {
				description: 'Check Records Path: empty when the body itself is the list, e.g. data when it is {"data": [...]}.',
			});
		}
		for (const record of list) if (record !== null && typeof record === 'object' && !Array.isArray(record)) records.push(record as Record<string, unknown>);
		if (request.firstPageOnly) return { records, pages, complete: false, reason: 'sample: first page only' };
		const step = nextPage(request.pagination, url, { headers: response.headers, body: response.body, itemCount: list.length }, pages);
		if (step.done) return { records, pages, complete: step.complete, reason: step.reason };
		if (budget !== undefined && Date.now() - started > budget) return { records, pages, complete: false, reason: 'stopped: the poll budget is used up' };
		url = step.url;
	}
}
