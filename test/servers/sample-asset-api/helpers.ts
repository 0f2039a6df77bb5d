/** Starting the sample asset API in a temp folder, and a small pull loop driven by the core pagination planners. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstPageUrl, nextPage, type PaginationConfig } from '../../../core/changeDetection';
import { startSampleAssetApi, type SampleAssetApi, type SampleAssetApiOptions } from '../../../servers/sample-asset-api';

export const API_KEY = 'test-asset-key';

export interface Started {
	api: SampleAssetApi;
	dir: string;
	dataFile: string;
	stop(): Promise<void>;
}

export async function startApi(options: SampleAssetApiOptions = {}): Promise<Started> {
	const dir = mkdtempSync(join(tmpdir(), 'asset-api-'));
	const dataFile = join(dir, 'assets.json');
	const api = await startSampleAssetApi({ port: 0, dataFile, apiKey: API_KEY, quiet: true, ...options });
	return {
		api,
		dir,
		dataFile,
		stop: async () => {
			await api.close();
			rmSync(dir, { recursive: true, force: true });
		},
	};
}

export async function call(method: string, url: string, body?: unknown, headers: Record<string, string> = { 'X-API-Key': API_KEY }) {
	const response = await fetch(url, {
		method,
		headers: { ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, json: text ? JSON.parse(text) : undefined };
}

export interface Pull {
	records: Array<Record<string, any>>;
	pages: number;
	complete: boolean;
	stoppedAtPageCap: boolean;
	urls: string[];
}

/** What a polling trigger does: first page, then whatever the planner says, until done. */
export async function pullAll(baseUrl: string, config: PaginationConfig, itemsAt: 'data' | 'body' = 'data'): Promise<Pull> {
	const records: Array<Record<string, any>> = [];
	const urls: string[] = [];
	let url = firstPageUrl(baseUrl, config);
	for (let pages = 1; pages < 1000; pages++) {
		urls.push(url);
		const response = await fetch(url, { headers: { 'X-API-Key': API_KEY } });
		if (response.status !== 200) throw new Error(`${url} → ${response.status}: ${await response.text()}`);
		const body = (await response.json()) as any;
		const items = itemsAt === 'body' ? body : body.data;
		records.push(...items);
		const step = nextPage(config, url, { headers: response.headers, body, itemCount: items.length }, pages);
		if (step.done) return { records, pages, complete: step.complete, stoppedAtPageCap: step.stoppedAtPageCap, urls };
		url = step.url;
	}
	throw new Error('runaway pull');
}
