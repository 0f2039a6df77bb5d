/**
 * CPMS OCPI Push, "Read CPMS Locations" and Sync Locations fed with its rows (CPMS Read "ledger"), through
 * n8n-core's real WorkflowExecute against the real reference CPMS. This is what the batched full-sync
 * template does: read the CPMS once in the parent, then hand every batch its rows. Request counts come from
 * the CPMS's own request log.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms, type ReferenceCpmsOptions } from '../../servers/reference-cpms';
import { validLocation } from '../fixtures/ocpiLocations';
import { loadWorkflowFixture, runWorkflowFixture, type RunResult } from '../harness';
import { locationRequestCounts } from './cpmsRequestCounts';

type Json = Record<string, any>;

const TOKEN = 'push-read-once-token-7d1e';
const PAGE = 4;
const LOCATIONS = Array.from({ length: 10 }, (_, i) => validLocation(`LOC-${String(i + 1).padStart(2, '0')}`));
const LEDGER_COLUMNS = ['location_id', 'fingerprint', 'state', 'reason', 'last_pushed', 'last_verified'];

let cpms: ReferenceCpms;

async function start(options: ReferenceCpmsOptions = {}): Promise<void> {
	cpms = await startReferenceCpms({ port: 0, extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true, senderPageLimit: PAGE, ...options });
}

afterEach(async () => {
	await cpms?.close();
});

function credentials() {
	return { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', toCountryCode: '', toPartyId: '' } };
}

async function runPush(parameters: Json, inputItems: Json[], onError?: string): Promise<RunResult> {
	cpms.requestLog.clear();
	const workflow = loadWorkflowFixture('push-sync.json');
	const node = workflow.nodes[0];
	node.parameters = { ...parameters, options: { maxAttempts: 1, timeoutMs: 5000, ...(parameters.options ?? {}) } };
	if (onError) node.onError = onError as never;
	return await runWorkflowFixture(workflow, { inputItems, credentials: credentials() });
}

/** The parent's step: the read, once. */
async function readCpms(inputItems: Json[] = [{}]): Promise<{ rows: Json[]; report: Json; items: INodeExecutionData[] }> {
	const output = items(await runPush({ operation: 'readCpmsLocations' }, inputItems));
	const report = output[output.length - 1].json;
	expect(report.readReport).toBe(true);
	return { rows: output.slice(0, -1).map((item) => item.json), report, items: output };
}

const counts = () => locationRequestCounts(cpms);

function items(run: RunResult): INodeExecutionData[] {
	expect(run.error).toBeUndefined();
	return run.outputs[0] ?? [];
}

describe('CPMS OCPI Push: Read CPMS Locations', () => {
	it('reads the Sender once for any number of input items: one compact row per Location, then the report, all paired to item 0', async () => {
		await start();
		for (const location of LOCATIONS) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		const { rows, report, items: output } = await readCpms([{ a: 1 }, { a: 2 }, { a: 3 }]);
		// 10 Locations at 4 per page: 3 pages, nothing else (discovery is not in the Locations module)
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 0 });
		expect(rows).toHaveLength(10);
		expect(rows.map((row) => Object.keys(row).sort())).toEqual(rows.map(() => [...LEDGER_COLUMNS].sort()));
		expect(rows[0]).toMatchObject({ location_id: expect.stringMatching(/^DE\*ACM\*LOC-\d\d$/), fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/), state: 'in_sync', reason: '', last_pushed: '' });
		expect(report).toEqual({ readReport: true, complete: true, version: '2.2.1', pages: 3, listed: 10, rows: 10, total: 10, reason: '' });
		expect(output.map((item) => item.pairedItem)).toEqual(output.map(() => ({ item: 0 })));
	});

	it('reports an incomplete read (a failed page) without failing, and a CPMS without a Sender interface', async () => {
		await start();
		for (const location of LOCATIONS) cpms.store.setLocation('2.2.1', 'DE*ACM', location.id, location);
		cpms.setFaults({ matchPath: `/sender/locations?offset=${PAGE}`, error5xxNext: 1 });
		const partial = await readCpms();
		expect(partial.report).toMatchObject({ readReport: true, complete: false, pages: 1, rows: PAGE, reason: expect.stringMatching(/page 2 failed/) });
		await cpms.close();

		await start({ senderInterface: false });
		const none = await readCpms();
		expect(none.rows).toEqual([]);
		expect(none.report).toMatchObject({ complete: false, pages: 0, reason: expect.stringMatching(/no Locations SENDER endpoint/) });
	});

	it('fails with the CPMS\'s answer when discovery fails, unless the node continues on error', async () => {
		await start();
		cpms.setFaults({ down: '503' });
		const failedRun = await runPush({ operation: 'readCpmsLocations' }, [{}]);
		expect(failedRun.error?.message).toMatch(/^Read CPMS Locations: /);
		const continued = items(await runPush({ operation: 'readCpmsLocations' }, [{}], 'continueRegularOutput'));
		expect(continued).toHaveLength(1);
		expect(continued[0].json).toMatchObject({ readReport: true, complete: false, error: expect.any(String) });
	});
});
