/**
 * Asset Source Polling Trigger against the real sample asset API (in-process, 127.0.0.1, port 0).
 * Active-workflow polls go through n8n-core's PollContext (test/harness/runPoll.ts); the manual run goes
 * through n8n-core's WorkflowExecute (runWorkflowFixture), which calls poll() itself in manual mode.
 * Static data is JSON round-tripped between polls, as n8n stores it.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { loadWorkflowFixture, runWorkflowFixture, type WorkflowFixture } from '../harness';
import { runPoll, type PollResult } from '../harness/runPoll';
import { API_KEY, call, startApi, type Started } from '../servers/sample-asset-api/helpers';

const FIXTURE = 'asset-poll.json';
const NODE_KEY = 'node:Asset Source Polling Trigger';

let s: Started;
let clock = Date.UTC(2026, 0, 10, 12, 0, 0);
let total = 0;

beforeEach(async () => {
	clock = Date.UTC(2026, 0, 10, 12, 0, 0);
	s = await startApi({ sites: 12, now: () => clock });
	total = s.api.store.list().length;
});
afterEach(() => s.stop());

const creds = (extra: IDataObject = {}) => ({
	assetSourceApi: { baseUrl: s.api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY, ...extra },
});

function poll(parameters: INode['parameters'], staticData?: IDataObject, credentials = creds()): Promise<PollResult> {
	return runPoll(FIXTURE, { parameters, staticData, credentials });
}

const ids = (r: PollResult) => r.items.map((i) => String(i.json.assetId));
const changes = (r: PollResult) => Object.fromEntries(r.items.map((i) => [String(i.json.assetId), i.json.change]));
const chargers = () => `${s.api.url}/api/chargers`;
/** An item's json without its `_read` mark (tested on its own). */
const withoutMark = (r: PollResult) => r.items.map(({ json: { _read, ...rest } }) => rest);
const marks = (r: PollResult) => r.items.map((i) => i.json._read as IDataObject);

describe('Asset Source Polling Trigger: pagination kinds (snapshot, first run emits all)', () => {
	const kinds: Array<[string, INode['parameters'], IDataObject?]> = [
		['none', { pagination: 'none' }, {}],
		['page number', { pagination: 'pageNumber', pageParam: 'page', sizeParam: 'per_page', pageSize: 7 }, {}],
		['offset/limit', { pagination: 'offsetLimit', offsetParam: 'offset', sizeParam: 'limit', pageSize: 9 }, {}],
		[
			'cursor',
			{ pagination: 'cursor', cursorPath: 'next_cursor', cursorParam: 'cursor', sizeParam: 'limit', pageSize: 10, queryParameters: { parameter: [{ name: 'paginate', value: 'cursor' }] } },
			{},
		],
		[
			'Link header (API key in the query)',
			{ pagination: 'linkHeader', linkRel: 'next', recordsPath: '', queryParameters: { parameter: [{ name: 'paginate', value: 'link' }, { name: 'per_page', value: '8' }] } },
			{ authentication: 'queryKey', queryName: 'api_key' },
		],
		[
			'next URL in body',
			{ pagination: 'nextUrlInBody', nextUrlPath: 'next', queryParameters: { parameter: [{ name: 'paginate', value: 'next_url' }, { name: 'limit', value: '11' }] } },
			{},
		],
	];
	it.each(kinds)('%s: every record once, as created', async (_name, parameters, auth) => {
		const result = await poll({ changeDetection: 'snapshot', ...parameters }, undefined, creds(auth));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(total);
		expect(new Set(ids(result)).size).toBe(total);
		expect(result.items.every((i) => i.json.change === 'created' && i.json.charger_id === i.json.assetId)).toBe(true);
		const state = (result.staticData[NODE_KEY] as IDataObject).assetSource as { mode: string; state: Record<string, string> };
		expect(state.mode).toBe('snapshot');
		expect(Object.keys(state.state)).toHaveLength(total);
	});
});

describe('Asset Source Polling Trigger: incremental', () => {
	const incremental = { changeDetection: 'incremental', pagination: 'pageNumber', pageSize: 5, queryParameters: { parameter: [{ name: 'sort', value: 'updated_at' }] } };

	it('overlap window: late writes in the same second are caught, nothing is emitted twice', async () => {
		const first = await poll(incremental);
		expect(first.items).toHaveLength(total);
		const [a, b] = s.api.store.list();

		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		const second = await poll(incremental, first.staticData);
		expect(marks(second).every((mark) => mark.complete === false && /incremental poll/.test(String(mark.reason)))).toBe(true);
		expect(changes(second)).toEqual({ [a.charger_id]: 'updated' });

		// nothing changed: the overlap fetches a again, and it is suppressed
		const third = await poll(incremental, second.staticData);
		expect(third.output).toBeNull();

		// b written later within the same second as a: updated_at equals the mark, still fetched and emitted
		expect((await call('PATCH', `${chargers()}/${b.charger_id}`, { state: 'offline' })).status).toBe(200);
		const fourth = await poll(incremental, third.staticData);
		expect(changes(fourth)).toEqual({ [b.charger_id]: 'updated' });

		// a changed again within the same second: new content, emitted again
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'in use' })).status).toBe(200);
		clock += 5_000;
		expect((await call('POST', chargers(), { charger_id: 'NEW-0001-AC1', site_id: 'NEW-0001' })).status).toBe(201);
		const fifth = await poll(incremental, fourth.staticData);
		expect(changes(fifth)).toEqual({ [a.charger_id]: 'updated', 'NEW-0001-AC1': 'created' });
		expect((await poll(incremental, fifth.staticData)).output).toBeNull();
	});

	it('asks the API only for records since the mark minus the overlap', async () => {
		const first = await poll(incremental);
		const state = (first.staticData[NODE_KEY] as IDataObject).assetSource as { state: { highWaterMark: string } };
		const newest = s.api.store.list().map((r) => r.updated_at).sort().pop();
		expect(state.state.highWaterMark).toBe(new Date(newest!).toISOString());
	});

	it('page cap, results sorted by updated-at: each poll continues where the last one stopped', async () => {
		const capped = { ...incremental, maxPages: 1, sortedByUpdatedAt: true };
		const first = await poll(capped);
		expect(first.items).toHaveLength(5);
		// page 2 starts at the mark minus the overlap: the record at the mark comes again and is suppressed
		const second = await poll(capped, first.staticData);
		expect(second.items.length).toBeGreaterThanOrEqual(4);
		const rest = await poll(incremental, second.staticData);
		const all = [...ids(first), ...ids(second), ...ids(rest)];
		expect(all).toHaveLength(total);
		expect(new Set(all).size).toBe(total);
	});

	it('page cap, unsorted results: the mark stays, nothing is emitted twice, a complete pull delivers the rest', async () => {
		const capped = { ...incremental, queryParameters: { parameter: [] }, maxPages: 1 };
		const first = await poll(capped);
		expect(first.items).toHaveLength(5);
		const second = await poll(capped, first.staticData);
		expect(second.output).toBeNull();
		const rest = await poll({ ...capped, maxPages: 100 }, second.staticData);
		expect(rest.items).toHaveLength(total - 5);
		expect(ids(rest).some((id) => ids(first).includes(id))).toBe(false);
	});
});

describe('Asset Source Polling Trigger: snapshot diff', () => {
	const snapshot = { changeDetection: 'snapshot', pagination: 'pageNumber', pageSize: 10, maxPages: 100 };

	it('created, updated and removed after a complete pull; no removal after a page-capped pull', async () => {
		const first = await poll(snapshot);
		const list = s.api.store.list();
		const last = list[list.length - 1];
		expect((await call('DELETE', `${chargers()}/${last.charger_id}`)).status).toBe(204);

		const capped = await poll({ ...snapshot, maxPages: 1 }, first.staticData);
		expect(capped.items.filter((i) => i.json.change === 'removed')).toEqual([]);
		expect(Object.keys(((capped.staticData[NODE_KEY] as IDataObject).assetSource as { state: object }).state)).toContain(last.charger_id);

		expect((await call('PATCH', `${chargers()}/${list[0].charger_id}`, { state: 'faulty' })).status).toBe(200);
		expect((await call('POST', chargers(), { charger_id: 'NEW-0001-AC1', site_id: 'NEW-0001' })).status).toBe(201);
		const full = await poll(snapshot, capped.staticData);
		expect(changes(full)).toEqual({ 'NEW-0001-AC1': 'created', [list[0].charger_id]: 'updated', [last.charger_id]: 'removed' });
		expect(withoutMark(full).find((json) => json.change === 'removed')).toEqual({ change: 'removed', assetId: last.charger_id });
		// changed records only, never whole sites: nothing here may count as a complete read
		expect(marks(full).every((mark) => mark.complete === false && /changed records, not whole sites/.test(String(mark.reason)))).toBe(true);
		expect((await poll(snapshot, full.staticData)).output).toBeNull();
	});

	it('first run baseline emits nothing, then only changes', async () => {
		const first = await poll({ ...snapshot, firstRun: 'baseline' });
		expect(first.output).toBeNull();
		const [a] = s.api.store.list();
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		const second = await poll({ ...snapshot, firstRun: 'baseline' }, first.staticData);
		expect(changes(second)).toEqual({ [a.charger_id]: 'updated' });
	});

	it('incremental baseline too', async () => {
		const first = await poll({ changeDetection: 'incremental', firstRun: 'baseline' });
		expect(first.output).toBeNull();
		clock += 1_000;
		const [a] = s.api.store.list();
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		expect(changes(await poll({ changeDetection: 'incremental', firstRun: 'baseline' }, first.staticData))).toEqual({ [a.charger_id]: 'updated' });
	});
});

describe('Asset Source Polling Trigger: snapshot, Emit Whole Group on Change', () => {
	const grouped = { changeDetection: 'snapshot', pagination: 'pageNumber', pageSize: 10, emitWholeGroup: true, groupByField: 'site_id' };
	const sites = () => {
		const bySite = new Map<string, string[]>();
		for (const c of s.api.store.list()) bySite.set(c.site_id, [...(bySite.get(c.site_id) ?? []), c.charger_id]);
		return bySite;
	};
	/** A site with three chargers (the 12-site sample network has three such sites), and its charger ids. */
	const threeChargerSite = (except?: string) => [...sites()].find(([site, list]) => list.length === 3 && site !== except)!;

	it('a PATCH of one charger emits every charger of its site and no other site; nothing again on the next poll', async () => {
		const first = await poll({ ...grouped, firstRun: 'baseline' });
		expect(first.output).toBeNull();
		const saved = (first.staticData[NODE_KEY] as IDataObject).assetSource as { groups: Record<string, string>; groupBy: string };
		expect(saved.groupBy).toBe('site_id');
		expect(Object.keys(saved.groups)).toHaveLength(total);

		const [site, members] = threeChargerSite();
		expect((await call('PATCH', `${chargers()}/${members[1]}`, { state: 'faulty' })).status).toBe(200);
		const second = await poll(grouped, first.staticData);
		expect(changes(second)).toEqual(Object.fromEntries(members.map((id) => [id, id === members[1] ? 'updated' : 'unchanged'])));
		expect(second.items.every((i) => i.json.site_id === site && i.json.charger_id === i.json.assetId)).toBe(true);
		expect((await poll(grouped, second.staticData)).output).toBeNull();
	});

	it('a hard delete re-emits the rest of the site without it; a site deleted entirely comes as removed items with the site', async () => {
		const first = await poll({ ...grouped, firstRun: 'baseline' });
		const [site, members] = threeChargerSite();
		expect((await call('DELETE', `${chargers()}/${members[0]}`)).status).toBe(204);
		const second = await poll(grouped, first.staticData);
		expect(changes(second)).toEqual(Object.fromEntries(members.slice(1).map((id) => [id, 'unchanged'])));
		// the whole site after a complete pull: the Push may remove the deleted charger's EVSE
		expect(marks(second)).toEqual(members.slice(1).map(() => ({ complete: true, scope: 'group', group: site, readAt: expect.any(String) })));

		const [gone, goneMembers] = threeChargerSite(site);
		for (const id of goneMembers) expect((await call('DELETE', `${chargers()}/${id}`)).status).toBe(204);
		const third = await poll(grouped, second.staticData);
		expect(withoutMark(third)).toEqual(goneMembers.map((assetId) => ({ change: 'removed', assetId, group: gone })));
		expect(marks(third).every((mark) => mark.complete === false && mark.group === gone)).toBe(true);
	});

	it('a snapshot state saved without groups still loads: a removal comes as a plain removed item', async () => {
		const first = await poll({ changeDetection: 'snapshot', pagination: 'pageNumber', pageSize: 10, firstRun: 'baseline' });
		const [, members] = threeChargerSite();
		expect((await call('DELETE', `${chargers()}/${members[0]}`)).status).toBe(204);
		const second = await poll(grouped, first.staticData);
		expect(withoutMark(second)).toEqual([{ change: 'removed', assetId: members[0] }]);
		expect(marks(second)).toEqual([expect.objectContaining({ complete: false, reason: 'a removal notice, not a record' })]);
		// from now on the groups are known
		expect(Object.keys(((second.staticData[NODE_KEY] as IDataObject).assetSource as { groups: object }).groups)).toHaveLength(total - 1);
	});

	it('marks whole sites complete only after a complete pull: a page-capped pull marks what it emits incomplete, with the reason', async () => {
		const first = await poll({ ...grouped, firstRun: 'baseline' });
		const [site, members] = threeChargerSite();
		expect((await call('PATCH', `${chargers()}/${members[1]}`, { state: 'faulty' })).status).toBe(200);
		// the sample network lists sites in order; enough pages to reach this site, but not the last page
		const index = s.api.store.list().findIndex((c) => c.site_id === site);
		const pages = Math.floor((index + members.length - 1) / 10) + 1;
		expect(pages * 10).toBeLessThan(total);
		const capped = await poll({ ...grouped, maxPages: pages }, first.staticData);
		expect(changes(capped)).toEqual(Object.fromEntries(members.map((id) => [id, id === members[1] ? 'updated' : 'unchanged'])));
		expect(marks(capped)).toEqual(members.map(() => ({ complete: false, scope: 'group', group: site, reason: expect.stringMatching(/did not read every record \(stopped at the page cap/), readAt: expect.any(String) })));
	});

	it('records without the group field are emitted on their own (and the poll does not fail over them)', async () => {
		const first = await poll({ ...grouped, groupByField: 'no_such_field', firstRun: 'baseline' });
		expect(first.error).toBeUndefined();
		const [, members] = threeChargerSite();
		expect((await call('PATCH', `${chargers()}/${members[0]}`, { state: 'faulty' })).status).toBe(200);
		const second = await poll({ ...grouped, groupByField: 'no_such_field' }, first.staticData);
		expect(changes(second)).toEqual({ [members[0]]: 'updated' });
		expect(marks(second)).toEqual([expect.objectContaining({ complete: false, reason: expect.stringMatching(/no value in the Group By Field/) })]);
	});

	it('an empty Group By Field is a configuration error', async () => {
		const result = await poll({ ...grouped, groupByField: ' ' });
		expect(result.error?.message).toMatch(/Group By Field is empty/);
		expect(result.staticData).toEqual({});
	});
});

describe('Asset Source Polling Trigger: manual runs, failures, stored state', () => {
	it('manual run (real WorkflowExecute): a sample of the first page as created, state untouched', async () => {
		const staticData = { [NODE_KEY]: { assetSource: { mode: 'snapshot', state: { X: 'abc' } } } };
		const run = await runWorkflowFixture(FIXTURE, {
			credentials: creds(),
			staticData: JSON.parse(JSON.stringify(staticData)),
			mode: 'manual',
		});
		expect(run.error).toBeUndefined();
		const sample = run.outputs[0]!;
		expect(sample.length).toBeGreaterThan(0);
		expect(sample.every((i) => i.json.change === 'created')).toBe(true);
		expect(run.runData.Changes[0].data!.main[0]).toHaveLength(sample.length);
		expect(JSON.parse(JSON.stringify(run.workflow.staticData))).toEqual(staticData);

		const paged = await runPoll(FIXTURE, { mode: 'manual', credentials: creds(), parameters: { pagination: 'pageNumber', pageSize: 4 } });
		expect(paged.items).toHaveLength(4);
		expect(paged.staticData).toEqual({});
	});

	it('a failed pull (wrong key → 401, then the API stopped) throws, emits nothing and keeps the state', async () => {
		const first = await poll({ changeDetection: 'snapshot' });
		const before = JSON.parse(JSON.stringify(first.staticData));
		const [a] = s.api.store.list();
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);

		const unauthorised = await poll({ changeDetection: 'snapshot' }, first.staticData, creds({ apiKey: 'wrong' }));
		expect(unauthorised.error).toBeDefined();
		expect(JSON.stringify(unauthorised.error)).not.toContain('wrong');
		expect(unauthorised.output).toBeNull();
		expect(unauthorised.staticData).toEqual(before);

		await s.api.close();
		const down = await poll({ changeDetection: 'snapshot' }, first.staticData);
		expect(down.error).toBeDefined();
		expect(down.output).toBeNull();
		expect(down.staticData).toEqual(before);
		s.stop = async () => {};
	});

	it('state is small, plain JSON and survives the round trip: the next poll emits nothing again', async () => {
		const first = await poll({ changeDetection: 'snapshot' });
		const text = JSON.stringify(first.staticData);
		expect(text.length).toBeLessThan(total * 40 + 200);
		const second = await poll({ changeDetection: 'snapshot' }, JSON.parse(text));
		expect(second.output).toBeNull();
	});

	it('switching the change detection starts over instead of misreading the other state', async () => {
		const first = await poll({ changeDetection: 'snapshot', firstRun: 'baseline' });
		const second = await poll({ changeDetection: 'incremental', firstRun: 'baseline' }, first.staticData);
		expect(second.output).toBeNull();
		expect(((second.staticData[NODE_KEY] as IDataObject).assetSource as { mode: string }).mode).toBe('incremental');
	});
});

describe('Asset Source API credential', () => {
	it('sends only the chosen method: header key, query key, bearer, basic or nothing', async () => {
		const { AssetSourceApi } = await import('../../credentials/AssetSourceApi.credentials');
		const credential = new AssetSourceApi();
		const apply = (data: IDataObject) => credential.authenticate(data as never, { url: 'http://x/api', headers: { Accept: 'application/json' } });
		expect((await apply({ authentication: 'headerKey', headerName: 'X-Key', apiKey: 'k' })).headers).toEqual({ Accept: 'application/json', 'X-Key': 'k' });
		const query = await apply({ authentication: 'queryKey', queryName: 'api_key', apiKey: 'k' });
		expect([query.qs, query.headers]).toEqual([{ api_key: 'k' }, { Accept: 'application/json' }]);
		expect((await apply({ authentication: 'bearer', token: 't' })).headers).toEqual({ Accept: 'application/json', Authorization: 'Bearer t' });
		const basic = await apply({ authentication: 'basic', username: 'u', password: 'p' });
		expect([basic.auth, basic.headers]).toEqual([{ username: 'u', password: 'p' }, { Accept: 'application/json' }]);
		const none = await apply({ authentication: 'none' });
		expect([none.headers, none.qs, none.auth]).toEqual([{ Accept: 'application/json' }, undefined, undefined]);
	});
});

describe('Asset Source Polling Trigger version 2: optional settings in the Options collection', () => {
	/** The fixture's trigger as version 2: only what version 2 shows at top level, the rest in Options. */
	function version2(options: INode['parameters'], topLevel: INode['parameters'] = {}): WorkflowFixture {
		const fixture = loadWorkflowFixture(FIXTURE);
		fixture.nodes = fixture.nodes.map((node) =>
			node.name === 'Asset Source Polling Trigger'
				? { ...node, typeVersion: 2, parameters: { path: '/api/chargers', recordsPath: 'data', idField: 'charger_id', pagination: 'none', changeDetection: 'snapshot', ...topLevel, options } }
				: node,
		);
		return fixture;
	}

	it('reads them from Options as version 1 reads them at top level', async () => {
		const topLevelV1 = { changeDetection: 'snapshot', pagination: 'pageNumber', pageParam: 'page', sizeParam: 'per_page', pageSize: 7, firstRun: 'baseline' };
		const first1 = await poll(topLevelV1);
		const first2 = await runPoll(version2({ pageParam: 'page', sizeParam: 'per_page', pageSize: 7, firstRun: 'baseline' }, { pagination: 'pageNumber' }), { credentials: creds() });
		expect(first2.error).toBeUndefined();
		// baseline: nothing emitted, every record remembered
		expect(first1.items).toEqual([]);
		expect(first2.items).toEqual([]);
		expect(first2.staticData).toEqual(first1.staticData);
		expect(Object.keys(first2.staticData).length).toBeGreaterThan(0);

		const [a] = s.api.store.list();
		clock += 60_000;
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		const second = await runPoll(version2({ pageSize: 7, firstRun: 'baseline' }, { pagination: 'pageNumber' }), { credentials: creds(), staticData: first2.staticData });
		expect(changes(second)).toEqual({ [a.charger_id]: 'updated' });
	});

	it('keeps a setting\'s default when it is not added (First Run: emit all)', async () => {
		const run = await runPoll(version2({}), { credentials: creds() });
		expect(run.error).toBeUndefined();
		expect(run.items).toHaveLength(total);
	});
});
