/** Reads the shared asset-source fields (nodes/shared/assetSourceProperties.ts) into core settings; a wrong setting throws. */
import { NodeOperationError, type IDataObject, type INode } from 'n8n-workflow';
import type { PaginationConfig } from '../../core/changeDetection';

/** `getNodeParameter(name, fallback)` for whichever context reads (poll: per node; execute: item 0). */
export type ParameterReader = (name: string, fallback: unknown) => unknown;

export function textParameter(read: ParameterReader, name: string, fallback = ''): string {
	return String(read(name, fallback) ?? fallback).trim();
}

export function numberParameter(read: ParameterReader, name: string, fallback: number): number {
	const value = Number(read(name, fallback));
	return Number.isFinite(value) ? value : fallback;
}

export function readPagination(read: ParameterReader, node: INode): PaginationConfig {
	const text = (name: string, fallback: string) => textParameter(read, name, fallback);
	const number = (name: string, fallback: number) => numberParameter(read, name, fallback);
	const kind = text('pagination', 'none');
	const maxPages = number('maxPages', 100);
	switch (kind) {
		case 'none':
			return { kind };
		case 'pageNumber':
			return {
				kind,
				maxPages,
				pageParam: text('pageParam', 'page') || 'page',
				sizeParam: text('sizeParam', 'per_page') || 'per_page',
				pageSize: number('pageSize', 100),
				firstPage: number('firstPage', 1),
			};
		case 'offsetLimit':
			return {
				kind,
				maxPages,
				offsetParam: text('offsetParam', 'offset') || 'offset',
				limitParam: text('sizeParam', 'limit') || 'limit',
				pageSize: number('pageSize', 100),
			};
		case 'cursor':
			return {
				kind,
				maxPages,
				cursorPath: text('cursorPath', 'next_cursor') || 'next_cursor',
				cursorParam: text('cursorParam', 'cursor') || 'cursor',
				sizeParam: text('sizeParam', '') || undefined,
				pageSize: number('pageSize', 100),
			};
		case 'linkHeader':
			return { kind, maxPages, rel: text('linkRel', 'next') || 'next' };
		case 'nextUrlInBody':
			return { kind, maxPages, nextUrlPath: text('nextUrlPath', 'next') || 'next' };
		default:
			throw new NodeOperationError(node, `Unknown pagination '${kind}'`);
	}
}

/** The Query Parameters rows as a name → value map (rows without a name are left out). */
export function readQuery(read: ParameterReader): Record<string, string> {
	const rows = ((read('queryParameters', {}) as IDataObject).parameter ?? []) as Array<{ name?: string; value?: string }>;
	const query: Record<string, string> = {};
	for (const row of rows) {
		const name = String(row.name ?? '').trim();
		if (name !== '') query[name] = String(row.value ?? '');
	}
	return query;
}
