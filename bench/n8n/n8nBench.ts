/**
 * `npm run bench -- --n8n`: the full-sync template (workflows/full-scheduled-sync.json) in a real n8n 1.123
 * with the package installed as users install it (test/e2e/support), against the sample asset API and the
 * reference CPMS in this process. Per network size: the first sync into an empty CPMS, an unchanged compare
 * and a compare with 1 % of the sites changed, each with wall time, peak RSS of the n8n server, execution data
 * stored in n8n's database, the CPMS's request counts and the rows written to the sync ledger (Data table).
 * Each CPMS Read mode is the shipped template patched as an operator would switch it (see MODES). Printed, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
	createN8nInstance,
	ensureBuilt,
	FULL_SYNC_ID,
	nodeOf,
	provisionSyncTemplates,
	queryN8nDatabase,
	runInServer,
	saveWorkflowChange,
	type N8nInstance,
	type SyncLedger,
	type Template,
} from '../../test/e2e/support';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { startSampleAssetApi, type SampleAssetApi } from '../../servers/sample-asset-api';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';
import { startPeakMeter } from './processMemory';
import { gcTraceOption, logLiveHeap } from './gcTrace';
import { serverLogWriter, type ServerLog } from './serverLog';

const SECRETS = { apiKey: 'bench-asset-key', cpmsToken: 'bench-cpms-token', webhookSecret: 'bench-webhook-secret' };
const PEAK_RSS_TARGET_MB = 1500;
const FULL_COMPARE = 'Run a full compare now';

export interface N8nBenchOptions {
	sites: number[];
	sitesPerBatch: number;
	/** The Push's Max Requests per Second: 10 as shipped; higher to measure n8n's own cost rather than the limit. */
	requestsPerSecond: number;
	/** The template's CPMS Read modes (MODES), each from an empty CPMS and an empty ledger. */
	modes: string[];
	/**
	 * The n8n server's V8 old-space limit in MB, as an operator sets NODE_OPTIONS: without it V8 lets the heap grow
	 * far above what is live before a full collection, so the peak RSS shows the collector's leeway, not the data.
	 */
	heapMb?: number;
	/**
	 * The CPMS credential's URL: 'details' = the CPMS's version details URL (…/ocpi/2.2.1, discovery is 1 request
	 * per execution that talks to the CPMS), 'versions' = its versions URL (2 requests: versions, then details).
	 */
	cpmsUrl: 'details' | 'versions';
	/** Only the first sync and (readOnce) the stored-ledger compare, e.g. to measure the latter alone at 60,000. */
	onlyFirstAndStoredLedger: boolean;
	/** More flags for the server's NODE_OPTIONS (e.g. `--trace-gc`), after the heap limit. */
	nodeOptions: string;
	/** V8's GC trace in the server's output, and its live heap after a full collection before and after each phase (gcTrace.ts). */
	traceGc: boolean;
	/** With traceGc: a heap snapshot of the server into this folder at each of those points. */
	heapSnapshots?: string;
	/** Where to write the server's output with phase markers (serverLog.ts); none when undefined. */
	serverLogFile?: string;
	/** Longest a single run may take before the bench gives up on it. */
	runTimeoutMs: number;
}

interface Phase {
	name: string;
	/** Seconds spent in each node over all the phase's executions, largest first. */
	nodeSeconds: Array<[string, number]>;
	status: string;
	wallSeconds: number;
	peakRssMb: number;
	executions: number;
	executionDataMb: number;
	requests: Record<string, number>;
	/** Rows the sync ledger got: inserted in bulk, and upserted one by one. */
	ledgerWrites: { inserted: number; updated: number };
}

/** Sizes of the execution data n8n stored for the full sync's executions after `afterId` (the parent and every batch). */
async function executionData(n8n: N8nInstance, afterId: number): Promise<{ executions: number; bytes: number }> {
	const [row] = await queryN8nDatabase<{ executions: number; bytes: number | null }>(
		n8n,
		'SELECT COUNT(*) AS executions, SUM(LENGTH(d.data)) AS bytes FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = ? AND e.id > ?',
		[FULL_SYNC_ID, afterId],
	);
	return { executions: Number(row?.executions ?? 0), bytes: Number(row?.bytes ?? 0) };
}

interface NodeRun {
	executionTime?: number;
	data?: { main?: Array<unknown[] | null> };
}

/** n8n stores run data with flatted; its own copy reads it. */
function parseRunData(n8n: N8nInstance, text: string): { resultData?: { runData?: Record<string, NodeRun[]> } } {
	const flatted = createRequire(join(n8n.n8nDir, 'package.json'))('flatted') as { parse(text: string): unknown };
	return flatted.parse(text) as ReturnType<typeof parseRunData>;
}

/** The template's node that routes ledger rows: output 0 goes to the bulk insert, output 1 to the upsert. */
const LEDGER_ROUTER = 'New in the ledger?';

/**
 * Where the time went (each node's execution time summed over the executions after `afterId`) and the
 * ledger rows written, counted from the items the ledger router sent to each Data table node.
 */
async function storedRuns(n8n: N8nInstance, afterId: number): Promise<{ nodeSeconds: Array<[string, number]>; ledgerWrites: Phase['ledgerWrites'] }> {
	const rows = await queryN8nDatabase<{ data: string }>(n8n, 'SELECT d.data AS data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = ? AND e.id > ?', [FULL_SYNC_ID, afterId]);
	const seconds = new Map<string, number>();
	const ledgerWrites = { inserted: 0, updated: 0 };
	for (const row of rows) {
		for (const [node, runs] of Object.entries(parseRunData(n8n, row.data).resultData?.runData ?? {})) {
			seconds.set(node, (seconds.get(node) ?? 0) + runs.reduce((sum, run) => sum + (run.executionTime ?? 0), 0) / 1000);
			if (node !== LEDGER_ROUTER) continue;
			for (const run of runs) {
				ledgerWrites.inserted += run.data?.main?.[0]?.length ?? 0;
				ledgerWrites.updated += run.data?.main?.[1]?.length ?? 0;
			}
		}
	}
	return { nodeSeconds: [...seconds.entries()].sort((a, b) => b[1] - a[1]), ledgerWrites };
}

async function lastExecutionId(n8n: N8nInstance): Promise<number> {
	const [row] = await queryN8nDatabase<{ id: number | null }>(n8n, 'SELECT MAX(id) AS id FROM execution_entity', []);
	return Number(row?.id ?? 0);
}

/** The CPMS's requests since the last call, by kind: single-Location GETs apart from Sender pages and discovery. */
function takeRequests(cpms: ReferenceCpms): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const entry of cpms.requestLog.list()) {
		let kind = entry.method;
		if (entry.method === 'GET') kind = entry.path.includes('/sender/') ? 'Sender page GET' : /\/locations\/[^/]+\/[^/]+\/[^/]+/.test(entry.path) ? 'Location GET' : 'discovery GET';
		counts[kind] = (counts[kind] ?? 0) + 1;
	}
	cpms.requestLog.clear();
	return counts;
}

async function runPhase(name: string, n8n: N8nInstance, ledger: SyncLedger, cpms: ReferenceCpms, timeoutMs: number, serverLog: ServerLog, traceGc: boolean): Promise<Phase> {
	const pid = n8n.serverPid();
	if (pid === undefined) throw new Error('the n8n server is not running');
	if (traceGc) await logLiveHeap(pid, () => n8n.serverLog());
	const firstId = await lastExecutionId(n8n);
	takeRequests(cpms);
	const meter = startPeakMeter(pid);
	serverLog.mark(`${name}: start`);
	const started = process.hrtime.bigint();
	const run = await runInServer(n8n, ledger.owner, FULL_SYNC_ID, FULL_COMPARE, timeoutMs);
	const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
	const peakRssMb = meter.stop();
	serverLog.mark(`${name}: end, ${run.status}, peak RSS ${Math.round(peakRssMb)} MB`);
	if (traceGc && n8n.serverPid() !== undefined) {
		await logLiveHeap(pid, () => n8n.serverLog());
		serverLog.mark(`${name}: after the live heap`);
	}
	const requests = takeRequests(cpms);
	const stored = await executionData(n8n, firstId);
	const { nodeSeconds, ledgerWrites } = await storedRuns(n8n, firstId);
	return { name, nodeSeconds, status: run.status, wallSeconds, peakRssMb, executions: stored.executions, executionDataMb: stored.bytes / 1e6, requests, ledgerWrites };
}

/** Changes one charger's site name on every hundredth site (at least one): 1 % of the Locations differ. */
function changeOnePercent(api: SampleAssetApi, round: number): number {
	const sites = api.store.sites();
	const step = 100;
	let changed = 0;
	for (let index = 0; index < sites.length; index += step) {
		const [charger] = api.store.chargersOfSite(sites[index].site_id);
		api.store.update(charger.charger_id, { site_name: `${charger.site_name.replace(/ \(renamed \d+\)$/, '')} (renamed ${round})` });
		changed++;
	}
	return changed;
}

function printPhase(phase: Phase): void {
	const requests = Object.entries(phase.requests).map(([method, count]) => `${formatCount(count)} ${method}`).join(', ') || 'none';
	line(phase.name, `${phase.status}, ${formatFixed(phase.wallSeconds, 1)} s, peak RSS ${formatCount(phase.peakRssMb)} MB, ${phase.executions} executions, ${formatFixed(phase.executionDataMb, 1)} MB execution data`);
	line('', `CPMS requests: ${requests}`);
	line('', `sync ledger rows written: ${formatCount(phase.ledgerWrites.inserted)} inserted (bulk), ${formatCount(phase.ledgerWrites.updated)} upserted`);
	line('', `time by node: ${phase.nodeSeconds.slice(0, 6).map(([node, seconds]) => `${node} ${formatFixed(seconds, 1)} s`).join(', ')}`);
	reportTarget({ label: `${phase.name}: n8n peak RSS`, value: phase.peakRssMb, unit: 'MB', kind: 'below', limit: PEAK_RSS_TARGET_MB });
}

/**
 * The template's CPMS Read modes and the switch an operator makes in the editor for each:
 * readOnce (as shipped): 'Read CPMS Locations' reads the Sender interface once, the batches run the Push's
 * Sync Ledger mode on those rows; ledger: 'Read CPMS Locations' deactivated, the batches run on the stored
 * sync ledger; perObject: also the Push's CPMS Read set to One GET per Location.
 */
const MODES: Record<string, (template: Template) => void> = {
	readOnce: () => undefined,
	ledger: (template) => {
		nodeOf(template, 'Read CPMS Locations').disabled = true;
	},
	perObject: (template) => {
		nodeOf(template, 'Read CPMS Locations').disabled = true;
		nodeOf(template, 'CPMS OCPI Push').parameters.cpmsRead = 'perObject';
	},
};

async function benchSize(sites: number, mode: string, options: N8nBenchOptions): Promise<void> {
	const dir = mkdtempSync(join(tmpdir(), 'ocpi-bench-n8n-'));
	const generated = Date.now();
	// No data files: the asset API and the CPMS keep the network in memory (their files are not what is measured).
	const api = await startSampleAssetApi({ port: 0, apiKey: SECRETS.apiKey, sites, quiet: true });
	// A log long enough for a phase's requests: each phase counts them by kind, then clears it.
	const cpms = await startReferenceCpms({ port: 0, extraTokens: [SECRETS.cpmsToken], tokenEncoding: 'base64', quiet: true, requestLogLimit: 1_000_000 });
	const chargers = api.store.list().length;
	heading(`n8n full sync, CPMS Read ${mode}: ${formatCount(sites)} sites (Locations), ${formatCount(chargers)} chargers, ${options.sitesPerBatch} sites per batch`);
	line('network generated in', `${formatFixed((Date.now() - generated) / 1000, 1)} s`);
	const nodeOptions = [options.heapMb === undefined ? '' : `--max-old-space-size=${options.heapMb}`, options.traceGc ? gcTraceOption(dir) : '', options.nodeOptions].filter(Boolean).join(' ');
	const n8n = await createN8nInstance({
		env: () => ({ ...(nodeOptions ? { NODE_OPTIONS: nodeOptions } : {}), ...(options.heapSnapshots ? { OCPI_BENCH_HEAP_SNAPSHOTS: options.heapSnapshots } : {}) }),
	});
	const serverLog = serverLogWriter(n8n, options.serverLogFile);
	const cpmsUrl = options.cpmsUrl === 'details' ? `${cpms.url}/ocpi/2.2.1` : cpms.versionsUrl;
	try {
		const { ledger } = await provisionSyncTemplates(n8n, { api, cpms }, SECRETS, dir, {
			sitesPerBatch: options.sitesPerBatch,
			cpmsUrl,
			adjust: (template) => {
				MODES[mode](template);
				(nodeOf(template, 'CPMS OCPI Push').parameters.options as Record<string, unknown>).maxRequestsPerSecond = options.requestsPerSecond;
			},
		});
		await n8n.start();
		line('Push Max Requests per Second', String(options.requestsPerSecond));
		line('n8n server heap limit', options.heapMb === undefined ? "Node's default" : `--max-old-space-size=${options.heapMb}`);
		if (nodeOptions) line('n8n server NODE_OPTIONS', nodeOptions);
		line('CPMS credential URL', options.cpmsUrl === 'details' ? 'version details URL (…/ocpi/2.2.1): 1 discovery request' : 'versions URL (…/ocpi/versions): 2 discovery requests');
		printPhase(await runPhase('first sync', n8n, ledger, cpms, options.runTimeoutMs, serverLog, options.traceGc));
		if (!options.onlyFirstAndStoredLedger) {
			printPhase(await runPhase('unchanged compare', n8n, ledger, cpms, options.runTimeoutMs, serverLog, options.traceGc));
			const changed = changeOnePercent(api, 1);
			line('changed before the next compare', `${formatCount(changed)} sites (1 %)`);
			printPhase(await runPhase('1 % changed', n8n, ledger, cpms, options.runTimeoutMs, serverLog, options.traceGc));
		}
		if (mode === 'readOnce') {
			// The ledger the read-once runs kept, used alone: 'Read CPMS Locations' deactivated in the saved workflow
			// (it runs in the plan's sub-execution, which loads the saved one), as an operator switches it.
			await saveWorkflowChange(n8n, ledger.owner, FULL_SYNC_ID, MODES.ledger);
			printPhase(await runPhase('unchanged compare, stored ledger', n8n, ledger, cpms, options.runTimeoutMs, serverLog, options.traceGc));
		}
	} catch (error) {
		serverLog.mark('the bench stopped on an error');
		console.error(`n8n's last words:\n${n8n.serverLog().slice(-4000)}`);
		throw error;
	} finally {
		await n8n.dispose();
		await api.close();
		await cpms.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export async function runN8nBench(options: N8nBenchOptions): Promise<void> {
	const unknown = options.modes.filter((mode) => !(mode in MODES));
	if (unknown.length > 0) throw new Error(`unknown CPMS Read mode(s) ${unknown.join(', ')}; the bench runs ${Object.keys(MODES).join(', ')}`);
	ensureBuilt();
	for (const sites of options.sites) for (const mode of options.modes) await benchSize(sites, mode, options);
}
