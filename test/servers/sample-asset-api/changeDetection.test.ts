import { acceptIncremental, diffSnapshot, incrementalQuery, type IncrementalState, type SnapshotState } from '../../../core/changeDetection';
import { call, pullAll, startApi, type Started } from './helpers';

// n8n keeps static data as JSON between runs
const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));

describe('sample asset API + change detection, run by run as a polling trigger would', () => {
	let s: Started;
	let clock = Date.UTC(2026, 0, 10, 12, 0, 0);
	beforeAll(async () => {
		s = await startApi({ sites: 8, now: () => clock });
	});
	afterAll(() => s.stop());

	it('snapshot: baseline first, then created / updated / removed after complete pulls only', async () => {
		const base = `${s.api.url}/api/chargers`;
		const items = (records: Array<Record<string, any>>) => records.map((r) => ({ id: r.charger_id, record: r }));
		const first = await pullAll(`${base}?paginate=cursor`, { kind: 'cursor', cursorPath: 'next_cursor', sizeParam: 'limit', pageSize: 4 });
		const baseline = diffSnapshot(undefined, items(first.records), { complete: first.complete, firstRun: 'baseline' });
		expect(baseline.created).toEqual([]);
		let state: SnapshotState = viaJson(baseline.nextState);

		const [a, b, c] = s.api.store.list();
		expect((await call('PATCH', `${base}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		expect((await call('POST', `${base}/${b.charger_id}/decommission`)).json.state).toBe('decommissioned');
		expect((await call('DELETE', `${base}/${c.charger_id}`)).status).toBe(204);
		expect((await call('POST', base, { charger_id: 'NEW-0001-AC1', site_id: 'NEW-0001', outlets: [{ no: 1, plug: 'Typ 2', kw: '11' }] })).status).toBe(201);

		const capped = await pullAll(`${base}?page=1`, { kind: 'pageNumber', pageSize: 3, maxPages: 1 });
		const partial = diffSnapshot(state, items(capped.records), { complete: capped.complete });
		expect(partial.removed).toEqual([]);
		expect(partial.reason).toMatch(/incomplete/);

		const second = await pullAll(`${base}?paginate=next_url&limit=5`, { kind: 'nextUrlInBody', nextUrlPath: 'next' });
		const diff = diffSnapshot(state, items(second.records), { complete: second.complete });
		expect(diff.created.map((x) => x.id)).toEqual(['NEW-0001-AC1']);
		expect(diff.updated.map((x) => x.id).sort()).toEqual([a.charger_id, b.charger_id].sort());
		expect(diff.removed).toEqual([c.charger_id]);
		state = viaJson(diff.nextState);
		const third = diffSnapshot(state, items((await pullAll(base, { kind: 'none' })).records), { complete: true });
		expect([third.created, third.updated, third.removed]).toEqual([[], [], []]);
	});

	it('incremental: records written in the same second as the high-water mark are not missed, duplicates are suppressed', async () => {
		const options = { overlapSeconds: 5 };
		const fetchSince = async (state: IncrementalState | undefined) => {
			const { updatedSince } = incrementalQuery(state, options);
			const url = `${s.api.url}/api/chargers?sort=updated_at${updatedSince ? `&updated_since=${encodeURIComponent(updatedSince)}` : ''}`;
			const pull = await pullAll(`${url}&paginate=link&per_page=10`, { kind: 'linkHeader' }, 'body');
			return pull.records.map((r) => ({ id: r.charger_id, updatedAt: r.updated_at, record: r }));
		};
		const [x, y, z] = s.api.store.list().map((r) => r.charger_id);
		clock = Date.UTC(2026, 0, 11, 8, 0, 0, 100);
		await call('PATCH', `${s.api.url}/api/chargers/${x}`, { model: 'first edit' });

		const first = acceptIncremental(undefined, await fetchSince(undefined), { ...options, firstRun: 'emitAll' });
		expect(first.emit.length).toBe(s.api.store.list().length);
		expect(first.nextState.highWaterMark).toBe('2026-01-11T08:00:00.000Z');
		let state: IncrementalState = viaJson(first.nextState);

		// two more records changed later within the same second (the API stores whole seconds)
		clock = Date.UTC(2026, 0, 11, 8, 0, 0, 900);
		await call('PATCH', `${s.api.url}/api/chargers/${y}`, { model: 'same second' });
		await call('PATCH', `${s.api.url}/api/chargers/${z}`, { model: 'same second too' });
		const second = acceptIncremental(state, await fetchSince(state), options);
		expect(second.emit.map((e) => e.id).sort()).toEqual([y, z].sort());
		expect(second.counts.duplicates).toBeGreaterThanOrEqual(1); // x came again through the inclusive overlap
		state = viaJson(second.nextState);

		const third = acceptIncremental(state, await fetchSince(state), options);
		expect(third.emit).toEqual([]);
		expect(third.nextState).toEqual(state);

		clock = Date.UTC(2026, 0, 11, 9, 0, 0);
		await call('PATCH', `${s.api.url}/api/chargers/${x}`, { model: 'an hour later' });
		const fourth = acceptIncremental(state, await fetchSince(state), options);
		expect(fourth.emit.map((e) => [e.id, e.record.model])).toEqual([[x, 'an hour later']]);
		expect(Object.keys(fourth.nextState.seen)).toEqual([x]);
	});
});
