/**
 * Issue 17's rules through real n8n-core: Mapper → Validator → Push against the reference CPMS, one site
 * (BER-0001 with three chargers) as a source node would emit it, each record carrying its `_read` mark.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { asRead, SITE, threeChargerSite } from '../fixtures/assets/siteRead';
import { loadWorkflowFixture, runWorkflowFixture, type RunResult } from '../harness';
import { runPoll } from '../harness/runPoll';
import { API_KEY, call, startApi } from '../servers/sample-asset-api/helpers';

type Json = Record<string, any>;

const TOKEN = 'data-safety-token-51c2';

let cpms: ReferenceCpms;
let dir: string;

beforeEach(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-safety-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(dir, 'cpms.json'), extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true });
});

afterEach(async () => {
	await cpms.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const site = threeChargerSite;
const read = asRead;

/** A CPMS that replaces last_updated with its own entry time, as some hubs do. */
async function entryTimeCpms(): Promise<void> {
	await cpms.close();
	cpms = await startReferenceCpms({ port: 0, extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true, stampEntryTime: true });
}

async function pipeline(items: Json[], pushOptions: IDataObject = {}, mapperOptions: IDataObject = {}): Promise<RunResult> {
	const workflow = loadWorkflowFixture('pipeline-site-sync.json');
	Object.assign(workflow.nodes[0].parameters.options as IDataObject, mapperOptions);
	Object.assign(workflow.nodes[2].parameters.options as IDataObject, pushOptions);
	const credentials = { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM' } };
	const run = await runWorkflowFixture(workflow, { inputItems: items, credentials });
	expect(run.error).toBeUndefined();
	return run;
}

function output(run: RunResult, node: string, index = 0): INodeExecutionData[] {
	return run.runData[node]?.[0]?.data?.main[index] ?? [];
}

/** Push output: the Location's item and the summary item. */
function pushed(run: RunResult): { location: Json; summary: Json } {
	const items = output(run, 'CPMS OCPI Push').map((item) => item.json as Json);
	expect(items).toHaveLength(2);
	return { location: items[0], summary: items[1] };
}

function stored(): Json {
	const [entry] = cpms.store.allLocations('2.2.1');
	return entry.location;
}

const evseStates = () => Object.fromEntries(stored().evses.map((e: Json) => [e.uid, e.status]));
const writes = () => cpms.requestLog.list().filter((entry) => entry.method !== 'GET').map(({ method, path: p }) => `${method} ${p.replace(/^.*\/DE\/ACM\//, '')}`);

describe('Data safety: absence is not evidence', () => {
	it('a charger whose status word is unknown keeps its EVSE as the CPMS has it, the others update, the run names the withheld removal; no REMOVED', async () => {
		const created = pushed(await pipeline(read(site())));
		expect(created.location.action).toBe('created');
		expect(evseStates()).toEqual({ [`${SITE}-AC1`]: 'AVAILABLE', [`${SITE}-DC1`]: 'OUTOFORDER', [`${SITE}-AC2`]: 'AVAILABLE' });
		const before = structuredClone(stored().evses[2]);
		cpms.requestLog.clear();

		const changed = site();
		Object.assign(changed[0], { state: 'in service', updated_at: '2025-03-05T08:00:00Z' });
		Object.assign(changed[1], { state: 'in service', updated_at: '2025-03-05T08:00:00Z' });
		Object.assign(changed[2], { state: 'In repair', updated_at: '2025-03-05T08:00:00Z' });
		const run = await pipeline(read(changed));

		// the Mapper refuses the charger and says so on its Unmappable output and on the Location
		const unmappable = output(run, 'OCPI Mapper', 1);
		expect(unmappable.map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
		expect(String(unmappable[0].json.summary)).toMatch(/In repair/);
		const valid = output(run, 'OCPI Validator')[0].json as Json;
		expect(valid._completeness).toMatchObject({
			complete: false,
			sources: 2,
			refused: [{ item: 2, assetId: `${SITE}-AC2`, reason: expect.stringMatching(/^charger BER-0001-AC2 could not be mapped: .*In repair/) }],
		});

		const { location, summary } = pushed(run);
		expect(location.action).toBe('partial');
		expect(location.withheld).toEqual([{ path: `evses[${SITE}-AC2]`, reason: expect.stringMatching(/missing from this Location, but the Location was built from incomplete input: charger BER-0001-AC2 could not be mapped: .*In repair.*left as the CPMS has it/) }]);
		expect(location.changes).toEqual([{ path: `evses[${SITE}-DC1].status`, from: 'OUTOFORDER', to: 'AVAILABLE' }]);
		expect(summary).toMatchObject({ counts: { partial: 1 }, withheldRemovals: 1, staleSkips: 0 });
		// the work happened: one PATCH for the repaired charger, nothing else
		expect(writes()).toEqual([`PATCH ${SITE}/${SITE}-DC1`]);
		expect(evseStates()).toEqual({ [`${SITE}-AC1`]: 'AVAILABLE', [`${SITE}-DC1`]: 'AVAILABLE', [`${SITE}-AC2`]: 'AVAILABLE' });
		expect(stored().evses[2]).toEqual(before);
		expect(JSON.stringify(stored())).not.toContain('REMOVED');
	});

	it('a site read incompletely (a capped or incremental read) withholds the removal and says why', async () => {
		await pipeline(read(site()));
		cpms.requestLog.clear();
		const run = await pipeline(read(site().slice(0, 2), { complete: false, reason: 'stopped at the page cap (3 pages); more pages exist' }));
		const { location, summary } = pushed(run);
		expect(location.action).toBe('partial');
		expect(location.withheld).toEqual([{ path: `evses[${SITE}-AC2]`, reason: expect.stringMatching(/came from a read that was not complete: stopped at the page cap/) }]);
		expect(summary).toMatchObject({ withheldRemovals: 1 });
		expect(writes()).toEqual([]);
		expect(JSON.stringify(stored())).not.toContain('REMOVED');
	});

	it('items without a completeness mark withhold removals; the Mapper option Input Is a Complete Read states it (a full export)', async () => {
		const unmarked = (records: Json[]) => records;
		await pipeline(unmarked(site()));
		cpms.requestLog.clear();
		const withheld = pushed(await pipeline(unmarked(site().slice(0, 2))));
		expect(withheld.location.withheld).toEqual([{ path: `evses[${SITE}-AC2]`, reason: expect.stringMatching(/chargers BER-0001-AC1, BER-0001-DC1 carry no mark of a complete read/) }]);
		expect(writes()).toEqual([]);

		const removed = pushed(await pipeline(unmarked(site().slice(0, 2)), {}, { inputIsComplete: true }));
		expect(removed.location).toMatchObject({ action: 'updated', withheld: [], stale: [] });
		expect(writes()).toEqual([`PATCH ${SITE}/${SITE}-AC2`]);
		expect(evseStates()[`${SITE}-AC2`]).toBe('REMOVED');
	});

	it('a complete read of the site that no longer holds a charger marks its EVSE REMOVED', async () => {
		await pipeline(read(site()));
		cpms.requestLog.clear();
		const { location, summary } = pushed(await pipeline(read(site().slice(0, 2))));
		expect(location).toMatchObject({ action: 'updated', withheld: [], changes: [{ path: `evses[${SITE}-AC2].status`, from: 'AVAILABLE', to: 'REMOVED' }] });
		expect(summary).toMatchObject({ withheldRemovals: 0 });
		expect(evseStates()[`${SITE}-AC2`]).toBe('REMOVED');
	});

	it('a complete read older than the EVSE the CPMS holds (written by a run that read later) withholds its removal', async () => {
		await pipeline(read(site()));
		cpms.requestLog.clear();
		const early = pushed(await pipeline(read(site().slice(0, 2), { complete: true, readAt: '2025-03-01T00:00:00Z' })));
		expect(early.location.withheld).toEqual([{ path: `evses[${SITE}-AC2]`, reason: expect.stringMatching(/the CPMS changed it at 2025-03-02T08:00:00Z, not clearly before the read at 2025-03-01T00:00:00Z/) }]);
		expect(writes()).toEqual([]);
	});
});

describe('Data safety: never overwrite newer with older', () => {
	it('an older state processed after a newer one leaves the newer state and is reported stale; Overwrite lets the asset system win', async () => {
		await pipeline(read(site()));
		const newer = site();
		Object.assign(newer[0], { state: 'faulty', updated_at: '2025-03-05T08:00:00Z' });
		await pipeline(read(newer));
		expect(evseStates()[`${SITE}-AC1`]).toBe('OUTOFORDER');
		cpms.requestLog.clear();

		const older = site();
		Object.assign(older[0], { state: 'in service', updated_at: '2025-03-04T08:00:00Z' });
		const { location, summary } = pushed(await pipeline(read(older)));
		expect(location.action).toBe('stale');
		expect(location.stale).toEqual([
			{ path: `evses[${SITE}-AC1]`, pushed: '2025-03-04T08:00:00Z', cpms: '2025-03-05T08:00:00Z', reason: expect.stringMatching(/the CPMS holds a newer state/) },
		]);
		expect(summary).toMatchObject({ counts: { stale: 1 }, staleSkips: 1 });
		expect(writes()).toEqual([]);
		expect(evseStates()[`${SITE}-AC1`]).toBe('OUTOFORDER');

		const repaired = pushed(await pipeline(read(older), { olderThanCpms: 'assetWins' }));
		expect(repaired.location).toMatchObject({ action: 'updated', stale: [] });
		expect(evseStates()[`${SITE}-AC1`]).toBe('AVAILABLE');
	});
});

describe('Data safety: a CPMS that stamps its own entry time', () => {
	it('with CPMS Last Updated "Replaced" a real change made before the previous write landed is written, not skipped as stale', async () => {
		await entryTimeCpms();
		await pipeline(read(site()));
		const entered = stored().evses[0].last_updated as string;
		// the CPMS's stamp is its clock now, far after the asset system's change times
		expect(Date.parse(entered)).toBeGreaterThan(Date.parse('2026-01-01T00:00:00Z'));
		const changed = site();
		Object.assign(changed[0], { state: 'faulty', updated_at: '2025-03-05T08:00:00Z' });

		const kept = pushed(await pipeline(read(changed)));
		// read as "kept", the entry time looks newer than the change: why the receiver's behaviour is a setting
		expect(kept.location.action).toBe('stale');
		expect(evseStates()[`${SITE}-AC1`]).toBe('AVAILABLE');

		const replaced = pushed(await pipeline(read(changed), { cpmsLastUpdated: 'replaced' }));
		expect(replaced.location).toMatchObject({ action: 'updated', stale: [] });
		expect(evseStates()[`${SITE}-AC1`]).toBe('OUTOFORDER');
	});

	it('removals compare the CPMS entry time with the read: an EVSE entered after the read is withheld, one entered before it is removed', async () => {
		await entryTimeCpms();
		await pipeline(read(site()));
		const entered = Date.parse(stored().evses[2].last_updated as string);
		const before = new Date(entered - 60_000).toISOString();
		const early = pushed(await pipeline(read(site().slice(0, 2), { complete: true, readAt: before }), { cpmsLastUpdated: 'replaced' }));
		expect(early.location.withheld).toEqual([{ path: `evses[${SITE}-AC2]`, reason: expect.stringMatching(/a later run may have written it/) }]);
		expect(evseStates()[`${SITE}-AC2`]).toBe('AVAILABLE');

		const after = new Date(entered + 60_000).toISOString();
		const late = pushed(await pipeline(read(site().slice(0, 2), { complete: true, readAt: after }), { cpmsLastUpdated: 'replaced' }));
		expect(late.location).toMatchObject({ action: 'updated', withheld: [] });
		expect(evseStates()[`${SITE}-AC2`]).toBe('REMOVED');
	});
});

describe("Data safety: the polling trigger's whole-site reads", () => {
	it('a charger deleted from the asset system: the whole site after a complete pull removes its EVSE; a capped pull marks what it emits incomplete', async () => {
		const api = await startApi({ sites: 4 });
		try {
			const assetSourceApi = { baseUrl: api.api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: API_KEY };
			const grouped = { changeDetection: 'snapshot', pagination: 'pageNumber', pageSize: 5, emitWholeGroup: true, groupByField: 'site_id' };
			const poll = (staticData?: IDataObject, extra: IDataObject = {}) => runPoll('asset-poll.json', { parameters: { ...grouped, ...extra }, staticData, credentials: { assetSourceApi } });
			const records = (result: Awaited<ReturnType<typeof poll>>) => result.items.map((item) => item.json as Json);

			const first = await poll();
			const created = output(await pipeline(records(first)), 'CPMS OCPI Push').map((item) => item.json as Json);
			expect(created.pop()).toMatchObject({ summary: true, counts: { created: 4 } });
			const bySite = new Map<string, string[]>();
			for (const c of api.api.store.list()) bySite.set(c.site_id, [...(bySite.get(c.site_id) ?? []), c.charger_id]);
			const [site, members] = [...bySite].find(([, list]) => list.length >= 2)!;
			const last = [...bySite.keys()].pop()!;
			const deleted = members[members.length - 1];
			expect((await call('DELETE', `${api.api.url}/api/chargers/${deleted}`)).status).toBe(204);
			// another site changes too, so a capped pull has something to emit
			const [other] = bySite.get(last)!;
			expect((await call('PATCH', `${api.api.url}/api/chargers/${other}`, { state: 'faulty' })).status).toBe(200);

			// a capped pull never reports the removal, and what it emits is marked incomplete
			const capped = await poll(first.staticData, { maxPages: 1 });
			expect(records(capped).every((json) => json._read.complete === false)).toBe(true);

			const complete = await poll(first.staticData);
			const emitted = records(complete).filter((json) => json.site_id === site);
			expect(emitted.map((json) => json.charger_id).sort()).toEqual(members.slice(0, -1).sort());
			expect(emitted.every((json) => json._read.complete === true)).toBe(true);
			cpms.requestLog.clear();
			const run = await pipeline(records(complete));
			const result = output(run, 'CPMS OCPI Push').map((item) => item.json as Json);
			expect(result.find((json) => json.locationId === site)).toMatchObject({ action: 'updated', withheld: [], changes: [{ path: `evses[${deleted}].status`, to: 'REMOVED' }] });
			const stored = cpms.store.allLocations('2.2.1').find((entry) => entry.location.id === site)!.location;
			expect(stored.evses.find((evse: Json) => evse.uid === deleted).status).toBe('REMOVED');
		} finally {
			await api.stop();
		}
	});
});
