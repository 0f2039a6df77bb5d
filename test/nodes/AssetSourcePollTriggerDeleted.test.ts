/**
 * One word for a record gone from the asset system: the Polling Trigger says `deleted` from node version 2,
 * as the Webhook Trigger does; version 1 (saved workflows) keeps `removed`. Downstream, the Mapper treats
 * both alike.
 */
import type { IDataObject } from 'n8n-workflow';
import { mapAssets } from '../../core/mapping';
import { profileWith, NOW } from '../core/mapping/helpers';
import { loadWorkflowFixture } from '../harness';
import { runPoll, type PollResult } from '../harness/runPoll';
import { API_KEY, call, startApi, type Started } from '../servers/sample-asset-api/helpers';

let s: Started;
beforeEach(async () => {
	s = await startApi({ sites: 3, now: () => Date.UTC(2026, 0, 10, 12, 0, 0) });
});
afterEach(() => s.stop());

const snapshot = { changeDetection: 'snapshot', pagination: 'pageNumber', pageSize: 10, maxPages: 100 };

function poll(typeVersion: number, staticData?: IDataObject): Promise<PollResult> {
	const fixture = loadWorkflowFixture('asset-poll.json');
	const nodes = fixture.nodes.map((node) => (node.type.endsWith('.assetSourcePollTrigger') ? { ...node, typeVersion } : node));
	const credentials = { assetSourceApi: { baseUrl: s.api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY } };
	return runPoll({ ...fixture, nodes }, { parameters: snapshot, staticData, credentials });
}

/** Polls twice around a DELETE of one charger; the second poll's items. */
async function deleteOneAndPoll(typeVersion: number): Promise<{ gone: string; items: IDataObject[] }> {
	const first = await poll(typeVersion);
	expect(first.items.length).toBe(s.api.store.list().length);
	const gone = s.api.store.list()[0].charger_id;
	expect((await call('DELETE', `${s.api.url}/api/chargers/${gone}`)).status).toBe(204);
	const second = await poll(typeVersion, first.staticData);
	return { gone, items: second.items.map((item) => item.json) };
}

describe('Asset Source Polling Trigger: a record gone from the asset system', () => {
	it('is `deleted` in version 2, like the Webhook Trigger', async () => {
		const { gone, items } = await deleteOneAndPoll(2);
		expect(items.map(({ _read, ...rest }) => rest)).toEqual([{ change: 'deleted', assetId: gone }]);
	});

	it('stays `removed` in version 1, so saved workflows keep working', async () => {
		const { gone, items } = await deleteOneAndPoll(1);
		expect(items.map(({ _read, ...rest }) => rest)).toEqual([{ change: 'removed', assetId: gone }]);
	});

	it('means the same to the Mapper in either word', () => {
		const asItem = (change: string) => ({ change, assetId: 'BER-0001-AC1', group: 'BER-0001' });
		const profile = profileWith({ shape: 'rows' });
		expect(mapAssets([asItem('deleted')], profile, { now: NOW })).toEqual(mapAssets([asItem('removed')], profile, { now: NOW }));
	});
});
