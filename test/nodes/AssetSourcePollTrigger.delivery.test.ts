/**
 * At-least-once delivery of the Asset Source Polling Trigger through real n8n-core (PollContext with the
 * `__emit` n8n's active workflow manager gives it): emitted changes stay pending in the state until the run
 * that carried them reports success; a failed run's changes, and changes whose run never reported back in
 * time (n8n killed), are emitted again by the next poll, marked `redelivery: true`.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';
import { finishedRun, runPoll, settled, type PollOptions, type PollResult } from '../harness/runPoll';
import { API_KEY, call, startApi, type Started } from '../servers/sample-asset-api/helpers';

const FIXTURE = 'asset-poll.json';
const NODE_KEY = 'node:Asset Source Polling Trigger';
const MINUTE = 60_000;

let s: Started;
let clock = Date.UTC(2026, 0, 10, 12, 0, 0);

beforeEach(async () => {
	clock = Date.UTC(2026, 0, 10, 12, 0, 0);
	s = await startApi({ sites: 12, now: () => clock });
});
afterEach(() => s.stop());

const credentials = () => ({ assetSourceApi: { baseUrl: s.api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY } });
const poll = (parameters: INode['parameters'], staticData?: IDataObject, options: PollOptions = {}): Promise<PollResult> =>
	runPoll(FIXTURE, { parameters, staticData, credentials: credentials(), ...options });

type Pending = Record<string, { change: string; token: string; emittedAt: number; failed?: boolean; group?: string; record?: IDataObject; attempts?: number }>;
const pendingOf = (staticData: IDataObject): Pending => (((staticData[NODE_KEY] as IDataObject)?.assetSource as IDataObject)?.pending ?? {}) as Pending;
const chargers = () => `${s.api.url}/api/chargers`;
const changes = (items: INodeExecutionData[]) => Object.fromEntries(items.map((i) => [String(i.json.assetId), i.json.change]));
const redelivered = (items: INodeExecutionData[]) => items.filter((i) => i.json.redelivery === true).map((i) => String(i.json.assetId)).sort();

/** The stored state as if its emissions happened `minutes` earlier (what a clock moving on would make of it). */
function aged(staticData: IDataObject, minutes: number): IDataObject {
	const copy = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	for (const entry of Object.values(pendingOf(copy))) entry.emittedAt -= minutes * MINUTE;
	return copy;
}

/** Settles the poll's one emission with a run that ended so, and returns the static data after. */
async function settle(result: PollResult, outcome: 'success' | 'error'): Promise<IDataObject> {
	expect(result.emissions).toHaveLength(1);
	result.emissions[0].done!.resolve(finishedRun(outcome));
	await settled();
	return result.staticDataNow();
}

describe('Asset Source Polling Trigger: at-least-once delivery', () => {
	const snapshot = { changeDetection: 'snapshot', pagination: 'pageNumber', pageSize: 10 };

	it('emits through __emit with a done promise and returns nothing itself; a successful run empties the pending set', async () => {
		const first = await poll(snapshot, undefined, { runOutcome: 'none' });
		const total = s.api.store.list().length;
		expect(first.emissions).toHaveLength(1);
		expect(first.emissions[0].items).toHaveLength(total);
		expect(first.emissions[0].done).toBeDefined();
		const pending = pendingOf(first.staticData);
		expect(Object.keys(pending)).toHaveLength(total);
		// snapshot entries keep no record: every later pull brings it again
		expect(Object.values(pending).every((entry) => entry.change === 'created' && entry.record === undefined)).toBe(true);

		const confirmed = await settle(first, 'success');
		expect(pendingOf(confirmed)).toEqual({});
		const next = await poll(snapshot, confirmed);
		expect(next.emissions).toEqual([]);
		expect(next.output).toBeNull();
	});

	it('a failed run: its changes come again with the next poll, marked as redelivery, until a run succeeds', async () => {
		const first = await poll({ ...snapshot, firstRun: 'baseline' });
		const [a, b] = s.api.store.list();
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		const changed = await poll(snapshot, first.staticData, { runOutcome: 'none' });
		expect(changes(changed.items)).toEqual({ [a.charger_id]: 'updated' });
		const failed = await settle(changed, 'error');
		expect(pendingOf(failed)[a.charger_id].failed).toBe(true);

		// the next poll: a's change again (as the record is now) together with b's new change, each once
		expect((await call('PATCH', `${chargers()}/${b.charger_id}`, { state: 'offline' })).status).toBe(200);
		const again = await poll(snapshot, failed, { runOutcome: 'none' });
		expect(changes(again.items)).toEqual({ [a.charger_id]: 'updated', [b.charger_id]: 'updated' });
		expect(redelivered(again.items)).toEqual([a.charger_id]);
		expect(again.items.find((i) => i.json.assetId === a.charger_id)!.json.state).toBe('faulty');

		const confirmed = await settle(again, 'success');
		expect(pendingOf(confirmed)).toEqual({});
		expect((await poll(snapshot, confirmed)).output).toBeNull();
	});

	it('a run that never reports back (n8n killed): nothing again before Redeliver Unconfirmed After, then once', async () => {
		const first = await poll({ ...snapshot, firstRun: 'baseline' });
		const [a] = s.api.store.list();
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		const killed = await poll({ ...snapshot, redeliverAfterMinutes: 10 }, first.staticData, { runOutcome: 'none' });
		expect(changes(killed.items)).toEqual({ [a.charger_id]: 'updated' });

		// n8n restarted from the state saved with the emission; the run's done promise is gone
		expect((await poll({ ...snapshot, redeliverAfterMinutes: 10 }, aged(killed.staticData, 9))).output).toBeNull();
		const overdue = await poll({ ...snapshot, redeliverAfterMinutes: 10 }, aged(killed.staticData, 10));
		expect(changes(overdue.items)).toEqual({ [a.charger_id]: 'updated' });
		expect(redelivered(overdue.items)).toEqual([a.charger_id]);
		expect(pendingOf(overdue.staticData)).toEqual({});
	});

	it('a change no run ever answers for is emitted three times in all, then given up (left to the full compare)', async () => {
		const first = await poll({ ...snapshot, firstRun: 'baseline' });
		const [a] = s.api.store.list();
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		let state = (await poll(snapshot, first.staticData, { runOutcome: 'none' })).staticData;
		for (const attempt of [2, 3]) {
			const again = await poll(snapshot, aged(state, 10), { runOutcome: 'none' });
			expect(redelivered(again.items)).toEqual([a.charger_id]);
			expect(pendingOf(again.staticData)[a.charger_id].attempts).toBe(attempt);
			state = again.staticData;
		}
		const last = await poll(snapshot, aged(state, 10), { runOutcome: 'none' });
		expect(last.output).toBeNull();
		expect(pendingOf(last.staticData)).toEqual({});
	});

	it('incremental: the record as emitted comes again, although a later pull no longer brings it', async () => {
		const incremental = { changeDetection: 'incremental', pagination: 'pageNumber', pageSize: 5, overlapSeconds: 0, queryParameters: { parameter: [{ name: 'sort', value: 'updated_at' }] } };
		const first = await poll({ ...incremental, firstRun: 'baseline' });
		const [a, b] = s.api.store.list();
		clock += 5_000;
		expect((await call('PATCH', `${chargers()}/${a.charger_id}`, { state: 'faulty' })).status).toBe(200);
		const changed = await poll(incremental, first.staticData, { runOutcome: 'none' });
		expect(changes(changed.items)).toEqual({ [a.charger_id]: 'updated' });
		const stored = pendingOf(changed.staticData)[a.charger_id];
		expect(stored.record).toMatchObject({ charger_id: a.charger_id, state: 'faulty' });
		expect(stored.record).not.toHaveProperty('change');
		const failed = await settle(changed, 'error');

		clock += 5_000;
		expect((await call('PATCH', `${chargers()}/${b.charger_id}`, { state: 'offline' })).status).toBe(200);
		const again = await poll(incremental, failed);
		expect(Object.keys(changes(again.items)).sort()).toEqual([a.charger_id, b.charger_id].sort());
		expect(redelivered(again.items)).toEqual([a.charger_id]);
		expect(again.items.find((i) => i.json.assetId === a.charger_id)!.json.state).toBe('faulty');
		expect(pendingOf(again.staticData)).toEqual({});
	});

	it('Emit Whole Group on Change: a failed run\'s site comes again whole, the others unchanged', async () => {
		const grouped = { ...snapshot, emitWholeGroup: true, groupByField: 'site_id' };
		const first = await poll({ ...grouped, firstRun: 'baseline' });
		const bySite = new Map<string, string[]>();
		for (const c of s.api.store.list()) bySite.set(c.site_id, [...(bySite.get(c.site_id) ?? []), c.charger_id]);
		const [site, members] = [...bySite].find(([, list]) => list.length === 3)!;
		expect((await call('PATCH', `${chargers()}/${members[1]}`, { state: 'faulty' })).status).toBe(200);
		const changed = await poll(grouped, first.staticData, { runOutcome: 'error' });
		expect(Object.keys(changes(changed.items)).sort()).toEqual([...members].sort());
		expect(Object.values(pendingOf(changed.staticData)).every((entry) => entry.group === site && entry.failed === true)).toBe(true);

		const again = await poll(grouped, changed.staticData);
		expect(changes(again.items)).toEqual(Object.fromEntries(members.map((id) => [id, id === members[1] ? 'updated' : 'unchanged'])));
		expect(redelivered(again.items)).toEqual([...members].sort());
		expect(pendingOf(again.staticData)).toEqual({});
	});

	it('state stays bounded by what is unconfirmed: confirmed changes leave nothing behind', async () => {
		const first = await poll(snapshot);
		const state = JSON.stringify(first.staticData);
		expect(state).not.toContain('"pending":{"');
		expect(pendingOf(first.staticData)).toEqual({});
	});
});
