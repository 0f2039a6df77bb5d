/** The bulk read's completeness rules, on pages made up here (the real Sender route is covered in test/core/push). */
import type { CallResult } from '../../../core/client/ocpiRequest';
import { createRateLimiter } from '../../../core/client/rateLimiter';
import { firstSenderPageUrl, readSenderLocations } from '../../../core/client/senderRead';

const URL_BASE = 'https://cpms.example.com/ocpi/2.2.1/sender/locations';
const PARTY = { country_code: 'DE', party_id: 'ACM' };

function location(id: string, party_id = 'ACM') {
	return { country_code: 'DE', party_id, id };
}

/** Pages as the CPMS would answer them: each with its data, total and next link. */
function pages(list: Array<{ data: unknown; total?: number; next?: string }>) {
	const asked: string[] = [];
	let index = 0;
	const getPage = async (url: string): Promise<CallResult> => {
		asked.push(url);
		const page = list[index++];
		if (!page) throw new Error('no such page');
		const headers: Record<string, string> = {};
		if (page.total !== undefined) headers['X-Total-Count'] = String(page.total);
		if (page.next) headers.Link = `<${page.next}>; rel="next"`;
		return { method: 'GET', path: '', httpStatus: 200, statusCode: 1000, data: page.data, attempts: 1, headers };
	};
	return { getPage, asked };
}

describe('readSenderLocations', () => {
	it('follows Link rel="next" to the end and is complete when every Location counted was listed', async () => {
		const { getPage, asked } = pages([
			{ data: [location('A'), location('b')], total: 3, next: `${URL_BASE}?offset=2&limit=2` },
			{ data: [location('C')], total: 3 },
		]);
		const read = await readSenderLocations(getPage, URL_BASE, '2.2.1', PARTY, { pageLimit: 2 });
		expect(asked).toEqual([`${URL_BASE}?offset=0&limit=2`, `${URL_BASE}?offset=2&limit=2`]);
		expect(read).toMatchObject({ complete: true, pages: 2, total: 3 });
		expect([...read.locations.keys()]).toEqual(['DE*ACM*A', 'DE*ACM*B', 'DE*ACM*C']);
	});

	it('is not complete when a Location moved between pages (listed twice, another one skipped)', async () => {
		const { getPage } = pages([
			{ data: [location('A'), location('B')], total: 3, next: `${URL_BASE}?offset=2` },
			{ data: [location('A')], total: 3 },
		]);
		const read = await readSenderLocations(getPage, URL_BASE, '2.2.1', PARTY);
		expect(read).toMatchObject({ complete: false, incompleteReason: 'the CPMS counted 3 Locations (3 at the start) but 2 different ones were listed' });
	});

	it('is not complete when the total changed while reading, a page failed, or a date filter was set', async () => {
		const grown = pages([
			{ data: [location('A')], total: 1, next: `${URL_BASE}?offset=1` },
			{ data: [location('B')], total: 2 },
		]);
		expect(await readSenderLocations(grown.getPage, URL_BASE, '2.2.1', PARTY)).toMatchObject({ complete: false });
		const broken = pages([{ data: [location('A')], total: 2, next: `${URL_BASE}?offset=1` }]);
		const read = await readSenderLocations(broken.getPage, URL_BASE, '2.2.1', PARTY);
		expect(read).toMatchObject({ complete: false, pages: 1, incompleteReason: 'page 2 failed: no such page' });
		expect(read.locations.has('DE*ACM*A')).toBe(true);
		const filtered = pages([{ data: [], total: 0 }]);
		expect(await readSenderLocations(filtered.getPage, URL_BASE, '2.2.1', PARTY, { dateFrom: '2026-01-01T00:00:00Z' })).toMatchObject({ complete: false });
	});

	it('over more than one page, is not complete without X-Total-Count (a skipped Location could not be seen)', async () => {
		const counted = pages([{ data: [location('A')], next: `${URL_BASE}?offset=1` }, { data: [location('B')] }]);
		expect(await readSenderLocations(counted.getPage, URL_BASE, '2.2.1', PARTY)).toMatchObject({ complete: false, pages: 2, incompleteReason: expect.stringMatching(/no X-Total-Count over 2 pages/) });
		const single = pages([{ data: [location('A')] }]);
		expect(await readSenderLocations(single.getPage, URL_BASE, '2.2.1', PARTY)).toMatchObject({ complete: true, pages: 1 });
	});

	it('keeps only our party\'s Locations but counts every listed one for completeness', async () => {
		const { getPage } = pages([{ data: [location('A'), location('X', 'OTH')], total: 2 }]);
		const read = await readSenderLocations(getPage, URL_BASE, '2.2.1', PARTY);
		expect(read.complete).toBe(true);
		expect([...read.locations.keys()]).toEqual(['DE*ACM*A']);
	});

	it('builds the first page URL with offset, limit and the date filters', () => {
		expect(firstSenderPageUrl(URL_BASE, { pageLimit: 500, dateFrom: '2026-01-01T00:00:00Z' })).toBe(`${URL_BASE}?offset=0&limit=500&date_from=2026-01-01T00%3A00%3A00Z`);
	});
});

describe('rate limiter with a fractional rate', () => {
	it('3.3 per second spaces starts evenly (one per 303 ms), so no second sees more than 4', async () => {
		let now = 0;
		const sleep = async (ms: number) => {
			now += ms;
		};
		const limiter = createRateLimiter(3.3, sleep, () => now);
		const starts: number[] = [];
		for (let i = 0; i < 34; i++) {
			await limiter.acquire();
			starts.push(now);
		}
		expect(starts.slice(0, 4).map(Math.round)).toEqual([0, 303, 606, 909]);
		// 34 starts take 10 s: 3.3 per second on average
		expect(Math.round(starts[33])).toBe(10_000);
	});
});
