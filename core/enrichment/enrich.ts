/**
 * CONTRACT (implemented by the enrichment work): fills gaps and normalises an OCPI object before it
 * is checked, and lists every change it made. Never mutates its input, never throws on bad input
 * (it leaves what it cannot understand for the validator to report).
 */
import { isRecord } from '../foundation/json';
import type { OcpiObjectKind, OcpiVersion } from '../ocpi/version';
import { normaliseCoordinates } from './coordinates';
import { normaliseCountryCodes } from './countryCodes';
import { fillDefaults } from './defaults';
import { normaliseEvseIds } from './evseId';
import { CopyOnWrite } from './copyOnWrite';
import { copyData, isPlainData } from './plainCopy';
import { mergeReferenceData } from './referenceData';
import type { EnrichmentStep, StepContext } from './step';
import { fillTimeZone } from './timeZone';

export type EvseIdNormalisation = 'off' | 'strict' | 'lenient';

export interface ReferenceData {
	/** Field of the object whose value selects the row, e.g. `id` (a Location id). */
	keyField: string;
	/** Rows by key; each row's fields are merged into the object (object's own values win unless `overwrite`). */
	rows: Record<string, Record<string, unknown>>;
	overwrite?: boolean;
}

export interface EnrichmentOptions {
	/** publish=true, charging_when_closed=true, last_updated = now (UTC `Z`) where missing. */
	defaults?: boolean;
	/** country given as a name or alpha-2 → ISO 3166-1 alpha-3. */
	countryCodes?: boolean;
	/** time_zone from coordinates (IANA name) where missing. */
	timeZone?: boolean;
	/** Coordinates given as numbers or with comma decimals → spec strings. */
	coordinates?: boolean;
	evseId?: EvseIdNormalisation;
	referenceData?: ReferenceData;
	/** The clock, for defaults; tests pass a fixed one. */
	now?: Date;
}

export interface EnrichmentChange {
	/** JSON path as in OcpiIssue.path. */
	path: string;
	from: unknown;
	to: unknown;
	/** Why, in words, e.g. "country name 'Germany' converted to ISO 3166-1 alpha-3". */
	reason: string;
}

export interface EnrichmentResult {
	object: unknown;
	changes: EnrichmentChange[];
}

/**
 * The steps in the order they must run: reference data may bring a country name or coordinates,
 * the time zone needs readable coordinates, and defaults come last so they only fill true gaps.
 */
interface Step {
	enabled: (options: EnrichmentOptions) => boolean;
	run: EnrichmentStep;
	/** May add or replace EVSEs or Connectors: the tree the later steps walk is built again. */
	reshapes?: true;
}

const STEPS: readonly Step[] = [
	{ enabled: (options) => options.referenceData !== undefined && options.referenceData !== null, run: mergeReferenceData, reshapes: true },
	{ enabled: (options) => options.countryCodes === true, run: normaliseCountryCodes },
	{ enabled: (options) => options.coordinates === true, run: normaliseCoordinates },
	{ enabled: (options) => options.timeZone === true, run: fillTimeZone },
	{ enabled: (options) => options.evseId === 'strict' || options.evseId === 'lenient', run: normaliseEvseIds },
	{ enabled: (options) => options.defaults === true, run: fillDefaults },
];

function copyOf(value: unknown): { ok: true; value: unknown } | { ok: false } {
	try {
		return { ok: true, value: copyData(value) };
	} catch {
		return { ok: false };
	}
}

/**
 * What the steps write into: plain JSON data is copied only where written (copyOnWrite.ts); with reference data,
 * or input no plain walk takes, a full copy first, as before. Undefined when no copy can take the input.
 */
function workingObject(input: unknown, kind: OcpiObjectKind, steps: readonly Step[]): CopyOnWrite | undefined {
	if (!steps.some((step) => step.reshapes) && isPlainData(input)) return new CopyOnWrite(input, kind, false);
	const copy = copyOf(input);
	return copy.ok ? new CopyOnWrite(copy.value, kind, true) : undefined;
}

export function enrichOcpiObject(
	input: unknown,
	kind: OcpiObjectKind,
	version: OcpiVersion,
	options: EnrichmentOptions,
): EnrichmentResult {
	const safeOptions: EnrichmentOptions = isRecord(options) ? options : {};
	const enabled = STEPS.filter((step) => step.enabled(safeOptions));
	// Values no copy can take (functions, symbols) are not OCPI data: hand them back untouched.
	let working = enabled.length > 0 ? workingObject(input, kind, enabled) : undefined;
	if (!working) return { object: input, changes: [] };
	const context: StepContext = {
		kind,
		version,
		options: safeOptions,
		// the steps edit fields, not the tree: one tree serves them all, unless a step reshapes it
		nodes: () => working!.nodes(),
		writable: (node) => working!.writable(node),
		writablePoint: (node, field, index) => working!.writablePoint(node, field, index),
	};
	const changes: EnrichmentChange[] = [];
	const skipped = new Set<Step>();
	for (const [index, step] of enabled.entries()) {
		try {
			changes.push(...step.run(working.root, context));
			if (step.reshapes) working.forgetTree();
		} catch {
			// An unforeseen input shape: skip this step (the validator reports what is wrong). It may have
			// edited half-way, so start again from the input and replay the steps that went well.
			skipped.add(step);
			working = workingObject(input, kind, enabled);
			if (!working) return { object: input, changes: [] };
			changes.length = 0;
			for (const earlier of enabled.slice(0, index)) {
				if (!skipped.has(earlier)) changes.push(...earlier.run(working.root, context));
				if (earlier.reshapes) working.forgetTree();
			}
		}
	}
	return { object: working.root, changes };
}
