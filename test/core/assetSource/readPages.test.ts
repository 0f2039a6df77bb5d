/**
 * core/assetSource's pull loop against the real sample asset API (127.0.0.1, port 0): every pagination kind
 * reads everything; a failed page, a page cap or a used-up budget make the read incomplete (or throw, for
 * the trigger), never a silent short read.
 */
import { PageFetchError, readPages, RecordsPathError, listUrl, recordPath, type FetchPage } from '../../../core/assetSource';
import type { PaginationConfig } from '../../../core/changeDetection';
import { API_KEY, startApi, type Started } from '../../servers/sample-asset-api/helpers';

let s: Started;
let requested: string[];
beforeAll(async () => {
	s = await startApi({ sites: 20 });
});
afterAll(() => s.stop());
beforeEach(() => {
	requested = [];
	s.api.setFaults(null);
});

const fetchPage: FetchPage = async (url) => {
	requested.push(url);
	const response = await fetch(url, { headers: { 'X-API-Key': API_KEY } });
	if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
	return { body: await response.json(), headers: Object.fromEntries(response.headers.entries()) };
};

const total = () => s.api.store.list().length;
const list = (query: Record<string, string> = {}) => listUrl(s.api.url, '/api/chargers', query);

describe('readPages: every pagination kind reads every record once', () => {
	const kinds: Array<[string, PaginationConfig, Record<string, string>, string]> = [
		['none', { kind: 'none' }, {}, 'data'],
		['page number', { kind: 'pageNumber', pageSize: 7 }, {}, 'data'],
		['offset/limit', { kind: 'offsetLimit', pageSize: 9 }, {}, 'data'],
		['cursor', { kind: 'cursor', cursorPath: 'next_cursor', sizeParam: 'limit', pageSize: 10 }, { paginate: 'cursor' }, 'data'],
		['Link header', { kind: 'linkHeader' }, { paginate: 'link', per_page: '8' }, ''],
		['next URL in body', { kind: 'nextUrlInBody', nextUrlPath: 'next' }, { paginate: 'next_url', limit: '11' }, 'data'],
	];
	it.each(kinds)('%s', async (_name, pagination, query, recordsPath) => {
		const result = await readPages({ url: list(query), recordsPath, pagination }, fetchPage);
		expect(result.complete).toBe(true);
		expect(result.records).toHaveLength(total());
		expect(new Set(result.records.map((r) => r.charger_id)).size).toBe(total());
		expect(result.pages).toBe(requested.length);
		if (pagination.kind !== 'none') expect(result.pages).toBeGreaterThan(2);
	});
});

describe('readPages: incomplete reads say so', () => {
	const paged: PaginationConfig = { kind: 'pageNumber', pageSize: 10 };

	it('a later page failing: the read keeps what came and says which page failed (stop), or throws (throw)', async () => {
		s.api.setFaults({ failListPage: 2 });
		const stopped = await readPages({ url: list(), recordsPath: 'data', pagination: paged, onLaterPageError: 'stop' }, fetchPage);
		expect(stopped).toMatchObject({ complete: false, pages: 1 });
		expect(stopped.records).toHaveLength(10);
		expect(stopped.reason).toMatch(/^page 2 failed \(http:\/\/127\.0\.0\.1:\d+\/api\/chargers\): HTTP 500$/);
		await expect(readPages({ url: list(), recordsPath: 'data', pagination: paged }, fetchPage)).rejects.toBeInstanceOf(PageFetchError);
	});

	it('the first page failing always throws: a read that got nothing is never an empty success', async () => {
		s.api.setFaults({ failListPage: 1 });
		const failing = readPages({ url: list({ api_key: 'secret-in-query' }), recordsPath: 'data', pagination: paged, onLaterPageError: 'stop' }, fetchPage);
		await expect(failing).rejects.toMatchObject({ name: 'PageFetchError', page: 1 });
		await expect(failing).rejects.toThrow(/page 1 failed \(http:\/\/127\.0\.0\.1:\d+\/api\/chargers\)$/);
	});

	it('the page cap stops early and says so', async () => {
		const result = await readPages({ url: list(), recordsPath: 'data', pagination: { ...paged, maxPages: 2 } }, fetchPage);
		expect(result).toMatchObject({ complete: false, pages: 2, reason: 'stopped at the page cap (2 pages); more pages exist' });
		expect(result.records).toHaveLength(20);
	});

	it('a used-up time budget stops after the page in hand', async () => {
		let clock = 0;
		const result = await readPages({ url: list(), recordsPath: 'data', pagination: paged, budgetMs: 5, now: () => (clock += 10) }, fetchPage);
		expect(result).toMatchObject({ complete: false, pages: 1, reason: 'stopped: the time budget is used up' });
	});

	it('a default page size the client did not ask for: a "none" read sees a short list and is caught only by paging', async () => {
		const defaulting = await startApi({ sites: 20, defaultPageSize: 15 });
		try {
			const url = listUrl(defaulting.api.url, '/api/chargers');
			const fetchOwn: FetchPage = async (pageUrl) => ({ body: await (await fetch(pageUrl, { headers: { 'X-API-Key': API_KEY } })).json() });
			const bare = await readPages({ url, recordsPath: 'data', pagination: { kind: 'none' } }, fetchOwn);
			expect(bare.records).toHaveLength(15);
			const all = await readPages({ url, recordsPath: 'data', pagination: { kind: 'pageNumber', pageSize: 15 } }, fetchOwn);
			expect(all.complete).toBe(true);
			expect(all.records).toHaveLength(defaulting.api.store.list().length);
			expect(defaulting.api.store.list().length).toBeGreaterThan(15);
		} finally {
			await defaulting.stop();
		}
	});

	it('no list at the records path is a setting error, not an empty read', async () => {
		await expect(readPages({ url: list(), recordsPath: 'items', pagination: paged }, fetchPage)).rejects.toBeInstanceOf(RecordsPathError);
	});
});

describe('recordPath', () => {
	it('encodes the id as one segment and refuses ids a URL would normalise away', () => {
		expect(recordPath('/api/chargers/{id}', 'A/B C')).toBe('/api/chargers/A%2FB%20C');
		expect(recordPath('/api/chargers', 'X-1')).toBe('/api/chargers/X-1');
		expect(() => recordPath('/api/chargers/{id}', '..')).toThrow('cannot be put into a URL');
		expect(() => recordPath('/api/chargers/{id}', '.')).toThrow('cannot be put into a URL');
	});
});
