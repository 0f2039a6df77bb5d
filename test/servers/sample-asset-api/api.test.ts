import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { generateSampleNetwork, startSampleAssetApi } from '../../../servers/sample-asset-api';
import { API_KEY, call, startApi, type Started } from './helpers';

describe('sample asset API: auth, records, errors, persistence', () => {
	let s: Started;
	beforeAll(async () => {
		s = await startApi({ sites: 5 });
	});
	afterAll(() => s.stop());

	it('answers 401 JSON without the key or with a wrong one, and accepts the header or the query parameter', async () => {
		for (const headers of [{}, { 'X-API-Key': 'wrong' }, { 'X-API-Key': '' }] as Array<Record<string, string>>) {
			const r = await call('GET', `${s.api.url}/api/chargers`, undefined, headers);
			expect(r.status).toBe(401);
			expect(r.json.error).toMatch(/API key/);
			expect(JSON.stringify(r.json)).not.toContain(API_KEY);
		}
		expect((await call('GET', `${s.api.url}/admin/webhooks`, undefined, {})).status).toBe(401);
		expect((await call('GET', `${s.api.url}/api/chargers?api_key=${API_KEY}`, undefined, {})).status).toBe(200);
		expect((await call('GET', `${s.api.url}/api/chargers`)).status).toBe(200);
	});

	it('generates the same network for the same seed, about two chargers per site by default', () => {
		expect(generateSampleNetwork({ seed: 3 })).toEqual(generateSampleNetwork({ seed: 3 }));
		const network = generateSampleNetwork();
		expect(network.length).toBeGreaterThanOrEqual(45);
		expect(network.length).toBeLessThanOrEqual(75);
		expect(new Set(network.map((c) => c.charger_id)).size).toBe(network.length);
		expect(new Set(network.map((c) => c.site_id)).size).toBe(30);
	});

	it('filters by updated_since inclusively and refuses bad parameters with 400', async () => {
		const [one] = s.api.store.list();
		const since = await call('GET', `${s.api.url}/api/chargers?updated_since=${encodeURIComponent(one.updated_at)}`);
		expect(since.json.data.every((c: { updated_at: string }) => c.updated_at >= one.updated_at)).toBe(true);
		expect(since.json.data.map((c: { charger_id: string }) => c.charger_id)).toContain(one.charger_id);
		for (const query of ['updated_since=yesterday', 'per_page=0', 'limit=101', 'paginate=weird', 'cursor=notours', 'sort=town']) {
			expect((await call('GET', `${s.api.url}/api/chargers?${query}`)).status).toBe(400);
		}
	});

	it('creates, reads, updates (bumping updated_at), decommissions and deletes', async () => {
		const base = `${s.api.url}/api/chargers`;
		expect((await call('POST', base, { site_id: 'X' })).status).toBe(400);
		const created = await call('POST', base, { charger_id: 'TST-0001-AC1', site_id: 'TST-0001', country: 'Germany' });
		expect(created.status).toBe(201);
		expect(created.json).toMatchObject({ state: 'in service', outlets: [], created_at: expect.any(String) });
		expect((await call('POST', base, { charger_id: 'TST-0001-AC1', site_id: 'TST-0001' })).status).toBe(409);
		const patched = await call('PATCH', `${base}/TST-0001-AC1`, { state: 'faulty', updated_at: '1999-01-01T00:00:00Z', country: null });
		expect(patched.json.state).toBe('faulty');
		expect(patched.json.updated_at).not.toBe('1999-01-01T00:00:00Z');
		expect(patched.json).not.toHaveProperty('country');
		expect((await call('PATCH', `${base}/TST-0001-AC1`, { charger_id: 'other' })).status).toBe(400);
		expect((await call('POST', `${base}/TST-0001-AC1/decommission`)).json.state).toBe('decommissioned');
		expect((await call('GET', `${base}/TST-0001-AC1`)).json.state).toBe('decommissioned');
		expect((await call('DELETE', `${base}/TST-0001-AC1`)).status).toBe(204);
		expect((await call('GET', `${base}/TST-0001-AC1`)).status).toBe(404);
		expect((await call('PUT', `${base}/x`)).status).toBe(405);
		expect((await call('GET', `${s.api.url}/nope`)).status).toBe(404);
		const broken = await fetch(base, { method: 'POST', headers: { 'X-API-Key': API_KEY }, body: '{' });
		expect(broken.status).toBe(400);
	});

	it('persists changes in the JSON file (no temp files left) and loads them on restart', async () => {
		await call('PATCH', `${s.api.url}/api/chargers/${s.api.store.list()[0].charger_id}`, { model: 'Persisted' });
		expect(readdirSync(s.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
		const saved = JSON.parse(readFileSync(s.dataFile, 'utf8'));
		expect(Object.values(saved.chargers).some((c: any) => c.model === 'Persisted')).toBe(true);
		const again = await startSampleAssetApi({ port: 0, dataFile: s.dataFile, apiKey: API_KEY, quiet: true, sites: 99 });
		try {
			expect(again.store.list().length).toBe(s.api.store.list().length);
			expect(again.store.list()[0].model).toBe('Persisted');
		} finally {
			await again.close();
		}
		expect(existsSync(s.dataFile)).toBe(true);
	});
});
