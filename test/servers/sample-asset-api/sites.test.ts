import { call, startApi, type Started } from './helpers';

describe('sample asset API: GET /api/sites and site reads', () => {
	let s: Started;
	beforeAll(async () => {
		s = await startApi({ sites: 12 });
	});
	afterAll(() => s.stop());

	it('lists one row per site with its charger count, paged like the chargers; a site read gives exactly its chargers', async () => {
		const chargers = s.api.store.list();
		const first = await call('GET', `${s.api.url}/api/sites?page=1&per_page=5`);
		expect(first.status).toBe(200);
		expect(first.json).toMatchObject({ page: 1, per_page: 5, total: 12, total_pages: 3 });
		const all = await call('GET', `${s.api.url}/api/sites?per_page=100`);
		const ids = all.json.data.map((site: { site_id: string }) => site.site_id);
		expect(ids).toEqual([...new Set(chargers.map((c) => c.site_id))].sort());
		for (const site of all.json.data as Array<{ site_id: string; chargers: number }>) {
			const read = await call('GET', `${s.api.url}/api/chargers?site_id=${site.site_id}&per_page=100`);
			expect(read.json.data.map((c: { charger_id: string }) => c.charger_id)).toEqual(chargers.filter((c) => c.site_id === site.site_id).map((c) => c.charger_id));
			expect(site.chargers).toBe(read.json.data.length);
		}
		const link = await call('GET', `${s.api.url}/api/sites?paginate=link&per_page=5`);
		expect(String(link.headers.get('link'))).toContain('/api/sites?');
	});

	it('sees a change at once: a new charger on a new site is listed and read', async () => {
		expect((await call('POST', `${s.api.url}/api/chargers`, { charger_id: 'ZZZ-0001-AC1', site_id: 'ZZZ-0001', site_name: 'New' })).status).toBe(201);
		const all = await call('GET', `${s.api.url}/api/sites?per_page=100`);
		expect(all.json.data.at(-1)).toMatchObject({ site_id: 'ZZZ-0001', chargers: 1 });
		const read = await call('GET', `${s.api.url}/api/chargers?site_id=ZZZ-0001`);
		expect(read.json.data.map((c: { charger_id: string }) => c.charger_id)).toEqual(['ZZZ-0001-AC1']);
	});
});
