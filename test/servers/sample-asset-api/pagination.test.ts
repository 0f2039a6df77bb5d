import { diffSnapshot, type PaginationConfig } from '../../../core/changeDetection';
import { pullAll, startApi, type Started } from './helpers';

describe('sample asset API: every pagination kind, pulled with the core planners', () => {
	let s: Started;
	let base: string;
	let allIds: string[];
	beforeAll(async () => {
		s = await startApi({ sites: 12 });
		base = `${s.api.url}/api/chargers`;
		allIds = s.api.store.list().map((c) => c.charger_id);
	});
	afterAll(() => s.stop());

	const kinds: Array<[string, PaginationConfig, string, 'data' | 'body']> = [
		['none', { kind: 'none' }, '', 'data'],
		['page number', { kind: 'pageNumber', pageSize: 5 }, '', 'data'],
		['offset/limit', { kind: 'offsetLimit', pageSize: 4 }, '', 'data'],
		['cursor in the body', { kind: 'cursor', cursorPath: 'next_cursor', sizeParam: 'limit', pageSize: 6 }, '?paginate=cursor', 'data'],
		['Link header', { kind: 'linkHeader' }, '?paginate=link&per_page=7', 'body'],
		['next URL in the body', { kind: 'nextUrlInBody', nextUrlPath: 'next' }, '?paginate=next_url&limit=3', 'data'],
	];

	it.each(kinds)('%s: every charger exactly once, in order, complete', async (_name, config, query, itemsAt) => {
		const pull = await pullAll(`${base}${query}`, config, itemsAt);
		expect(pull.records.map((r) => r.charger_id)).toEqual(allIds);
		expect(pull.complete).toBe(true);
		expect(pull.stoppedAtPageCap).toBe(false);
		if (config.kind !== 'none') expect(pull.pages).toBeGreaterThan(2);
	});

	it('the network is the asset-system shape, not OCPI', () => {
		const [charger] = s.api.store.list();
		expect(Object.keys(charger)).toEqual(expect.arrayContaining(['site_id', 'site_name', 'street', 'zip', 'town', 'country', 'lat', 'lon', 'charger_id', 'state', 'outlets', 'updated_at']));
		expect(charger.outlets[0]).toEqual(expect.objectContaining({ no: 1, plug: expect.stringMatching(/^(Typ 2|CCS|CHAdeMO)$/), kw: expect.any(String), amps: expect.any(Number) }));
		expect(['Germany', 'Netherlands', 'Austria', 'Switzerland']).toContain(charger.country);
	});

	it('a page cap makes the pull incomplete, so the snapshot diff reports no removals', async () => {
		const full = await pullAll(base, { kind: 'none' });
		const state = diffSnapshot(undefined, full.records.map((r) => ({ id: r.charger_id, record: r })), { complete: true, firstRun: 'baseline' }).nextState;
		const capped = await pullAll(`${base}?paginate=link&per_page=5`, { kind: 'linkHeader', maxPages: 2 }, 'body');
		expect(capped).toMatchObject({ pages: 2, complete: false, stoppedAtPageCap: true });
		expect(capped.records).toHaveLength(10);
		const diff = diffSnapshot(state, capped.records.map((r) => ({ id: r.charger_id, record: r })), { complete: capped.complete });
		expect(diff.removed).toEqual([]);
		expect(Object.keys(diff.nextState)).toHaveLength(allIds.length);
	});

	it('a cursor stays valid when records are deleted between pages', async () => {
		const first = (await (await fetch(`${base}?cursor=&limit=5`, { headers: { 'X-API-Key': s.api.apiKey } })).json()) as any;
		// the cursor names the last id sent, not a position, so deleting earlier ids shifts nothing
		const [gone] = first.data;
		s.api.store.remove(gone.charger_id);
		const second = (await (await fetch(`${base}?cursor=${first.next_cursor}&limit=5`, { headers: { 'X-API-Key': s.api.apiKey } })).json()) as any;
		expect(second.data[0].charger_id).toBe(allIds[5]);
	});
});
