/**
 * The per-Location work of a daily compare as the nodes chain it (bench/sections/nodeChain.ts): asset rows →
 * Mapper → Validator (template settings: spec, every enrichment, EVSE ids strict) → Push Sync Locations (its core
 * sequence, CPMS Read = Bulk, one planner call per Location, output items) against a CPMS that holds what the
 * previous run synced, timed against a JSON round-trip of the same rows. And the Push alone on the Validator's
 * output of that unchanged network against a JSON round-trip of the CPMS's copies: an unchanged compare must cost
 * no more than reading the CPMS's answer. The CPMS's copies are prepared untimed (as JSON.parse leaves its
 * answer). Tasks rotate per chunk; a warm-up on another seed runs first.
 */
import { performance } from 'node:perf_hooks';
import type { INodeExecutionData } from 'n8n-workflow';
import type { MappingProfile } from '../../core/mapping';
import type { PushAction } from '../../core/push/syncOutcome';
import { stripMetadata } from '../../core/sync';
import { assetRowsFromNetwork, type AssetRow } from '../fixtures/assetRowsFromNetwork';
import { generateLocations, inChunks, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';
import { AsyncRotatingStopwatch, medianRatio, type AsyncTimedTask, type TaskTotals } from '../stopwatch';
import { benchProfile } from './mapping';
import { countActions, mapperNode, pushNode, validatorNode } from './nodeChain';

const PIPELINE_TARGET = 3;
const UNCHANGED_TARGET = 1;
const WARM_UP_LOCATIONS = 2000;

interface Chunk {
	rows: AssetRow[];
	/** The Validator's output items, as the Push receives them (metadata included). */
	validated: INodeExecutionData[];
	/** What the CPMS holds after syncing the same data, as its Sender answer parses. */
	held: unknown[];
}

interface Tally {
	mapped: number;
	invalid: number;
	actions: Partial<Record<PushAction, number>>;
	unchanged: Partial<Record<PushAction, number>>;
}

function chunkOf(locations: SampleLocation[], profile: MappingProfile): Chunk {
	const rows = assetRowsFromNetwork(locations);
	const { valid } = validatorNode(mapperNode(rows, profile));
	const held = JSON.parse(JSON.stringify(valid.map((item) => stripMetadata(item.json)))) as unknown[];
	return { rows, validated: valid, held };
}

function tasks(tally: Tally, profile: MappingProfile): AsyncTimedTask<Chunk>[] {
	return [
		{
			name: 'map + validate + sync',
			run: async ({ rows, held }) => {
				const mapped = mapperNode(rows, profile);
				const { valid, invalid } = validatorNode(mapped);
				const { run, output } = await pushNode(valid, held);
				tally.mapped += mapped.length;
				tally.invalid += invalid;
				countActions(run, tally.actions);
				return output.length;
			},
		},
		{ name: 'JSON round-trip of the rows', run: ({ rows }) => (JSON.parse(JSON.stringify(rows)) as unknown[]).length },
		{
			name: 'unchanged compare',
			run: async ({ validated, held }) => {
				const { run, output } = await pushNode(validated, held);
				countActions(run, tally.unchanged);
				return output.length;
			},
		},
		{ name: "JSON round-trip of the CPMS's copies", run: ({ held }) => (JSON.parse(JSON.stringify(held)) as unknown[]).length },
	];
}

function emptyTally(): Tally {
	return { mapped: 0, invalid: 0, actions: {}, unchanged: {} };
}

function actionsText(actions: Tally['actions']): string {
	return Object.entries(actions).map(([action, count]) => `${action} ${formatCount(count ?? 0)}`).join(', ') || 'none';
}

function reportRatio(label: string, a: TaskTotals, b: TaskTotals, limit: number): void {
	if (a.failure !== undefined || b.failure !== undefined) {
		line(label, `not measured: ${a.failure ?? b.failure}`);
		return;
	}
	reportTarget({ label, value: a.ms / b.ms, unit: '×', kind: 'max', limit });
	line('', `median per chunk ${formatFixed(medianRatio(a, b))}`);
}

async function runPipeline(context: BenchContext): Promise<void> {
	const { chunkSize, seed } = context.args;
	heading(`pipeline: rows → Mapper → Validator → Push (CPMS Read = Bulk, in memory) as the nodes call them, chunks of ${chunkSize}`);
	const profile = benchProfile();
	const warmUp = new AsyncRotatingStopwatch(tasks(emptyTally(), profile));
	for (const locations of inChunks(generateLocations({ seed: seed + 1_000_003, locations: Math.min(WARM_UP_LOCATIONS, context.args.locations) }), chunkSize)) {
		await warmUp.measure(chunkOf(locations, profile));
	}

	const tally = emptyTally();
	const stopwatch = new AsyncRotatingStopwatch(tasks(tally, profile));
	let preparationMs = 0;
	for (const locations of context.chunks()) {
		const start = performance.now();
		const chunk = chunkOf(locations, profile);
		preparationMs += performance.now() - start;
		await stopwatch.measure(chunk);
	}

	line('preparing rows and the CPMS copies (untimed)', `${formatCount(preparationMs)} ms`);
	for (const totals of stopwatch.totals) {
		line(totals.name, totals.failure === undefined ? `${formatCount(totals.ms).padStart(8)} ms` : `not measured: ${totals.failure}`);
	}
	line('Locations mapped / refused by the Validator', `${formatCount(tally.mapped)} / ${formatCount(tally.invalid)}`);
	line('Push outcomes after map + validate', actionsText(tally.actions));
	line('Push outcomes on the unchanged network', `${actionsText(tally.unchanged)} (target: all unchanged)`);
	reportRatio('ratio map+validate+sync / JSON', stopwatch.get('map + validate + sync'), stopwatch.get('JSON round-trip of the rows'), PIPELINE_TARGET);
	reportRatio('ratio unchanged compare / JSON', stopwatch.get('unchanged compare'), stopwatch.get("JSON round-trip of the CPMS's copies"), UNCHANGED_TARGET);
}

export const pipelineSection: BenchSection = { name: 'pipeline', aliases: ['plan', 'planner'], run: runPipeline };
