import { firstPageUrl, linkWithRel, nextPage, parseLinkHeader, type PaginationConfig } from '../../../core/changeDetection';

describe('parseLinkHeader (RFC 8288)', () => {
	it('reads several links, quoted and unquoted params, commas in quotes and URIs, and several rel types', () => {
		const header = '<https://a.example/x?page=2&a=1,2>; rel="next last"; title="a, \\"b\\"", <https://a.example/x?page=1>; REL=prev; title*=UTF-8\'de\'Zur%C3%BCck';
		const links = parseLinkHeader(header);
		expect(links).toHaveLength(2);
		expect(links[0]).toEqual({ uri: 'https://a.example/x?page=2&a=1,2', params: { rel: 'next last', title: 'a, "b"' }, rels: ['next', 'last'] });
		expect(links[1].rels).toEqual(['prev']);
		expect(links[1].params['title*']).toBe('Zurück');
		expect(linkWithRel(header, 'LAST')).toBe('https://a.example/x?page=2&a=1,2');
		expect(linkWithRel([' <a>; rel=first', '</n>; rel="next"'], 'next')).toBe('/n');
	});
	it('skips garbage without throwing', () => {
		expect(parseLinkHeader('garbage, <ok>; rel=next; broken')).toEqual([{ uri: 'ok', params: { rel: 'next', broken: '' }, rels: ['next'] }]);
		expect(parseLinkHeader('<unterminated; rel=next')).toEqual([]);
		expect(parseLinkHeader(undefined)).toEqual([]);
		expect(linkWithRel('<a>; rel="prev"', 'next')).toBeUndefined();
	});
});

describe('nextPage', () => {
	const base = 'http://h/api/chargers';
	const page = (body: unknown, itemCount: number, headers?: Record<string, string>) => ({ body, itemCount, headers });

	it('page numbers: next page until a short page', () => {
		const config: PaginationConfig = { kind: 'pageNumber', pageSize: 2 };
		const first = firstPageUrl(base, config);
		expect(first).toBe('http://h/api/chargers?page=1&per_page=2');
		expect(nextPage(config, first, page({}, 2), 1)).toMatchObject({ done: false, url: 'http://h/api/chargers?page=2&per_page=2' });
		expect(nextPage(config, first, page({}, 1), 1)).toMatchObject({ done: true, complete: true });
	});
	it('offset/limit advances by what came back', () => {
		const config: PaginationConfig = { kind: 'offsetLimit', pageSize: 3 };
		expect(nextPage(config, firstPageUrl(base, config), page({}, 3), 1)).toMatchObject({ done: false, url: 'http://h/api/chargers?offset=3&limit=3' });
		expect(nextPage(config, firstPageUrl(base, config), page({}, 0), 1)).toMatchObject({ done: true, complete: true });
	});
	it('cursor from a body path; stops when absent', () => {
		const config: PaginationConfig = { kind: 'cursor', cursorPath: 'meta.next' };
		expect(nextPage(config, base, page({ meta: { next: 'abc' } }, 5), 1)).toMatchObject({ done: false, url: 'http://h/api/chargers?cursor=abc' });
		expect(nextPage(config, base, page({ meta: { next: null } }, 5), 1)).toMatchObject({ done: true, complete: true });
		expect(nextPage(config, base, page({ meta: { next: {} } }, 5), 1)).toMatchObject({ done: true, complete: false });
	});
	it('Link header and next URL in the body, resolved against the current URL', () => {
		expect(nextPage({ kind: 'linkHeader' }, base, page([], 1, { Link: '</api/chargers?page=2>; rel="next"' }), 1)).toMatchObject({ done: false, url: 'http://h/api/chargers?page=2' });
		expect(nextPage({ kind: 'linkHeader' }, base, page([], 1, {}), 1)).toMatchObject({ done: true, complete: true });
		expect(nextPage({ kind: 'nextUrlInBody', nextUrlPath: 'links.next' }, base, page({ links: { next: '?page=3' } }, 1), 1)).toMatchObject({ url: 'http://h/api/chargers?page=3' });
	});
	it('a page cap ends the pull as incomplete; a self link ends it as a loop', () => {
		const capped = nextPage({ kind: 'pageNumber', pageSize: 1, maxPages: 2 }, `${base}?page=2&per_page=1`, page({}, 1), 2);
		expect(capped).toEqual({ done: true, complete: false, stoppedAtPageCap: true, reason: expect.stringMatching(/page cap/) });
		const loop = nextPage({ kind: 'nextUrlInBody', nextUrlPath: 'next' }, base, page({ next: base }, 1), 1);
		expect(loop).toMatchObject({ done: true, complete: false, stoppedAtPageCap: false });
		expect(nextPage({ kind: 'none' }, base, page([], 9), 1)).toMatchObject({ done: true, complete: true });
	});
});

describe('nextPage on bad input', () => {
	it('ends the pull as incomplete instead of throwing', () => {
		expect(nextPage({ kind: 'pageNumber', pageSize: 1 }, 'not a url', { body: {}, itemCount: 1 }, 1)).toMatchObject({ done: true, complete: false });
		expect(nextPage({ kind: 'nextUrlInBody', nextUrlPath: 'next' }, 'http://h/', { body: { next: 'http://[bad' }, itemCount: 1 }, 1)).toMatchObject({ done: true, complete: false });
		expect(nextPage({ kind: 'pageNumber', pageSize: 1 }, 'http://h/?page=x', { body: {}, itemCount: 1 }, 1)).toMatchObject({ done: true, complete: false });
	});
});
