/**
 * Validation throughput against a JSON round-trip of the very same chunks: the round-trip is the
 * floor any per-object walk over this data has to beat, so the ratio says how heavy the validator
 * is independently of how fast the machine happens to be right now.
 */
import { performance } from 'node:perf_hooks';
import { enrichOcpiObject, type EnrichmentOptions } from '../../core/enrichment/enrich';
import type { OcpiIssue } from '../../core/foundation/issue';
import { validateOcpiObject, type ValidationOptions } from '../../core/validation/validate';
import { generateLocations, inChunks, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';
import { medianRatio, RotatingStopwatch, type TaskTotals, type TimedTask } from '../stopwatch';

const SPEC: ValidationOptions = { version: '2.2.1', kind: 'location', profile: 'spec' };
const STRICT: ValidationOptions = { ...SPEC, profile: 'strict' };
/** What the Validator node does with every enrichment switched on; a fixed clock keeps runs comparable. */
export const ENRICHMENT: EnrichmentOptions = {
	defaults: true,
	coordinates: true,
	countryCodes: true,
	timeZone: true,
	evseId: 'off',
	now: new Date('2025-01-01T00:00:00Z'),
};
const RATIO_TARGET = 3;
const WARM_UP_LOCATIONS = 2000;

/** Counts valid objects and keeps the first issue seen, so a generator or validator bug shows up in the report. */
class Outcome {
	firstIssue?: { id: string; issue: OcpiIssue };

	record(location: SampleLocation, result: { valid: boolean; errors: OcpiIssue[] }): number {
		if (result.valid) return 1;
		this.firstIssue ??= { id: location.id, issue: result.errors[0] };
		return 0;
	}
}

function validationTasks(outcomes: Record<string, Outcome>): TimedTask<SampleLocation[]>[] {
	const validateWith = (name: string, options: ValidationOptions): TimedTask<SampleLocation[]> => ({
		name,
		run: (chunk) => {
			let valid = 0;
			for (const location of chunk) valid += outcomes[name].record(location, validateOcpiObject(location, options));
			return valid;
		},
	});
	return [
		validateWith('validate spec', SPEC),
		validateWith('validate strict', STRICT),
		{
			name: 'enrich + validate spec',
			run: (chunk) => {
				let valid = 0;
				for (const location of chunk) {
					const { object } = enrichOcpiObject(location, 'location', '2.2.1', ENRICHMENT);
					valid += outcomes['enrich + validate spec'].record(location, validateOcpiObject(object, SPEC));
				}
				return valid;
			},
		},
		{ name: 'JSON round-trip', run: (chunk) => (JSON.parse(JSON.stringify(chunk)) as unknown[]).length },
	];
}

function reportTask(totals: TaskTotals, context: BenchContext, outcome: Outcome | undefined): void {
	if (totals.failure !== undefined) {
		line(totals.name, `not measured: ${totals.failure}`);
		return;
	}
	const { locations, connectors } = context.counts;
	const seconds = totals.ms / 1000;
	const rates = `${formatCount(locations / seconds)} locations/s  ${formatCount(connectors / seconds)} connectors/s`;
	const validity = outcome ? `  ${formatCount(totals.result)}/${formatCount(locations)} valid` : '';
	line(totals.name, `${formatCount(totals.ms).padStart(8)} ms  ${rates}${validity}`);
	if (outcome?.firstIssue) {
		const { id, issue } = outcome.firstIssue;
		line('', `first issue: ${id} ${issue.path} ${issue.code}: ${issue.message}`);
	}
}

function reportRatio(label: string, a: TaskTotals, b: TaskTotals, withTarget: boolean): void {
	if (a.failure !== undefined || b.failure !== undefined) {
		line(label, 'n/a');
		return;
	}
	const ratio = a.ms / b.ms;
	const perChunk = `median per chunk ${formatFixed(medianRatio(a, b))}`;
	if (withTarget) {
		reportTarget({ label, value: ratio, unit: '×', kind: 'max', limit: RATIO_TARGET });
		line('', perChunk);
	} else {
		line(label, `${formatFixed(ratio)} ×  (${perChunk}; for information)`);
	}
}

function freshOutcomes(): Record<string, Outcome> {
	return { 'validate spec': new Outcome(), 'validate strict': new Outcome(), 'enrich + validate spec': new Outcome() };
}

/** A different seed than the measured run, so the warm-up cannot leave anything the run reuses. */
function warmUpChunks(context: BenchContext): Iterable<SampleLocation[]> {
	const locations = Math.min(WARM_UP_LOCATIONS, context.args.locations);
	return inChunks(generateLocations({ seed: context.args.seed + 1_000_003, locations }), context.args.chunkSize);
}

function runValidation(context: BenchContext): void {
	const outcomes = freshOutcomes();
	const tasks = validationTasks(outcomes);
	heading(`validation: OCPI 2.2.1 Locations, chunks of ${context.args.chunkSize}, task order rotated per chunk`);

	// Untimed warm-up on a different seed, so the JIT has compiled every path before the clock runs.
	const warmUp = new RotatingStopwatch(validationTasks(freshOutcomes()));
	for (const chunk of warmUpChunks(context)) warmUp.measure(chunk);

	const stopwatch = new RotatingStopwatch(tasks);
	let generationMs = 0;
	const iterator = context.chunks()[Symbol.iterator]();
	for (;;) {
		const start = performance.now();
		const next = iterator.next();
		generationMs += performance.now() - start;
		if (next.done) break;
		stopwatch.measure(next.value);
	}

	line('generation (not in any figure)', `${formatCount(generationMs)} ms`);
	for (const totals of stopwatch.totals) reportTask(totals, context, outcomes[totals.name]);
	const json = stopwatch.get('JSON round-trip');
	reportRatio('ratio validate spec / JSON', stopwatch.get('validate spec'), json, true);
	reportRatio('ratio validate strict / JSON', stopwatch.get('validate strict'), json, true);
	reportRatio('ratio enrich+validate / JSON', stopwatch.get('enrich + validate spec'), json, false);
}

export const validationSection: BenchSection = { name: 'validation', aliases: ['validate'], run: runValidation };
