/**
 * Mapping throughput: the sample network as flat asset rows (one per connector, 600k for the
 * default 100k Locations) mapped back to OCPI Locations, against a JSON round-trip of the very same
 * rows. Rows are mapped chunk by chunk of Locations so memory stays flat; a chunk holds every row
 * of its Locations, so grouping sees whole Locations.
 */
import { performance } from 'node:perf_hooks';
import { mapAssets, parseMappingProfile, type MappingProfile } from '../../core/mapping';
import { validateOcpiObject } from '../../core/validation/validate';
import { assetRowsFromNetwork, type AssetRow } from '../fixtures/assetRowsFromNetwork';
import { generateLocations, inChunks } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, peakRssMb, reportTarget } from '../report';
import { medianRatio, RotatingStopwatch, type TimedTask } from '../stopwatch';

const RATIO_TARGET = 2;
const WARM_UP_LOCATIONS = 2000;
const NOW = new Date('2025-01-01T00:00:00Z');
const VALIDATED_LOCATIONS = 500;

export function benchProfile(): MappingProfile {
	const parsed = parseMappingProfile({
		format: 1,
		name: 'bench-rows',
		version: '1.0.0',
		shape: 'rows',
		keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no' },
		party: { country_code: 'DE', party_id: 'ABC' },
		fields: { connector: { tariff_ids: { source: 'tariff' } } },
	});
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.profile;
}

interface Tally {
	locations: number;
	unmappable: number;
	checked: number;
	invalid: number;
	firstProblem?: string;
}

function tasks(profile: MappingProfile, tally: Tally): TimedTask<AssetRow[]>[] {
	return [
		{
			name: 'map rows → Locations',
			run: (rows) => {
				const result = mapAssets(rows, profile, { now: NOW });
				tally.locations += result.locations.length;
				tally.unmappable += result.unmappable.length;
				if (result.unmappable.length > 0) tally.firstProblem ??= result.unmappable[0].reasons[0];
				return result.locations.length;
			},
		},
		{ name: 'JSON round-trip', run: (rows) => (JSON.parse(JSON.stringify(rows)) as unknown[]).length },
	];
}

/** Untimed: a sample of mapped Locations must pass the Validator, or the figures measure the wrong thing. */
function checkSample(rows: AssetRow[], profile: MappingProfile, tally: Tally): void {
	for (const { location } of mapAssets(rows, profile, { now: NOW }).locations) {
		if (tally.checked >= VALIDATED_LOCATIONS) return;
		tally.checked++;
		const { _mapping, ...ocpi } = location;
		const result = validateOcpiObject(ocpi, { version: '2.2.1', kind: 'location', profile: 'spec' });
		if (!result.valid) {
			tally.invalid++;
			tally.firstProblem ??= `${String(ocpi.id)} ${result.errors[0].path}: ${result.errors[0].message}`;
		}
	}
}

function runMapping(context: BenchContext): void {
	const profile = benchProfile();
	heading(`mapping: asset rows (one per connector) → OCPI 2.2.1 Locations, chunks of ${context.args.chunkSize} Locations`);
	const warmUpLocations = Math.min(WARM_UP_LOCATIONS, context.args.locations);
	const warmUp = new RotatingStopwatch(tasks(profile, { locations: 0, unmappable: 0, checked: 0, invalid: 0 }));
	for (const chunk of inChunks(generateLocations({ seed: context.args.seed + 1_000_003, locations: warmUpLocations }), context.args.chunkSize)) {
		warmUp.measure(assetRowsFromNetwork(chunk));
	}

	const tally: Tally = { locations: 0, unmappable: 0, checked: 0, invalid: 0 };
	const stopwatch = new RotatingStopwatch(tasks(profile, tally));
	let preparationMs = 0;
	let rowCount = 0;
	const iterator = context.chunks()[Symbol.iterator]();
	for (;;) {
		const start = performance.now();
		const next = iterator.next();
		if (next.done) break;
		const rows = assetRowsFromNetwork(next.value);
		preparationMs += performance.now() - start;
		rowCount += rows.length;
		if (tally.checked < VALIDATED_LOCATIONS) checkSample(rows, profile, tally);
		stopwatch.measure(rows);
	}

	const mapped = stopwatch.get('map rows → Locations');
	const json = stopwatch.get('JSON round-trip');
	line('generation + row building (untimed)', `${formatCount(preparationMs)} ms`);
	for (const totals of [mapped, json]) {
		if (totals.failure !== undefined) {
			line(totals.name, `not measured: ${totals.failure}`);
			continue;
		}
		const seconds = totals.ms / 1000;
		line(totals.name, `${formatCount(totals.ms).padStart(8)} ms  ${formatCount(rowCount / seconds)} rows/s`);
	}
	line('rows in', formatCount(rowCount));
	line('Locations out / unmappable rows', `${formatCount(tally.locations)} / ${formatCount(tally.unmappable)}`);
	line('sample checked by the Validator', `${formatCount(tally.checked - tally.invalid)}/${formatCount(tally.checked)} valid`);
	if (tally.firstProblem) line('', `first problem: ${tally.firstProblem}`);
	if (mapped.failure === undefined && json.failure === undefined) {
		reportTarget({ label: 'ratio map / JSON', value: mapped.ms / json.ms, unit: '×', kind: 'max', limit: RATIO_TARGET });
		line('', `median per chunk ${formatFixed(medianRatio(mapped, json))}`);
	}
	line('peak RSS so far', `${formatFixed(peakRssMb(), 0)} MB`);
}

export const mappingSection: BenchSection = { name: 'mapping', aliases: ['map', 'mapper'], run: runMapping };
