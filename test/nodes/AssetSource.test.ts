/**
 * Asset Source node through n8n-core's WorkflowExecute (runNode) against the real sample asset API: full and
 * group reads over every page, `_read` marks that say when a read is incomplete, errors that are never an
 * empty success, pairedItem to the input items that asked.
 */
import type { IDataObject, INode } from 'n8n-workflow';
import { AssetSource } from '../../nodes/AssetSource/AssetSource.node';
import { runNode, type RunResult } from '../harness';
import { API_KEY, startApi, type Started } from '../servers/sample-asset-api/helpers';

let s: Started;
afterEach(() => s?.stop());

const credentials = () => ({ assetSourceApi: { baseUrl: s.api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY } });
const paged = { path: '/api/chargers', recordsPath: 'data', pagination: 'pageNumber', pageParam: 'page', sizeParam: 'per_page', pageSize: 10 };

function read(parameters: INode['parameters'], inputItems: IDataObject[] = [{}], nodeSettings: Partial<INode> = {}): Promise<RunResult> {
	return runNode(AssetSource, parameters, { inputItems, credentials: credentials(), nodeSettings: { credentials: { assetSourceApi: { id: '1', name: 'Asset API' } }, ...nodeSettings } });
}

const out = (result: RunResult) => result.outputs[0] ?? [];
const ids = (result: RunResult) => out(result).map((item) => String(item.json.charger_id)).sort();
const marks = (result: RunResult) => out(result).map((item) => item.json._read as IDataObject);
const allIds = () => s.api.store.list().map((r) => r.charger_id).sort();
const siteIds = (site: string) => s.api.store.list().filter((r) => r.site_id === site).map((r) => r.charger_id).sort();

describe('Asset Source: Read All Records', () => {
	it('an API that pages by default (smaller than the network): every record is read, each marked complete', async () => {
		s = await startApi({ sites: 20, defaultPageSize: 10 });
		expect(allIds().length).toBeGreaterThan(25);
		const result = await read({ operation: 'readAll', ...paged });
		expect(result.error).toBeUndefined();
		expect(ids(result)).toEqual(allIds());
		expect(marks(result).every((mark) => mark.complete === true && mark.scope === 'all' && mark.records === allIds().length)).toBe(true);
		expect(marks(result)[0].pages).toBe(Math.ceil(allIds().length / 10));
		expect(out(result).every((item) => JSON.stringify(item.pairedItem) === JSON.stringify([{ item: 0 }]))).toBe(true);
	});

	it('one page failing: the records read are marked incomplete with the page and why; the run still says what it has', async () => {
		s = await startApi({ sites: 20, faults: { failListPage: 2 } });
		const result = await read({ operation: 'readAll', ...paged });
		expect(result.error).toBeUndefined();
		expect(out(result)).toHaveLength(10);
		expect(marks(result)[0]).toMatchObject({ complete: false, scope: 'all' });
		expect(String(marks(result)[0].reason)).toMatch(/^page 2 failed \(http:\/\/127\.0\.0\.1:\d+\/api\/chargers\)/);
	});

	it('Only the Values of Field: ONE item with that field of every record in read order, the records without it counted, the read mark; a failed page still says incomplete', async () => {
		s = await startApi({ sites: 20 });
		const records = await read({ operation: 'readAll', ...paged });
		const result = await read({ operation: 'readAll', ...paged, options: { valuesOf: 'site_id' } }, [{}, {}]);
		expect(result.error).toBeUndefined();
		expect(out(result)).toHaveLength(1);
		const [{ json, pairedItem }] = out(result);
		expect(json.values).toEqual(out(records).map((item) => item.json.site_id));
		expect(json).toMatchObject({ field: 'site_id', missing: 0, _read: { complete: true, scope: 'all', records: allIds().length } });
		expect(pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		// a nested path, and a field most records lack
		const nested = out(await read({ operation: 'readAll', ...paged, options: { valuesOf: 'outlets[0].no' } }))[0].json;
		expect((nested.values as unknown[]).length + Number(nested.missing)).toBe(allIds().length);
		expect(out(await read({ operation: 'readAll', ...paged, options: { valuesOf: 'no_such_field' } }))[0].json).toMatchObject({ values: [], missing: allIds().length });

		s.api.setFaults({ failListPage: 2 });
		const partial = out(await read({ operation: 'readAll', ...paged, options: { valuesOf: 'charger_id' } }))[0].json;
		expect(partial.values).toHaveLength(10);
		expect(partial._read).toMatchObject({ complete: false, reason: expect.stringMatching(/^page 2 failed/) });
	});

	it('the page cap: marked incomplete; the first page failing: an API error, or an error item with Continue On Fail', async () => {
		s = await startApi({ sites: 20 });
		const capped = await read({ operation: 'readAll', ...paged, maxPages: 1 });
		expect(marks(capped)[0]).toMatchObject({ complete: false, reason: 'stopped at the page cap (1 pages); more pages exist' });

		s.api.setFaults({ failListPage: 1 });
		const failed = await read({ operation: 'readAll', ...paged });
		expect(failed.error?.message).toMatch(/^The asset API request for page 1 failed \(http:\/\/127\.0\.0\.1:\d+\/api\/chargers\)$/);
		expect(JSON.stringify(failed.error)).not.toContain(API_KEY);
		const continued = await read({ operation: 'readAll', ...paged }, [{}, {}], { onError: 'continueRegularOutput' });
		expect(out(continued).map((item) => [item.json.error, item.pairedItem])).toEqual([
			[expect.stringMatching(/page 1 failed/), { item: 0 }],
			[expect.stringMatching(/page 1 failed/), { item: 1 }],
		]);
	});
});

describe('Asset Source: group reads', () => {
	it('Read One Group: each distinct group read once, over every page, paired with every item that named it', async () => {
		s = await startApi({ sites: 6 });
		const [a, b] = [...new Set(s.api.store.list().map((r) => r.site_id))];
		const result = await read({ operation: 'readGroup', ...paged, pageSize: 1, groupValue: '={{ $json.site }}' }, [{ site: a }, { site: b }, { site: a }]);
		expect(result.error).toBeUndefined();
		expect(ids(result)).toEqual([...siteIds(a), ...siteIds(b)].sort());
		const ofA = out(result).filter((item) => item.json.site_id === a);
		expect(ofA.every((item) => JSON.stringify(item.pairedItem) === JSON.stringify([{ item: 0 }, { item: 2 }]))).toBe(true);
		expect(ofA.every((item) => (item.json._read as IDataObject).group === a && (item.json._read as IDataObject).complete === true)).toBe(true);
		expect((ofA[0].json._read as IDataObject).pages).toBe(siteIds(a).length + 1);
	});

	it('Read Whole Groups of Records: the group from the item, else from the record; a missing record is an error, never nothing', async () => {
		s = await startApi({ sites: 6 });
		const records = s.api.store.list();
		const [first, other] = [records[0], records.find((r) => r.site_id !== records[0].site_id)!];
		const items = [
			{ assetId: first.charger_id, site_id: first.site_id },
			// a change notice: only the id and what changed
			{ assetId: other.charger_id, state: 'faulty' },
		];
		const result = await read({ operation: 'readGroupsOfRecords', ...paged }, items);
		expect(result.error).toBeUndefined();
		expect(ids(result)).toEqual([...siteIds(first.site_id), ...siteIds(other.site_id)].sort());
		expect(out(result).filter((item) => item.json.site_id === other.site_id).every((item) => JSON.stringify(item.pairedItem) === JSON.stringify([{ item: 1 }]))).toBe(true);

		const missing = await read({ operation: 'readGroupsOfRecords', ...paged }, [{ assetId: 'GONE-1' }]);
		expect(missing.error?.message).toBe('Record GONE-1 was not found and its item names no group');
		const continued = await read({ operation: 'readGroupsOfRecords', ...paged }, [{ assetId: 'GONE-1' }, { assetId: first.charger_id }], { onError: 'continueRegularOutput' });
		expect(out(continued).filter((item) => item.json.error).map((item) => [item.json.about, item.pairedItem])).toEqual([['GONE-1', { item: 0 }]]);
		expect(ids(continued).filter((id) => id !== 'undefined')).toEqual(siteIds(first.site_id));
		const dots = await read({ operation: 'readGroupsOfRecords', ...paged }, [{ assetId: '..' }]);
		expect(dots.error?.message).toBe('The id ".." cannot be put into a URL');
	});

	it('a group read with a failing later page marks that group incomplete', async () => {
		s = await startApi({ sites: 6 });
		const site = s.api.store.list().map((r) => r.site_id).sort((x, y) => siteIds(y).length - siteIds(x).length)[0];
		expect(siteIds(site).length).toBeGreaterThan(1);
		s.api.setFaults({ failListPage: 2 });
		const result = await read({ operation: 'readGroup', ...paged, pageSize: 1, groupValue: site });
		expect(out(result)).toHaveLength(1);
		expect(marks(result)[0]).toMatchObject({ complete: false, scope: 'group', group: site });
	});
});
