/**
 * inspectOcpiObject splits metadata off in one pass instead of two. The oracle is what it did before:
 * `{ ...enriched(withoutMetadata(input)), ...metadataOf(input) }`.
 * Same fields, values and key order; the caller's object is never written.
 */
import { enrichOcpiObject, type EnrichmentOptions } from '../../../core/enrichment/enrich';
import { metadataOf, withoutMetadata } from '../../../core/ocpi/metadata';
import { inspectOcpiObject, type InspectionOptions } from '../../../core/validation/inspect';
import { location221 } from './validObjects';

const EVERY_STEP: EnrichmentOptions = { defaults: true, coordinates: true, countryCodes: true, timeZone: true, evseId: 'strict', now: new Date('2025-01-01T00:00:00Z') };

function before(input: unknown, options: InspectionOptions): unknown {
	const object = enrichOcpiObject(withoutMetadata(input), options.kind, options.version, options.enrichment).object;
	return object !== null && typeof object === 'object' && !Array.isArray(object) ? { ...object, ...metadataOf(input) } : object;
}

/** JSON with own keys in their order, `__proto__` included: what a comparison of key order needs. */
function ordered(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(ordered);
	if (value === null || typeof value !== 'object') return value;
	return Object.keys(value).map((key) => [key, ordered((value as Record<string, unknown>)[key])]);
}

const INPUTS: Array<[string, unknown]> = [
	['a valid Location with the Mapper\'s metadata first and last', { _mapping: { notes: ['n'] }, ...location221(), _completeness: { complete: false, reasons: ['r'] } }],
	['a Location enrichment writes at the top (no last_updated, country name)', { ...location221({ country: 'Germany' }), _mapping: { notes: [] } }],
	['a Location whose coordinates are numbers', { ...location221({ coordinates: { latitude: 52.5, longitude: 13.4 } }), _x: 1 }],
	['a Location without metadata', location221()],
	['an own __proto__ metadata field, as JSON.parse makes it', JSON.parse('{"id":"L1","__proto__":{"polluted":true},"_a":1}')],
	['an invalid Location', { id: 5, _mapping: {} }],
	['no object', 'text'],
	['a list', [1, 2]],
];

describe('inspectOcpiObject keeps the metadata as before', () => {
	for (const enrichment of [EVERY_STEP, {}]) {
		const options: InspectionOptions = { version: '2.2.1', kind: 'location', profile: 'spec', enrichment };
		it.each(INPUTS)(`%s (enrichment ${Object.keys(enrichment).length > 0 ? 'on' : 'off'})`, (_name, input) => {
			const untouched = JSON.stringify(ordered(input));
			const inspection = inspectOcpiObject(input, options);
			expect(ordered(inspection.object)).toEqual(ordered(before(input, options)));
			expect(JSON.stringify(ordered(input))).toBe(untouched);
			if (input !== null && typeof input === 'object' && !Array.isArray(input)) expect(inspection.object).not.toBe(input);
			expect(Object.getPrototypeOf(inspection.object)).toBe(Object.getPrototypeOf(before(input, options)));
		});
	}
});
