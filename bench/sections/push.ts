/**
 * Push throughput against a plain PUT loop, measured the way the node runs: the reference CPMS in its own process
 * (`npm run cpms` with a SQLite data file), requests through the node's transport on n8n's own HTTP helper, the
 * same concurrency on both sides. A warm-up round first, then five rounds in alternating order; each run writes
 * into a party of its own (an empty namespace in the same CPMS), and the medians are compared. Then the same data
 * again: an unchanged network must cost zero writes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { IExecuteFunctions } from 'n8n-workflow';
import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import { createOcpiClient, type OcpiClient, type OcpiTransport } from '../../core/client';
import { authorizationHeader } from '../../core/client/authHeader';
import { planLocationSync } from '../../core/sync';
import { n8nTransport } from '../../nodes/OcpiPush/n8nTransport';
import { generateLocations, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';
import { median } from '../stopwatch';
import { startCpmsProcess, type CpmsProcess } from './cpmsProcess';

const MAX_LOCATIONS = 1000;
const WARM_UP_LOCATIONS = 100;
const ROUNDS = 5;
// the Push node's default Concurrency
const CONCURRENCY = 4;
const TOKEN = 'bench-cpms-token';
const RATIO_TARGET = 0.9;
const NOW = new Date('2025-06-01T00:00:00Z');
const TIMEOUT_MS = 30_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The node's transport, on n8n-core's httpRequest: what `this.helpers.httpRequest` runs in an execution. */
const transport: OcpiTransport = n8nTransport({ helpers: { httpRequest } } as unknown as IExecuteFunctions);

/** Runs `work` over items with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await work(items[next++]);
	});
	await Promise.all(lanes);
}

function clientFor(cpms: CpmsProcess, party: string): OcpiClient {
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

interface RunCount {
	ms: number;
	writes: number;
	failed: number;
}

/** What the node does per Location in the per-object read mode: GET what the CPMS holds, plan once, execute. */
async function push(cpms: CpmsProcess, locations: SampleLocation[], party: string): Promise<RunCount> {
	const client = clientFor(cpms, party);
	const start = performance.now();
	const count = { writes: 0, failed: 0 };
	await pool(locations, CONCURRENCY, async (location) => {
		const known = await client.getLocation({ country_code: 'DE', party_id: party, location_id: location.id });
		const result = await client.executePlan(planLocationSync(location, known, { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: NOW }));
		count.writes += result.results.filter((request) => !request.skipped).length;
		if (!result.ok) count.failed++;
	});
	return { ms: performance.now() - start, ...count };
}

/** The floor: one PUT per Location through the same transport, nothing read, nothing planned. */
async function plainPutLoop(cpms: CpmsProcess, locations: SampleLocation[], party: string): Promise<RunCount> {
	const base = (await clientFor(cpms, party).discover()).locationsUrl.replace(/\/$/, '');
	const headers = { Authorization: authorizationHeader(TOKEN, 'base64'), 'Content-Type': 'application/json' };
	const start = performance.now();
	let failed = 0;
	await pool(locations, CONCURRENCY, async (location) => {
		const url = `${base}/DE/${party}/${encodeURIComponent(location.id)}`;
		const response = await transport({ method: 'PUT', url, headers, body: JSON.stringify(location), timeoutMs: TIMEOUT_MS });
		if (response.status !== 200) failed++;
	});
	return { ms: performance.now() - start, writes: locations.length - failed, failed };
}

function describe(runs: RunCount[]): string {
	const failed = runs.reduce((sum, run) => sum + run.failed, 0);
	return `median ${formatFixed(median(runs.map((run) => run.ms)), 0)} ms of ${runs.map((run) => formatFixed(run.ms, 0)).join(', ')}  ${failed} failed`;
}

async function runPush(context: BenchContext): Promise<void> {
	const count = Math.min(context.counts.locations, MAX_LOCATIONS);
	const locations = [...generateLocations({ seed: context.args.seed, locations: count })];
	heading(`push: ${formatCount(count)} OCPI 2.2.1 Locations, reference CPMS in its own process, n8n's HTTP helper, concurrency ${CONCURRENCY}`);
	const dir = mkdtempSync(join(tmpdir(), 'bench-cpms-'));
	const cpms = await startCpmsProcess({ dataFile: join(dir, 'cpms.sqlite'), token: TOKEN });
	try {
		const warmUp = locations.slice(0, WARM_UP_LOCATIONS);
		await plainPutLoop(cpms, asParty(warmUp, 'W0A'), 'W0A');
		await push(cpms, asParty(warmUp, 'W0B'), 'W0B');

		const loops: RunCount[] = [];
		const pushes: RunCount[] = [];
		for (let round = 0; round < ROUNDS; round++) {
			const loopParty = `L${round}A`;
			const pushParty = `P${round}B`;
			const loop = () => plainPutLoop(cpms, asParty(locations, loopParty), loopParty).then((run) => loops.push(run));
			const sync = () => push(cpms, asParty(locations, pushParty), pushParty).then((run) => pushes.push(run));
			// alternating order: whatever the first run of a round pays (a cold cache, a busy core) falls on both alike
			if (round % 2 === 0) await loop().then(sync);
			else await sync().then(loop);
		}
		line('plain PUT loop', describe(loops));
		line('push (GET, plan, PUT)', `${describe(pushes)}  ${pushes[0].writes} writes per run`);
		const ratio = median(loops.map((run) => run.ms)) / median(pushes.map((run) => run.ms));
		reportTarget({ label: 'throughput push / plain PUT', value: ratio, unit: '×', kind: 'atLeast', limit: RATIO_TARGET });
		line('', `the per-object read costs a GET per Location (2 requests where the loop sends 1): the bulk read and the ledger bring a new Location to 1`);

		const again = await push(cpms, asParty(locations, `P${ROUNDS - 1}B`), `P${ROUNDS - 1}B`);
		line('unchanged run (the last push again)', `${formatFixed(again.ms, 0)} ms  ${again.writes} writes (target 0)  ${again.writes === 0 ? 'PASS' : 'MISS'}`);
	} finally {
		await cpms.stop();
		rmSync(dir, { recursive: true, force: true });
	}
}

export const pushSection: BenchSection = { name: 'push', aliases: ['cpms'], run: runPush };
