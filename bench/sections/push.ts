/**
 * Push throughput against a plain PUT loop, measured the way the node runs: the reference CPMS in its own process
 * (`npm run cpms` with a SQLite data file), the Push's own sync sequence (core/push/runLocationSync, which the
 * node's Sync Locations runs) with the node's transport on n8n-core's httpRequest (what `this.helpers.httpRequest`
 * is in an execution), the node's default concurrency on both sides. CPMS Read = Bulk (one read of the CPMS's
 * Locations Sender, then one PUT per new Location) is the figure against the target; Per Object (GET + PUT per
 * new Location) is printed beside it. A warm-up round first, then five rounds with the order rotating; each run
 * writes into a party of its own (an empty namespace in the same CPMS), and the medians are compared. Requests are
 * counted at the transport. Then the same data again: an unchanged network must cost zero writes.
 * What differs from the node: no n8n execution around it (no items, no parameter reads), no rate limit on either
 * side (the node's default is 10 requests per second).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IExecuteFunctions } from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { createOcpiClient, type OcpiClient, type OcpiTransport } from '../../core/client';
import { authorizationHeader } from '../../core/client/authHeader';
import { runLocationSync, type CpmsReadMode } from '../../core/push/runLocationSync';
import { n8nTransport } from '../../nodes/OcpiPush/n8nTransport';
import { generateLocations, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';
import { median } from '../stopwatch';
import { startCpmsProcess, type CpmsProcess } from './cpmsProcess';
import { TEMPLATE_SYNC } from './nodeChain';

const MAX_LOCATIONS = 1000;
const WARM_UP_LOCATIONS = 100;
const ROUNDS = 5;
// the Push node's default Concurrency
const CONCURRENCY = 4;
const TOKEN = 'bench-cpms-token';
const RATIO_TARGET = 0.9;
const TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The node's transport, on n8n-core's httpRequest: what `this.helpers.httpRequest` runs in an execution. */
const nodeTransport: OcpiTransport = n8nTransport({ helpers: { httpRequest } } as unknown as IExecuteFunctions);

interface RunCount {
	ms: number;
	/** Requests by method, as the transport sent them. */
	requests: Record<string, number>;
	failed: number;
}

/** The node's transport, counting what it sends. */
function countingTransport(requests: Record<string, number>): OcpiTransport {
	return (request) => {
		requests[request.method] = (requests[request.method] ?? 0) + 1;
		return nodeTransport(request);
	};
}

/** Runs `work` over items with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await work(items[next++]);
	});
	await Promise.all(lanes);
}

function clientFor(cpms: CpmsProcess, party: string, transport: OcpiTransport): OcpiClient {
	return createOcpiClient({
		versionsUrl: cpms.versionsUrl,
		token: TOKEN,
		tokenEncoding: 'base64',
		from: { country_code: 'DE', party_id: party },
		transport,
		sleep,
		concurrency: CONCURRENCY,
		// No throttling here: the bench measures the client, not the hub-friendly default of 10/s.
		maxRequestsPerSecond: 1_000_000,
		timeoutMs: TIMEOUT_MS,
	});
}

/** The network under a party of its own, so every run starts from an empty CPMS namespace. */
function asParty(locations: readonly SampleLocation[], party: string): SampleLocation[] {
	return locations.map((location) => ({ ...location, country_code: 'DE', party_id: party }));
}

/** Sync Locations as the node runs it (discovery, the CPMS read of the mode, one plan per Location, writes). */
async function push(cpms: CpmsProcess, locations: SampleLocation[], party: string, cpmsRead: CpmsReadMode): Promise<RunCount> {
	const requests: Record<string, number> = {};
	const client = clientFor(cpms, party, countingTransport(requests));
	const start = performance.now();
	const run = await runLocationSync(client, locations, { ...TEMPLATE_SYNC, party: { country_code: 'DE', party_id: party }, now: new Date(), cpmsRead, concurrency: CONCURRENCY });
	const ms = performance.now() - start;
	if (run.read.notice) throw new Error(`the ${cpmsRead} read did not go as planned: ${run.read.notice}`);
	return { ms, requests, failed: run.outcomes.filter((outcome) => outcome?.action === 'failed').length };
}

/** The floor: one PUT per Location through the same transport, nothing read, nothing planned. */
async function plainPutLoop(cpms: CpmsProcess, locations: SampleLocation[], party: string): Promise<RunCount> {
	const requests: Record<string, number> = {};
	const transport = countingTransport(requests);
	const base = (await clientFor(cpms, party, nodeTransport).discover()).locationsUrl.replace(/\/$/, '');
	const headers = { Authorization: authorizationHeader(TOKEN, 'base64'), 'Content-Type': 'application/json' };
	const start = performance.now();
	let failed = 0;
	await pool(locations, CONCURRENCY, async (location) => {
		const url = `${base}/DE/${party}/${encodeURIComponent(location.id)}`;
		const response = await transport({ method: 'PUT', url, headers, body: JSON.stringify(location), timeoutMs: TIMEOUT_MS });
		if (response.status !== 200) failed++;
	});
	return { ms: performance.now() - start, requests, failed };
}

function requestsText(requests: Record<string, number>): string {
	return Object.entries(requests).map(([method, count]) => `${count} ${method}`).join(' + ') || 'no requests';
}

function describe(runs: RunCount[]): string {
	const failed = runs.reduce((sum, run) => sum + run.failed, 0);
	return `median ${formatFixed(median(runs.map((run) => run.ms)), 0)} ms of ${runs.map((run) => formatFixed(run.ms, 0)).join(', ')}; ${requestsText(runs[0].requests)} per run; ${failed} failed`;
}

const TASKS = ['plain PUT loop', 'push, CPMS Read = Bulk', 'push, CPMS Read = Per Object'] as const;
type Task = (typeof TASKS)[number];

function runTask(cpms: CpmsProcess, task: Task, locations: readonly SampleLocation[], party: string): Promise<RunCount> {
	const own = asParty(locations, party);
	if (task === 'plain PUT loop') return plainPutLoop(cpms, own, party);
	return push(cpms, own, party, task === 'push, CPMS Read = Bulk' ? 'bulk' : 'perObject');
}

async function runPush(context: BenchContext): Promise<void> {
	const count = Math.min(context.counts.locations, MAX_LOCATIONS);
	const locations = [...generateLocations({ seed: context.args.seed, locations: count })];
	heading(`push: ${formatCount(count)} new OCPI 2.2.1 Locations, reference CPMS in its own process, the Push's sync sequence on n8n's HTTP helper, concurrency ${CONCURRENCY}`);
	const dir = mkdtempSync(join(tmpdir(), 'bench-cpms-'));
	const cpms = await startCpmsProcess({ dataFile: join(dir, 'cpms.sqlite'), token: TOKEN });
	try {
		const warmUp = locations.slice(0, WARM_UP_LOCATIONS);
		for (const [index, task] of TASKS.entries()) await runTask(cpms, task, warmUp, `W0${index}`);

		const runs = new Map<Task, RunCount[]>(TASKS.map((task) => [task, []]));
		for (let round = 0; round < ROUNDS; round++) {
			// the order rotates: whatever the first run of a round pays (a cold cache, a busy core) falls on each alike
			for (let step = 0; step < TASKS.length; step++) {
				const index = (round + step) % TASKS.length;
				const task = TASKS[index];
				runs.get(task)!.push(await runTask(cpms, task, locations, `R${round}${index}`));
			}
		}
		for (const task of TASKS) line(task, describe(runs.get(task)!));
		const loopMs = median(runs.get('plain PUT loop')!.map((run) => run.ms));
		const ratio = (task: Task) => loopMs / median(runs.get(task)!.map((run) => run.ms));
		reportTarget({ label: 'throughput push (Bulk) / plain PUT', value: ratio('push, CPMS Read = Bulk'), unit: '×', kind: 'atLeast', limit: RATIO_TARGET });
		line('throughput push (Per Object) / plain PUT', `${formatFixed(ratio('push, CPMS Read = Per Object'))} ×  (a GET before each PUT of a new Location: about 0.5 at best)`);

		const lastBulkParty = `R${ROUNDS - 1}1`;
		const again = await runTask(cpms, 'push, CPMS Read = Bulk', locations, lastBulkParty);
		const writes = (again.requests.PUT ?? 0) + (again.requests.PATCH ?? 0);
		line('unchanged run (the last Bulk push again)', `${formatFixed(again.ms, 0)} ms; ${requestsText(again.requests)}; ${writes} writes (target 0)  ${writes === 0 ? 'PASS' : 'MISS'}`);
	} finally {
		await cpms.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

export const pushSection: BenchSection = { name: 'push', aliases: ['cpms'], run: runPush };
