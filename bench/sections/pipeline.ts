/**
 * The per-Location work of a sync as the nodes chain it: asset rows → Mapper (mapAssets) → Validator (enrich +
 * validate, inspectOcpiObject with every switch on) → one planner call per Location against what the CPMS holds
 * after the previous run synced the same data (the daily compare), against a JSON round-trip of the same rows.
 * And the planner alone on that unchanged network against a JSON round-trip of the CPMS's copies: an unchanged
 * compare must cost no more than reading the CPMS's answer. What the CPMS holds is prepared untimed. Tasks rotate
 * per chunk; a warm-up on another seed runs first.
 */
import { performance } from 'node:perf_hooks';
import { mapAssets, type MappingProfile } from '../../core/mapping';
import { planLocationSync, stripMetadata, type SyncPlan } from '../../core/sync';
import { inspectOcpiObject, type InspectionOptions } from '../../core/validation/inspect';
import { assetRowsFromNetwork, type AssetRow } from '../fixtures/assetRowsFromNetwork';
import { generateLocations, inChunks, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';
import { medianRatio, RotatingStopwatch, type TaskTotals, type TimedTask } from '../stopwatch';
import { benchProfile } from './mapping';
import { ENRICHMENT } from './validation';

const PIPELINE_TARGET = 3;
const UNCHANGED_TARGET = 1;
const WARM_UP_LOCATIONS = 2000;
const NOW = new Date('2025-06-01T00:00:00Z');
const INSPECTION: InspectionOptions = { version: '2.2.1', kind: 'location', profile: 'spec', enrichment: ENRICHMENT };
const PLAN = { version: '2.2.1' as const, removedEvsePolicy: 'markRemoved' as const, now: NOW };

interface Chunk {
	rows: AssetRow[];
	/** The Validator's output for the rows, as the Push receives it (metadata included). */
	validated: Array<Record<string, unknown>>;
	/** What the CPMS holds after syncing the same data, as its GET answer parses: by Location id. */
	held: Map<string, unknown>;
}

interface Tally {
	mapped: number;
	invalid: number;
	actions: Record<SyncPlan['action'], number>;
	unchangedPlans: number;
}

function chunkOf(locations: SampleLocation[], profile: MappingProfile): Chunk {
	const rows = assetRowsFromNetwork(locations);
	const validated = mapAssets(rows, profile, { now: NOW }).locations.map(({ location }) => inspectOcpiObject(location, INSPECTION).object as Record<string, unknown>);
	const held = new Map<string, unknown>(validated.map((location) => [String(location.id), JSON.parse(JSON.stringify(stripMetadata(location))) as unknown]));
	return { rows, validated, held };
}

function tasks(tally: Tally, profile: MappingProfile): TimedTask<Chunk>[] {
	return [
		{
			name: 'map + validate + plan',
			run: ({ rows, held }) => {
				let planned = 0;
				for (const { location } of mapAssets(rows, profile, { now: NOW }).locations) {
					tally.mapped++;
					const inspection = inspectOcpiObject(location, INSPECTION);
					if (!inspection.valid) {
						tally.invalid++;
						continue;
					}
					const plan = planLocationSync(inspection.object, held.get(String(location.id)), PLAN);
					tally.actions[plan.action]++;
					planned++;
				}
				return planned;
			},
		},
		{ name: 'JSON round-trip of the rows', run: ({ rows }) => (JSON.parse(JSON.stringify(rows)) as unknown[]).length },
		{
			name: 'unchanged plan',
			run: ({ validated, held }) => {
				let unchanged = 0;
				for (const location of validated) if (planLocationSync(location, held.get(String(location.id)), PLAN).action === 'unchanged') unchanged++;
				tally.unchangedPlans += unchanged;
				return unchanged;
			},
		},
		{ name: "JSON round-trip of the CPMS's copies", run: ({ held }) => (JSON.parse(JSON.stringify([...held.values()])) as unknown[]).length },
	];
}

function emptyTally(): Tally {
	return { mapped: 0, invalid: 0, actions: { create: 0, update: 0, unchanged: 0 }, unchangedPlans: 0 };
}

function reportRatio(label: string, a: TaskTotals, b: TaskTotals, limit: number): void {
	if (a.failure !== undefined || b.failure !== undefined) {
		line(label, `not measured: ${a.failure ?? b.failure}`);
		return;
	}
	reportTarget({ label, value: a.ms / b.ms, unit: '×', kind: 'max', limit });
	line('', `median per chunk ${formatFixed(medianRatio(a, b))}`);
}

function runPipeline(context: BenchContext): void {
	const { chunkSize, seed } = context.args;
	heading(`pipeline: rows → Mapper → Validator (enrich + validate) → planner, once per Location, chunks of ${chunkSize}`);
	const profile = benchProfile();
	const warmUp = new RotatingStopwatch(tasks(emptyTally(), profile));
	for (const locations of inChunks(generateLocations({ seed: seed + 1_000_003, locations: Math.min(WARM_UP_LOCATIONS, context.args.locations) }), chunkSize)) {
		warmUp.measure(chunkOf(locations, profile));
	}

	const tally = emptyTally();
	const stopwatch = new RotatingStopwatch(tasks(tally, profile));
	let preparationMs = 0;
	for (const locations of context.chunks()) {
		const start = performance.now();
		const chunk = chunkOf(locations, profile);
		preparationMs += performance.now() - start;
		stopwatch.measure(chunk);
	}

	line('preparing rows and the CPMS copies (untimed)', `${formatCount(preparationMs)} ms`);
	for (const totals of stopwatch.totals) {
		line(totals.name, totals.failure === undefined ? `${formatCount(totals.ms).padStart(8)} ms` : `not measured: ${totals.failure}`);
	}
	line('Locations mapped / refused by the Validator', `${formatCount(tally.mapped)} / ${formatCount(tally.invalid)}`);
	line('plans (create / update / unchanged)', `${formatCount(tally.actions.create)} / ${formatCount(tally.actions.update)} / ${formatCount(tally.actions.unchanged)}`);
	line('unchanged plans on the unchanged network', `${formatCount(tally.unchangedPlans)}/${formatCount(context.counts.locations)}`);
	reportRatio('ratio map+validate+plan / JSON', stopwatch.get('map + validate + plan'), stopwatch.get('JSON round-trip of the rows'), PIPELINE_TARGET);
	reportRatio('ratio unchanged plan / JSON', stopwatch.get('unchanged plan'), stopwatch.get("JSON round-trip of the CPMS's copies"), UNCHANGED_TARGET);
}

export const pipelineSection: BenchSection = { name: 'pipeline', aliases: ['plan', 'planner'], run: runPipeline };
