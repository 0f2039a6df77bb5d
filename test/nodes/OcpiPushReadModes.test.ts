/**
 * CPMS OCPI Push, CPMS Read "bulk" and "ledger" with the compact outputs, through n8n-core's real
 * WorkflowExecute against the real reference CPMS. Request counts come from the CPMS's own request log.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms, type ReferenceCpmsOptions } from '../../servers/reference-cpms';
import { validLocation, type LocationJson } from '../fixtures/ocpiLocations';
import { loadWorkflowFixture, runWorkflowFixture, type RunResult } from '../harness';
import { locationRequestCounts } from './cpmsRequestCounts';

type Json = Record<string, any>;

const TOKEN = 'push-read-modes-token-41c2';
const LOCATIONS = Array.from({ length: 7 }, (_, i) => validLocation(`LOC-${i + 1}`));
const LEDGER_COLUMNS = ['location_id', 'fingerprint', 'state', 'reason', 'last_pushed', 'last_verified'];

let cpms: ReferenceCpms;

async function start(options: ReferenceCpmsOptions = {}): Promise<void> {
	cpms = await startReferenceCpms({ port: 0, extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true, senderPageLimit: 3, ...options });
}

afterEach(async () => {
	await cpms?.close();
});

function credentials() {
	return { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', toCountryCode: '', toPartyId: '' } };
}

async function push(locations: LocationJson[], cpmsRead: string, options: Json = {}, onError?: string): Promise<RunResult> {
	cpms.requestLog.clear();
	const workflow = loadWorkflowFixture('push-sync.json');
	const node = workflow.nodes[0];
	node.parameters.cpmsRead = cpmsRead;
	node.parameters.options = { maxAttempts: 1, timeoutMs: 5000, ...options };
	if (onError) node.onError = onError as never;
	return await runWorkflowFixture(workflow, { inputItems: locations, credentials: credentials() });
}

const counts = () => locationRequestCounts(cpms);

function items(run: RunResult): INodeExecutionData[] {
	expect(run.error).toBeUndefined();
	return run.outputs[0] ?? [];
}

/** The ledger as a Data table would hand it back: the row columns only. */
function ledgerOf(output: INodeExecutionData[]): Json[] {
	return output.filter((item) => !item.json.summary).map((item) => Object.fromEntries(LEDGER_COLUMNS.map((column) => [column, item.json[column]])));
}

function renamed(location: LocationJson, name: string): LocationJson {
	return { ...location, name };
}

function stored(id: string): Json | undefined {
	return cpms.store.location('2.2.1', 'DE*ACM', id);
}

describe('CPMS OCPI Push: CPMS Read "bulk"', () => {
	it('first sync costs one PUT per Location; an unchanged compare costs the pages only; Problems and Summary says so', async () => {
		await start();
		const first = items(await push(LOCATIONS, 'bulk', { output: 'problemsAndSummary' }));
		expect(counts()).toEqual({ gets: 0, pages: 1, writes: 7 });
		expect(first).toHaveLength(1);
		expect(first[0].json).toMatchObject({
			summary: true,
			locations: 7,
			counts: { created: 7 },
			requestsSent: 7,
			cpmsRead: { mode: 'bulk', locationGets: 0, fromBulkRead: 7, skippedByLedger: 0, bulkPages: 1, bulkComplete: true, bulkTotal: 0 },
		});
		expect(first[0].pairedItem).toHaveLength(7);

		const unchanged = items(await push(LOCATIONS, 'bulk', { output: 'problemsAndSummary' }));
		// 7 Locations at 3 per page: 3 pages and nothing else
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 0 });
		expect(unchanged[0].json).toMatchObject({ counts: { unchanged: 7 }, requestsSent: 0, cpmsRead: { bulkPages: 3, bulkComplete: true, bulkTotal: 7 } });

		const oneChanged = items(await push([...LOCATIONS.slice(0, 6), renamed(LOCATIONS[6], 'Renamed')], 'bulk', { output: 'ledgerRows' }));
		expect(counts()).toEqual({ gets: 0, pages: 3, writes: 1 });
		expect(oneChanged.map((item) => [item.json.location_id, item.json.action, item.json.read, item.pairedItem])).toEqual(
			LOCATIONS.map((l, i) => [`DE*ACM*${l.id}`, i === 6 ? 'updated' : 'unchanged', 'bulk', { item: i }]),
		);
		expect(stored('LOC-7')?.name).toBe('Renamed');
	});

	it('a failed page never means "absent": the Locations it did not cover are read by GET and left as they are', async () => {
		await start();
		await push(LOCATIONS, 'perObject');
		cpms.setFaults({ matchPath: '/sender/locations?offset=3', error5xxNext: 1 });
		const run = items(await push(LOCATIONS, 'bulk', { output: 'problemsAndSummary' }));
		expect(counts()).toEqual({ gets: 4, pages: 2, writes: 0 });
		expect(run[0].json).toMatchObject({ counts: { unchanged: 7 }, cpmsRead: { bulkComplete: false, locationGets: 4, fromBulkRead: 3 } });
		expect((run[0].json.cpmsRead as Json).notice).toMatch(/bulk read was not complete \(page 2 failed/);
	});

	it('falls back to one GET per Location with a visible notice when the CPMS has no Locations Sender', async () => {
		await start({ senderInterface: false });
		const run = items(await push(LOCATIONS.slice(0, 2), 'bulk', { addSummaryItem: true }));
		expect(counts()).toEqual({ gets: 2, pages: 0, writes: 2 });
		expect(run[2].json.cpmsRead).toMatchObject({ mode: 'bulk', locationGets: 2, notice: expect.stringMatching(/no Locations SENDER endpoint/) });
		expect(run[0].json).toMatchObject({ action: 'created', read: 'get' });
	});
});

describe('CPMS OCPI Push: CPMS Read "ledger" with Output "Ledger Rows"', () => {
	it('an unchanged compare sends 0 requests to the Locations module; a change costs its GET and write', async () => {
		await start();
		const first = items(await push(LOCATIONS, 'ledger', { output: 'ledgerRows', ledgerRows: '[]' }));
		expect(counts()).toEqual({ gets: 7, pages: 0, writes: 7 });
		expect(first[0].json).toEqual({
			location_id: 'DE*ACM*LOC-1',
			fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
			state: 'in_sync',
			reason: '',
			last_pushed: expect.any(String),
			last_verified: expect.any(String),
			ledger_write: 'insert',
			action: 'created',
			read: 'get',
			requests: 1,
			changes: 1,
		});
		const ledger = ledgerOf(first);

		const unchanged = items(await push(LOCATIONS, 'ledger', { output: 'ledgerRows', ledgerRows: JSON.stringify(ledger) }));
		expect(counts()).toEqual({ gets: 0, pages: 0, writes: 0 });
		expect(ledgerOf(unchanged)).toEqual(ledger);
		expect(unchanged.map((item) => item.json.read)).toEqual(LOCATIONS.map(() => 'ledger'));

		const changed = [renamed(LOCATIONS[0], 'Renamed'), ...LOCATIONS.slice(1)];
		const oneChanged = items(await push(changed, 'ledger', { output: 'ledgerRows', ledgerRows: JSON.stringify(ledger) }));
		expect(counts()).toEqual({ gets: 1, pages: 0, writes: 1 });
		expect(oneChanged[0].json).toMatchObject({ action: 'updated', state: 'in_sync', read: 'get' });
		expect(oneChanged[0].json.fingerprint).not.toBe(ledger[0].fingerprint);
	});

	it('a failed write ends as state "failed" (never in_sync) and the next run converges', async () => {
		await start();
		const ledger = ledgerOf(items(await push(LOCATIONS, 'ledger', { output: 'ledgerRows', ledgerRows: '[]' })));
		const changed = LOCATIONS.map((l, i) => (i < 2 ? renamed(l, `Renamed ${i}`) : l));
		cpms.setFaults({ matchMethod: 'PATCH', matchPath: '/LOC-2', error5xxNext: 1 });
		const faulty = items(await push(changed, 'ledger', { output: 'ledgerRows', ledgerRows: JSON.stringify(ledger) }, 'continueRegularOutput'));
		expect(faulty.map((item) => [item.json.location_id, item.json.state])).toEqual(LOCATIONS.map((l, i) => [`DE*ACM*${l.id}`, i === 1 ? 'failed' : 'in_sync']));
		expect(faulty[1].json).toMatchObject({ action: 'failed', fingerprint: ledger[1].fingerprint, reason: expect.stringMatching(/HTTP 500/), error: expect.stringMatching(/HTTP 500/) });
		expect(stored('LOC-2')?.name).toBe(LOCATIONS[1].name);

		const next = items(await push(changed, 'ledger', { output: 'ledgerRows', ledgerRows: JSON.stringify(ledgerOf(faulty)) }));
		expect(counts()).toEqual({ gets: 1, pages: 0, writes: 1 });
		expect(next[1].json).toMatchObject({ action: 'updated', state: 'in_sync' });
		expect(stored('LOC-2')?.name).toBe('Renamed 1');
	});

	it('the verify reads the CPMS again and repairs a Location changed behind the ledger\'s back', async () => {
		await start();
		const ledger = ledgerOf(items(await push(LOCATIONS, 'ledger', { output: 'ledgerRows', ledgerRows: '[]' })));
		cpms.store.setLocation('2.2.1', 'DE*ACM', 'LOC-3', { ...stored('LOC-3'), name: 'Edited at the CPMS' });

		const trusted = items(await push(LOCATIONS, 'ledger', { output: 'problemsAndSummary', ledgerRows: JSON.stringify(ledger) }));
		expect(counts()).toEqual({ gets: 0, pages: 0, writes: 0 });
		expect(trusted[0].json.cpmsRead).toMatchObject({ skippedByLedger: 7 });

		// eight days later (rows last verified 8 days ago) the weekly verify is due
		const old = new Date(Date.now() - 8 * 86_400_000).toISOString();
		const aged = ledger.map((row) => ({ ...row, last_verified: old }));
		const verify = items(await push(LOCATIONS, 'ledger', { output: 'problemsAndSummary', ledgerRows: JSON.stringify(aged), verifyEveryDays: 7 }));
		expect(counts()).toEqual({ gets: 7, pages: 0, writes: 1 });
		expect(verify[0].json).toMatchObject({ counts: { unchanged: 6, updated: 1 }, cpmsRead: { locationGets: 7 } });
		expect(stored('LOC-3')?.name).toBe(LOCATIONS[2].name);
	});

	it('refuses Ledger Rows that are not an array, and accepts a fractional Max Requests per Second', async () => {
		await start();
		const bad = await push(LOCATIONS.slice(0, 1), 'ledger', { ledgerRows: '{"location_id":"x"}' });
		expect(bad.error?.message).toMatch(/Ledger Rows must be an array of rows/);
		const slow = items(await push(LOCATIONS.slice(0, 1), 'perObject', { maxRequestsPerSecond: 3.3 }));
		expect(slow[0].json).toMatchObject({ action: 'created' });
	});
});
