/**
 * One field of one object: read the source (a path along the record's levels, or an n8n
 * expression the caller evaluates), fall back to the profile default, then run the transform.
 * Results of repeating raw values ('Typ 2', '22 kW', 'in service') are cached per field, which is
 * what keeps 600k rows fast: the transforms run once per distinct value, not once per row.
 */
import { strictUtcMs } from '../foundation/dateTime';
import { CONNECTOR_FORMATS, type Status } from '../ocpi/v221/enums';
import { TEXT_LIMITS } from '../ocpi/limits';
import type { OcpiVersion } from '../ocpi/version';
import type { FieldSpec } from './fieldCatalogue';
import type { FieldRule, MappedObject } from './profile';
import type { LevelRewriter } from './levelExpressions';
import { expressionGap } from './missingValues';
import type { ConnectorRecord, Scope } from './shapes';
import { levelReader, type LevelReader } from './levelReaders';
import { TRANSFORM_NAMES, type TransformName } from './transformNames';
import {
	coordinatesFromPair,
	derivePowerType,
	fail,
	findAllowedValue,
	isBlank,
	mapConnectorStandard,
	mapStatus,
	ok,
	parseNumber,
	quote,
	toAmperes,
	toCountryAlpha2,
	toCountryAlpha3,
	toOcpiText,
	toUtcDateTime,
	toVolts,
	toWatts,
	cleanText,
	type ConnectorStandardTarget,
	type DecimalSeparator,
	type TransformResult,
	type ValueMap,
} from './transforms';

/** A mapping source that starts with '=' is an n8n expression, not a path. */
export function isExpression(source: string): boolean {
	return source.startsWith('=');
}

export interface MappingContext {
	version: OcpiVersion;
	connectorMap: ValueMap<ConnectorStandardTarget>;
	statusMap: ValueMap<Status>;
	powerUnit: string;
	decimalSeparator?: DecimalSeparator;
	/** Evaluates an n8n expression source for the item it came from. */
	evaluate?: (expression: string, sourceIndex: number) => unknown;
	/** Rewrites $outlet, $chargePoint and $site for the record being mapped. */
	rewrite?: LevelRewriter;
}

/** Where a field's value comes from: a source the profile names, one auto-mapping found, or none. */
export type SourceKind = 'mapped' | 'auto-mapped' | 'none';

export interface CompiledField {
	spec: FieldSpec;
	/** Where the value comes from, for the editor and reasons; undefined when nothing is mapped. */
	source?: string;
	transform: TransformName;
	hasDefault: boolean;
	defaultValue: unknown;
	sourceKind: SourceKind;
	/** The levels the field reads, innermost first. */
	scopes: readonly Scope[];
	/** The source paths in fallback order ('voltsLN | voltsDC' → two); empty for an expression or no source. */
	paths: readonly string[];
	/** Raw value for a record (source, else default, else the field's fallback); undefined when none. */
	read(record: ConnectorRecord): unknown;
	/** The source's own value for a record, without default or fallback (blank → undefined). */
	readSource(record: ConnectorRecord): unknown;
	cache?: Map<unknown, TransformResult<unknown>>;
	/** The cached values are lists, copied for every record. */
	copies: boolean;
	/** Lookups that found / did not find a result, to stop caching a field whose values hardly repeat (names, addresses). */
	cacheHits: number;
	cacheMisses: number;
}

// Not cached: 'none' does no work; timestamps and single coordinates differ on almost every row.
const UNCACHED: ReadonlySet<TransformName> = new Set<TransformName>(['none', 'timestamp', 'latitude', 'longitude']);
/** Lists repeat from row to row ('ATL-AC22'), but every object needs its own array: cached, handed out as copies. */
const COPIED: ReadonlySet<TransformName> = new Set<TransformName>(['list']);
const CACHEABLE: ReadonlySet<TransformName> = new Set(TRANSFORM_NAMES.filter((name) => !UNCACHED.has(name)));
/** Distinct values cached per field; beyond this (ids, free text) caching would only cost memory. */
const CACHE_LIMIT = 4096;
/** After this many misses a field whose values hit less than one time in four stops caching (it only costs). */
const MISSES_BEFORE_GIVING_UP = 256;
/** Cached objects that Locations share (a coordinates pair): caching stays on, so sharing does not depend on the data's order. */
const ALWAYS_CACHED: ReadonlySet<TransformName> = new Set<TransformName>(['coordinates']);

/** Builds the reader of one field from its rule (explicit source) or auto-mapped source. */
export function compileField(
	spec: FieldSpec,
	rule: FieldRule | undefined,
	auto: { path: string; scope: Scope } | undefined,
	scopes: readonly Scope[],
	context: MappingContext,
): CompiledField {
	const transform = rule?.transform ?? spec.transform;
	const hasDefault = rule !== undefined && rule.default !== undefined && rule.default !== '';
	const defaultValue = hasDefault ? rule!.default : spec.fallback;
	const explicit = rule?.source?.trim() ? rule.source.trim() : undefined;
	let readSource: LevelReader | undefined;
	let read: LevelReader = () => defaultValue;
	let paths: string[] = [];
	if (explicit !== undefined && isExpression(explicit)) {
		const rewrite = context.rewrite ?? ((expression: string) => expression);
		const evaluated = (record: ConnectorRecord) => {
			if (!context.evaluate) return undefined;
			const value = context.evaluate(rewrite(explicit, record), record.sourceIndex);
			return isBlank(value) ? undefined : value;
		};
		readSource = evaluated;
		read = (record) => evaluated(record) ?? defaultValue;
	} else if (explicit !== undefined || auto !== undefined) {
		// 'voltsLN | voltsLL | voltsDC': the first that is filled wins, each read along the levels; auto-mapped: one level.
		paths = explicit !== undefined ? sourceAlternatives(explicit) : [auto!.path];
		const levels = explicit !== undefined ? scopes : [auto!.scope];
		readSource = levelReader(paths, levels);
		read = levelReader(paths, levels, defaultValue);
	}
	const source = explicit ?? auto?.path;
	const cache = CACHEABLE.has(transform) ? new Map<unknown, TransformResult<unknown>>() : undefined;
	const sourceKind: SourceKind = explicit !== undefined ? 'mapped' : auto !== undefined ? 'auto-mapped' : 'none';
	return { spec, source, sourceKind, scopes, paths, transform, hasDefault, defaultValue, read, readSource: readSource ?? (() => undefined), cache, copies: COPIED.has(transform), cacheHits: 0, cacheMisses: 0 };
}

/** The paths of a source with fallbacks, in order. */
export function sourceAlternatives(source: string): string[] {
	return source
		.split('|')
		.map((part) => part.trim())
		.filter((part) => part !== '');
}

/** How a field is named in reasons: the OCPI field with the source it was read from. */
export function labelOf(field: CompiledField, object: MappedObject): string {
	// A plug type the user mapped names its source: "plug type ('Steckertyp') 'Typ2 x' …".
	if (object === 'connector' && field.spec.field === 'standard') return field.sourceKind === 'mapped' && !isExpression(field.source!) ? `plug type ('${field.source}')` : 'plug type';
	const name = field.spec.field;
	return field.source && !isExpression(field.source) && field.source !== name ? `${name} ('${field.source}')` : name;
}

/** The text limit of a field in the target version (address is 45 in 2.2.1, 255 in 2.3.0). */
function maxLengthOf(spec: FieldSpec, version: OcpiVersion): number {
	return (spec.limit && TEXT_LIMITS[version][spec.limit]) ?? spec.maxLength ?? 255;
}

/** Already 'YYYY-MM-DDTHH:MM:SSZ', a real instant, within the years toUtcDateTime accepts (read by character codes). */
function isOcpiUtc(text: string): boolean {
	if (text < '1970') return false;
	const ms = strictUtcMs(text);
	return ms !== undefined && !Number.isNaN(ms);
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'ja', 'oui', 'si', '1', 'on', 'public']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'nein', 'non', '0', 'off', 'private']);

function toBoolean(raw: unknown, label: string): TransformResult<boolean> {
	if (typeof raw === 'boolean') return ok(raw);
	const word = String(raw).trim().toLowerCase();
	if (TRUE_WORDS.has(word)) return ok(true);
	if (FALSE_WORDS.has(word)) return ok(false);
	return fail(`${label} ${quote(raw)} is not yes or no: write true or false`);
}

function toEnum(raw: unknown, label: string, allowed: readonly string[]): TransformResult<string> {
	const found = typeof raw === 'string' ? findAllowedValue(allowed, raw) : undefined;
	return found ? ok(found) : fail(`${label} ${quote(raw)} is not an OCPI value: use one of ${allowed.join(', ')}`);
}

function toList(raw: unknown, label: string, spec: FieldSpec, version: OcpiVersion): TransformResult<string[]> {
	const parts = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(/[,;|]/) : [raw];
	const allowed = spec.allowed?.(version);
	const out: string[] = [];
	for (const part of parts) {
		if (isBlank(part)) continue;
		const mapped = allowed ? toEnum(typeof part === 'string' ? part.trim() : part, label, allowed) : cleanText(part, label);
		if (!mapped.ok) return mapped;
		out.push(mapped.value);
	}
	return ok(out);
}

function toFormat(raw: unknown, label: string): TransformResult<string> {
	if (typeof raw === 'boolean') return ok(raw ? 'CABLE' : 'SOCKET');
	const text = String(raw).trim();
	const direct = findAllowedValue(CONNECTOR_FORMATS, text);
	if (direct) return ok(direct);
	if (/tether|cable|kabel|attached|fixed/i.test(text)) return ok('CABLE');
	if (/socket|outlet|buchse|steckdose/i.test(text)) return ok('SOCKET');
	return fail(`${label} ${quote(raw)} is neither a socket nor a cable: write SOCKET or CABLE`);
}

function toInteger(raw: unknown, label: string, context: MappingContext): TransformResult<number> {
	const number = parseNumber(raw, label, { decimalSeparator: context.decimalSeparator });
	if (!number.ok || Number.isInteger(number.value)) return number;
	const whole = Math.round(number.value);
	return ok(whole, `${label} ${number.value} rounded to ${whole}`);
}

/** Runs a named transform on a raw value that is not blank. */
export function runTransform(
	transform: TransformName,
	raw: unknown,
	label: string,
	spec: FieldSpec,
	context: MappingContext,
): TransformResult<unknown> {
	const { version } = context;
	const numbers = { decimalSeparator: context.decimalSeparator };
	switch (transform) {
		case 'none':
		case 'latitude':
		case 'longitude':
			return ok(raw);
		case 'text':
			return toOcpiText(raw, maxLengthOf(spec, version), label);
		case 'upperCase': {
			const text = toOcpiText(raw, maxLengthOf(spec, version), label);
			return text.ok ? ok(text.value.toUpperCase(), text.note) : text;
		}
		case 'number':
			return parseNumber(raw, label, numbers);
		case 'integer':
			return toInteger(raw, label, context);
		case 'boolean':
			return toBoolean(raw, label);
		case 'timestamp':
			// Most asset systems already write UTC with Z; those need no parsing.
			return typeof raw === 'string' && isOcpiUtc(raw) ? ok(raw) : toUtcDateTime(raw, label);
		case 'countryAlpha3':
			return toCountryAlpha3(raw, label);
		case 'countryAlpha2':
			return toCountryAlpha2(raw, label);
		case 'enum':
			return spec.allowed ? toEnum(raw, label, spec.allowed(version)) : ok(raw);
		case 'list':
			return toList(raw, label, spec, version);
		case 'connectorStandard':
			return mapConnectorStandard(context.connectorMap, raw, label, version);
		case 'connectorFormat':
			return toFormat(raw, label);
		case 'status':
			return mapStatus(context.statusMap, raw, label);
		case 'powerType':
			return derivePowerType({ current: raw }, version, context.connectorMap);
		case 'power':
			return toWatts(raw, label, { ...numbers, unit: context.powerUnit });
		case 'current':
			return toAmperes(raw, label, numbers);
		case 'voltage':
			return toVolts(raw, label, numbers);
		case 'coordinates':
			return coordinatesFromPair(raw, version, label);
	}
}

/**
 * The transformed value of a field for a record: undefined value when there is nothing to map,
 * a failure with a reason when the value cannot be used.
 */
export function mapField(
	field: CompiledField,
	record: ConnectorRecord,
	label: string,
	context: MappingContext,
	notes?: { note(text: string | undefined): void },
): TransformResult<unknown> | undefined {
	const raw = field.read(record);
	if (isBlank(raw)) {
		// An expression that reads a field the record does not have is reported, not left silently empty.
		if (notes && field.source !== undefined && isExpression(field.source)) notes.note(expressionGap(field, record));
		return undefined;
	}
	const cacheable = field.cache !== undefined && (typeof raw === 'string' || typeof raw === 'number');
	if (cacheable) {
		const cached = field.cache!.get(raw);
		if (cached !== undefined) {
			field.cacheHits++;
			return field.copies ? copyOf(cached) : cached;
		}
	}
	const result = runTransform(field.transform, raw, label, field.spec, context);
	if (cacheable) {
		if (field.cache!.size < CACHE_LIMIT) field.cache!.set(raw, field.copies ? copyOf(result) : result);
		if (++field.cacheMisses >= MISSES_BEFORE_GIVING_UP && field.cacheHits * 4 < field.cacheMisses && !ALWAYS_CACHED.has(field.transform)) field.cache = undefined;
	}
	return result;
}

/** A list result with its own array (a failure carries no value to share). */
function copyOf(result: TransformResult<unknown>): TransformResult<unknown> {
	return result.ok ? { ...result, value: [...(result.value as unknown[])] } : result;
}
