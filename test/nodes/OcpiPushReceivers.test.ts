/**
 * CPMS OCPI Push through n8n-core's real WorkflowExecute against receivers that differ within the
 * spec (the reference CPMS plain and with quirks), against a CPMS that is not there (closed port),
 * and the EVSE operations' check that the EVSE exists. The CPMS's request log shows what was sent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { twoEvseLocation, validLocation, type LocationJson } from '../fixtures/ocpiLocations';
import { loadWorkflowFixture, runWorkflowFixture, type RunResult } from '../harness';

type Json = Record<string, any>;

const TOKEN = 'push-receivers-token-51c2';

let dir: string;

function credentials(cpms: { versionsUrl: string }) {
	return { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', toCountryCode: '', toPartyId: '' } };
}

function start(quirks: boolean, port = 0): Promise<ReferenceCpms> {
	return startReferenceCpms({ port, dataFile: path.join(dir, 'cpms.json'), extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true, quirks });
}

function writes(cpms: ReferenceCpms): Array<[string, string]> {
	return cpms.requestLog
		.list()
		.filter((entry) => entry.method === 'PUT' || entry.method === 'PATCH')
		.map((entry) => [entry.method, entry.path]);
}

async function sync(cpms: ReferenceCpms, locations: Json[], options: Json = {}, onError?: string): Promise<RunResult> {
	cpms.requestLog.clear();
	const workflow = loadWorkflowFixture('push-sync.json');
	Object.assign(workflow.nodes[0].parameters.options as Json, options);
	if (onError) workflow.nodes[0].onError = onError as never;
	return await runWorkflowFixture(workflow, { inputItems: locations, credentials: credentials(cpms) });
}

function actions(run: RunResult): string[] {
	expect(run.error).toBeUndefined();
	return run.outputs[0]!.filter((item) => !item.json.summary).map((item) => `${item.json.locationId} ${item.json.action}`);
}

function evseCounts(cpms: ReferenceCpms, ids: string[]): number[] {
	return ids.map((id) => cpms.store.location('2.2.1', 'DE*ACM', id)!.evses.length);
}

beforeEach(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-push-receivers-'));
});

afterEach(() => {
	fs.rmSync(dir, { recursive: true, force: true });
});

describe.each([
	['plain', false],
	['quirky', true],
])('CPMS OCPI Push against the %s reference CPMS', (_name, quirks) => {
	let cpms: ReferenceCpms;
	beforeEach(async () => {
		cpms = await start(quirks);
	});
	afterEach(async () => {
		await cpms.close();
	});

	it('creates all, then 0 writes, one PATCH for one connector, one PATCH REMOVED, and no EVSE growth over 5 runs', async () => {
		const ids = ['LOC-R1', 'LOC-R2', 'LOC-R3'];
		const network: LocationJson[] = [twoEvseLocation('LOC-R1'), validLocation('LOC-R2'), twoEvseLocation('LOC-R3')];
		network[0].opening_times = { twentyfourseven: true, exceptional_closings: [{ period_begin: '2026-12-24T18:00:00Z', period_end: '2026-12-26T06:00:00Z' }] };

		expect(actions(await sync(cpms, network))).toEqual(['LOC-R1 created', 'LOC-R2 created', 'LOC-R3 created']);
		expect(writes(cpms).map(([method]) => method)).toEqual(['PUT', 'PUT', 'PUT']);

		expect(actions(await sync(cpms, network))).toEqual(['LOC-R1 unchanged', 'LOC-R2 unchanged', 'LOC-R3 unchanged']);
		expect(writes(cpms)).toEqual([]);
		// the reads did happen: one GET per Location after discovery
		expect(cpms.requestLog.list().filter((e) => e.method === 'GET' && /\/DE\/ACM\/LOC-R\d$/.test(e.path))).toHaveLength(3);

		const changed = structuredClone(network);
		changed[1].evses[0].connectors[0].max_electric_power = 11000;
		expect(actions(await sync(cpms, changed))).toEqual(['LOC-R1 unchanged', 'LOC-R2 updated', 'LOC-R3 unchanged']);
		expect(writes(cpms)).toEqual([['PATCH', expect.stringMatching(/\/DE\/ACM\/LOC-R2\/LOC-R2-EVSE-1\/1$/)]]);

		// a complete read of the site: only then may a missing EVSE be marked REMOVED
		changed[2].evses = changed[2].evses.slice(0, 1);
		changed[2]._completeness = { complete: true, reasons: [], sources: 1, refused: [] };
		expect(actions(await sync(cpms, changed))).toEqual(['LOC-R1 unchanged', 'LOC-R2 unchanged', 'LOC-R3 updated']);
		expect(writes(cpms)).toEqual([['PATCH', expect.stringMatching(/\/DE\/ACM\/LOC-R3\/LOC-R3-EVSE-2$/i)]]);

		for (let run = 1; run <= 5; run++) {
			expect(actions(await sync(cpms, changed))).toEqual(['LOC-R1 unchanged', 'LOC-R2 unchanged', 'LOC-R3 unchanged']);
			expect(writes(cpms)).toEqual([]);
			expect(evseCounts(cpms, ids)).toEqual([2, 1, 2]);
		}
		const r3 = cpms.store.location('2.2.1', 'DE*ACM', 'LOC-R3')!;
		expect(r3.evses.map((e: Json) => e.status)).toEqual(['AVAILABLE', 'REMOVED']);
		expect(cpms.store.location('2.2.1', 'DE*ACM', 'LOC-R2')!.evses[0].connectors[0].max_electric_power).toBe(11000);
	});

	it('Remove EVSE with a mistyped uid fails with "EVSE … does not exist at the CPMS" and writes nothing', async () => {
		await sync(cpms, [twoEvseLocation('LOC-E')]);
		const before = JSON.stringify(cpms.store.data);
		cpms.requestLog.clear();
		const run = await runWorkflowFixture('push-remove-evse.json', { inputItems: [{ locationId: 'LOC-E', evseUid: 'LOC-E-EVSE-22' }], credentials: credentials(cpms) });
		expect(run.outputs).toEqual([]);
		expect(run.error?.message).toBe('Location LOC-E: EVSE "LOC-E-EVSE-22" does not exist at the CPMS (Location DE/ACM/LOC-E); nothing was written');
		expect(writes(cpms)).toEqual([]);
		expect(cpms.requestLog.list().map((e) => `${e.method} ${e.path}`)).toContainEqual(expect.stringMatching(/^GET .*\/DE\/ACM\/LOC-E\/LOC-E-EVSE-22$/));
		expect(JSON.stringify(cpms.store.data)).toBe(before);

		// the right uid, in another case, is found and removed; a second removal writes nothing
		const removed = await runWorkflowFixture('push-remove-evse.json', { inputItems: [{ locationId: 'LOC-E', evseUid: 'loc-e-evse-2' }], credentials: credentials(cpms) });
		expect(removed.outputs[0]![0].json).toMatchObject({ action: 'removed', changes: [{ path: 'evses[loc-e-evse-2].status', from: 'AVAILABLE', to: 'REMOVED' }] });
		expect(writes(cpms)).toEqual([['PATCH', expect.stringMatching(/\/LOC-E\/loc-e-evse-2$/)]]);
		cpms.requestLog.clear();
		const again = await runWorkflowFixture('push-remove-evse.json', { inputItems: [{ locationId: 'LOC-E', evseUid: 'LOC-E-EVSE-2' }], credentials: credentials(cpms) });
		expect(again.outputs[0]![0].json).toMatchObject({ action: 'unchanged', requests: [] });
		expect(writes(cpms)).toEqual([]);
	});
});

describe('CPMS OCPI Push against a CPMS that is not there (closed port)', () => {
	const LOCATIONS = Array.from({ length: 12 }, (_, i) => validLocation(`LOC-X${i + 1}`));

	it('fails every Location fast, each naming its Location and URL, with a circuit breaker; the next run converges', async () => {
		const first = await start(false);
		const port = first.port;
		const versionsUrl = first.versionsUrl;
		await first.close();

		const down = await runWorkflowFixture(
			(() => {
				const workflow = loadWorkflowFixture('push-sync.json');
				Object.assign(workflow.nodes[0].parameters.options as Json, { maxAttempts: 4, maxConnectionFailures: 5 });
				workflow.nodes[0].onError = 'continueErrorOutput';
				return workflow;
			})(),
			{ inputItems: LOCATIONS, credentials: credentials({ versionsUrl }) },
		);
		expect(down.error).toBeUndefined();
		const [success, errors] = down.outputs as INodeExecutionData[][];
		expect(success.filter((item) => !item.json.summary)).toEqual([]);
		expect(errors.map((item) => [item.error?.context?.locationId, item.pairedItem])).toEqual(LOCATIONS.map((l, item) => [l.id, { item }]));
		const url = `http://127.0.0.1:${port}/ocpi/versions`;
		errors.forEach((item, i) => expect(item.json.error).toMatch(new RegExp(`^Location LOC-X${i + 1}: GET ${url.replace(/\./g, '\\.')}: (no answer from the CPMS|CPMS unreachable)`)));
		// discovery runs once per run (up to 4 attempts, fewer once the breaker opens): its failure is every Location's
		expect(new Set(errors.map((item) => String(item.json.error).replace(/^Location LOC-X\d+: /, ''))).size).toBe(1);

		const back = await start(false, port);
		try {
			const run = await sync(back, LOCATIONS);
			expect(actions(run)).toEqual(LOCATIONS.map((l) => `${l.id} created`));
			expect(back.store.allLocations('2.2.1')).toHaveLength(12);
		} finally {
			await back.close();
		}
	});

	it('Get Location reports an error, not notFound, when discovery itself fails', async () => {
		const first = await start(false);
		const versionsUrl = first.versionsUrl;
		await first.close();
		const run = await runWorkflowFixture('push-get-location.json', { inputItems: [{ locationId: 'LOC-1' }], credentials: credentials({ versionsUrl }) });
		expect(run.outputs).toEqual([]);
		expect(run.error?.message).toMatch(new RegExp(`^Location LOC-1: GET ${versionsUrl.replace(/\./g, '\\.')}: no answer from the CPMS`));
	});
});
