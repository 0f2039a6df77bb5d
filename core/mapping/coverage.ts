/**
 * The coverage preview: for every field the Mapper fills, where its value comes from on the first records
 * (a mapped source, an auto-mapped one, the row's default, the field's preset, or nothing), so a user sees
 * what the mapping does before any Location is written.
 */
import type { MappingContext } from './fieldMapping';
import { prepareMapping } from './mapAssets';
import { MAPPED_OBJECTS, type MappedObject, type MappingProfile } from './profile';
import { isBlank } from './transforms';

export type CoverageOrigin = 'mapped' | 'auto-mapped' | 'default' | 'preset' | 'none';

export interface CoverageRow {
	/** 'connector.max_voltage' */
	field: string;
	object: MappedObject;
	/** The source as the profile runs it ('voltsLN | voltsDC', an expression, an auto-mapped name); '' when none. */
	source: string;
	/** Where the value came from on each sampled record, in order. */
	origins: CoverageOrigin[];
	/** The raw value on each sampled record (before the transform); null when none. */
	values: unknown[];
	/** What the Mapper does when the data has no value, where it does something. */
	whenEmpty?: string;
	/** Input item of each sampled record. */
	items: number[];
}

export const COVERAGE_SAMPLE = 3;

export function mappingCoverage(
	items: readonly unknown[],
	profile: MappingProfile,
	evaluate?: MappingContext['evaluate'],
	sample = COVERAGE_SAMPLE,
): CoverageRow[] {
	const { records, mapping } = prepareMapping(items, profile, evaluate);
	const sampled = records.slice(0, sample);
	const rows: CoverageRow[] = [];
	for (const object of MAPPED_OBJECTS) {
		for (const [name, field] of mapping.fields[object]) {
			const origins: CoverageOrigin[] = [];
			const values: unknown[] = [];
			for (const record of sampled) {
				const raw = field.readSource(record);
				const filled = !isBlank(raw);
				const origin: CoverageOrigin = filled ? (field.sourceKind === 'auto-mapped' ? 'auto-mapped' : 'mapped') : field.hasDefault ? 'default' : isBlank(field.defaultValue) ? 'none' : 'preset';
				origins.push(origin);
				values.push(filled ? raw : isBlank(field.defaultValue) ? null : field.defaultValue);
			}
			rows.push({
				field: `${object}.${name}`,
				object,
				source: field.source ?? '',
				origins,
				values,
				...(field.spec.description ? { whenEmpty: field.spec.description } : {}),
				items: sampled.map((record) => record.sourceIndex),
			});
		}
	}
	return rows;
}
