/**
 * The one place asset-source nodes talk HTTP: a page fetcher for core/assetSource's readPages (the shared pull
 * loop), a single-record GET, and the translation of core read errors into n8n errors. URLs in messages lose
 * their query: it may carry an API key.
 */
import {
	NodeApiError,
	NodeOperationError,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type IPollFunctions,
	type JsonObject,
} from 'n8n-workflow';
import { urlForMessage } from '../../core/client/errorText';
import { nodeErrorFrom } from './nodeError';
import { listUrl, PageFetchError, readPages, RecordsPathError, type FetchedPage, type ReadPagesResult } from '../../core/assetSource';
import type { PaginationConfig } from '../../core/changeDetection';
import { isRecord } from '../../core/foundation/json';

type AssetContext = IExecuteFunctions | IPollFunctions;

export interface AssetListRequest {
	baseUrl: string;
	path: string;
	query: Record<string, string>;
	recordsPath: string;
	pagination: PaginationConfig;
	firstPageOnly?: boolean;
	budgetMs?: number;
	/** 'throw' for the trigger (a failed page fails the poll); 'stop' for reads that report incompleteness. */
	onLaterPageError: 'throw' | 'stop';
}

async function get(context: AssetContext, url: string): Promise<FetchedPage> {
	const request: IHttpRequestOptions = { method: 'GET', url, json: true, returnFullResponse: true };
	return (await context.helpers.httpRequestWithAuthentication.call(context as IExecuteFunctions, 'assetSourceApi', request)) as FetchedPage;
}

/**
 * A NodeApiError naming the request. n8n's helper already throws a NodeApiError, and NodeApiError returns such an
 * error unchanged (dropping a new message), so the original's text goes into a fresh one as its description.
 */
function apiError(context: AssetContext, cause: unknown, message: string): NodeApiError {
	const original = cause as { message?: unknown; httpCode?: unknown } | undefined;
	const text = typeof original?.message === 'string' ? original.message : String(cause);
	const httpCode = typeof original?.httpCode === 'string' ? original.httpCode : undefined;
	return new NodeApiError(context.getNode(), { message: text, ...(httpCode ? { httpCode } : {}) } as JsonObject, { message, description: text, httpCode });
}

function baseUrlError(context: AssetContext): NodeOperationError {
	return new NodeOperationError(context.getNode(), 'The Base URL and Path do not form a valid URL', { description: 'Check the credential\'s Base URL.' });
}

export async function readAssetList(context: AssetContext, request: AssetListRequest): Promise<ReadPagesResult> {
	let url: string;
	try {
		url = listUrl(request.baseUrl, request.path, request.query);
	} catch {
		throw baseUrlError(context);
	}
	try {
		return await readPages(
			{ url, recordsPath: request.recordsPath, pagination: request.pagination, firstPageOnly: request.firstPageOnly, budgetMs: request.budgetMs, onLaterPageError: request.onLaterPageError },
			(pageUrl) => get(context, pageUrl),
		);
	} catch (error) {
		if (error instanceof PageFetchError) {
			throw apiError(context, error.cause, error.message);
		}
		if (error instanceof RecordsPathError) {
			throw new NodeOperationError(context.getNode(), error.message, {
				description: 'Check Records Path: empty when the body itself is the list, e.g. data when it is {"data": [...]}.',
			});
		}
		if (error instanceof TypeError) throw baseUrlError(context);
		throw nodeErrorFrom(context.getNode(), error);
	}
}

function httpStatus(error: unknown): number | undefined {
	const candidate = error as { httpCode?: unknown; response?: { status?: unknown }; cause?: { response?: { status?: unknown }; status?: unknown }; status?: unknown };
	const value = candidate?.httpCode ?? candidate?.response?.status ?? candidate?.cause?.response?.status ?? candidate?.cause?.status ?? candidate?.status;
	const status = Number(value);
	return Number.isInteger(status) ? status : undefined;
}

/** One record by URL; undefined when the API answers 404 (the record does not exist, e.g. it was deleted). */
export async function getAssetRecord(context: AssetContext, baseUrl: string, path: string): Promise<Record<string, unknown> | undefined> {
	let url: string;
	try {
		url = listUrl(baseUrl, path);
	} catch {
		throw baseUrlError(context);
	}
	try {
		const body = (await get(context, url)).body;
		return isRecord(body) ? body : undefined;
	} catch (error) {
		if (httpStatus(error) === 404) return undefined;
		throw apiError(context, error, `The asset API request for the record failed (${urlForMessage(url)})`);
	}
}
