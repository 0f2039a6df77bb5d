/**
 * Push throughput: N Locations synced to the reference CPMS the way the Push node does it (GET what
 * the CPMS holds, plan, PUT), against a plain HTTP PUT loop of the same bodies at the same
 * concurrency, each into its own in-memory CPMS in this process. Then the same data again: an
 * unchanged network must cost zero writes.
 */
import { performance } from 'node:perf_hooks';
import { createOcpiClient, type OcpiClient } from '../../core/client';
import { fetchTransport } from '../../core/client/fetchTransport';
import { planLocationSync } from '../../core/sync';
import { encodeToken, startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { generateLocations, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';

const MAX_LOCATIONS = 1000;
const CONCURRENCY = 8;
const TOKEN = 'bench-cpms-token';
const RATIO_TARGET = 0.9;
const NOW = new Date('2025-06-01T00:00:00Z');

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `work` over items with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
		while (next < items.length) await work(items[next++]);
	});
	await Promise.all(lanes);
}

function clientFor(cpms: ReferenceCpms): OcpiClient {
	return createOcpiClient({
		versionsUrl: cpms.versionsUrl,
		token: TOKEN,
		tokenEncoding: 'base64',
		from: { country_code: 'DE', party_id: 'ABC' },
		transport: fetchTransport,
		sleep,
		concurrency: CONCURRENCY,
		// No throttling here: the bench measures the client, not the hub-friendly default of 10/s.
		maxRequestsPerSecond: 1_000_000,
	});
}

interface SyncCount {
	writes: number;
	failed: number;
}

async function syncAll(client: OcpiClient, locations: SampleLocation[]): Promise<SyncCount> {
	const count: SyncCount = { writes: 0, failed: 0 };
	await pool(locations, CONCURRENCY, async (location) => {
		const ids = { country_code: String(location.country_code), party_id: String(location.party_id), location_id: location.id };
		const known = await client.getLocation(ids);
		const plan = planLocationSync(location, known, { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: NOW });
		const result = await client.executePlan(plan);
		count.writes += result.results.filter((request) => !request.skipped).length;
		if (!result.ok) count.failed++;
	});
	return count;
}

async function plainPutLoop(cpms: ReferenceCpms, locations: SampleLocation[]): Promise<number> {
	const discovered = await clientFor(cpms).discover();
	const base = discovered.locationsUrl.replace(/\/$/, '');
	let failed = 0;
	await pool(locations, CONCURRENCY, async (location) => {
		const url = `${base}/${location.country_code}/${location.party_id}/${encodeURIComponent(location.id)}`;
		const response = await fetch(url, {
			method: 'PUT',
			headers: { Authorization: `Token ${encodeToken(TOKEN)}`, 'Content-Type': 'application/json' },
			body: JSON.stringify(location),
		});
		if (!response.ok) failed++;
		await response.text();
	});
	return failed;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
	const start = performance.now();
	const value = await work();
	return { ms: performance.now() - start, value };
}

async function runPush(context: BenchContext): Promise<void> {
	const count = Math.min(context.counts.locations, MAX_LOCATIONS);
	const locations = [...generateLocations({ seed: context.args.seed, locations: count })];
	heading(`push: ${formatCount(count)} OCPI 2.2.1 Locations to the reference CPMS, concurrency ${CONCURRENCY}`);
	const options = { port: 0, extraTokens: [TOKEN], tokenEncoding: 'base64' as const, requestLogLimit: 100_000 };
	const forPush = await startReferenceCpms(options);
	const forLoop = await startReferenceCpms(options);
	try {
		const loop = await timed(() => plainPutLoop(forLoop, locations));
		const push = await timed(() => syncAll(clientFor(forPush), locations));
		const again = await timed(() => syncAll(clientFor(forPush), locations));
		line('plain PUT loop', `${formatFixed(loop.ms, 0)} ms  ${formatCount((count / loop.ms) * 1000)} locations/s  ${loop.value} failed`);
		line('push (GET, plan, PUT)', `${formatFixed(push.ms, 0)} ms  ${formatCount((count / push.ms) * 1000)} locations/s  ${push.value.writes} writes, ${push.value.failed} failed`);
		reportTarget({ label: 'throughput push / plain PUT', value: loop.ms / push.ms, unit: '×', kind: 'atLeast', limit: RATIO_TARGET });
		line('second, unchanged run', `${formatFixed(again.ms, 0)} ms  ${again.value.writes} writes (target 0)  ${again.value.writes === 0 ? 'PASS' : 'MISS'}`);
	} finally {
		await forPush.close();
		await forLoop.close();
	}
}

export const pushSection: BenchSection = {
	name: 'push',
	aliases: ['cpms'],
	run: runPush,
};
