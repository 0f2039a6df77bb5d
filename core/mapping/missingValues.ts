/**
 * Messages for a value that is missing, written to lead to the fix: which source was mapped and that it
 * is empty (or not there) on this record, which filled fields of the record have names like the target
 * ("voltsDC = 500"), and the row to write. An expression that gives nothing names the reads that found
 * no field ("$outlet.voltsLL").
 */
import { isRecord } from '../foundation/json';
import type { CompiledField } from './fieldMapping';
import { isExpression } from './fieldMapping';
import { LEVEL_VARIABLES, missingReads } from './levelExpressions';
import type { AssetObject, ConnectorRecord, Scope } from './shapes';
import { isBlank, quote } from './transforms';
import { matchKey } from './transforms/valueMap';

/** Words that say nothing about which field is meant. */
const STOP_WORDS = new Set(['max', 'min', 'id', 'no', 'of', 'the', 'number', 'code', 'rated', 'output', 'type', 'last']);
/** Words asset systems use for a field besides the catalogue's auto-map names (only used to suggest, never to map). */
const SIMILAR_WORDS: Record<string, readonly string[]> = {
	max_voltage: ['spannung', 'tension', 'spanning', 'voltaje'],
	max_amperage: ['strom', 'courant', 'stroom', 'corriente', 'ampere'],
	max_electric_power: ['leistung', 'puissance', 'vermogen', 'potencia'],
	standard: ['stecker', 'prise', 'stekker', 'conector', 'outlet'],
	status: ['zustand', 'etat', 'toestand', 'estado', 'lifecycle'],
	address: ['strasse', 'rue', 'straat', 'calle'],
	city: ['ort', 'ville', 'stad', 'ciudad'],
	country: ['land', 'pays', 'pais'],
};
const SHOWN = 4;

function stemsOf(field: CompiledField): string[] {
	const words = [field.spec.field, ...field.spec.names, ...(SIMILAR_WORDS[field.spec.field] ?? [])]
		.flatMap((name) => name.split(/[._\s-]+/))
		.map((word) => word.toLowerCase())
		.filter((word) => word.length >= 2 && !STOP_WORDS.has(word));
	return [...new Set(words.map((word) => word.slice(0, 4)))];
}

function isFilledScalar(value: unknown): boolean {
	return !isBlank(value) && (typeof value !== 'object' || value === null);
}

/** Filled fields of an object and of the objects directly inside it ('siteRef.name'). */
function filledFields(object: AssetObject, into: Map<string, unknown>): void {
	for (const [key, value] of Object.entries(object)) {
		if (isFilledScalar(value)) {
			if (!into.has(key)) into.set(key, value);
		} else if (isRecord(value)) {
			for (const [inner, innerValue] of Object.entries(value)) {
				const path = `${key}.${inner}`;
				if (isFilledScalar(innerValue) && !into.has(path)) into.set(path, innerValue);
			}
		}
	}
}

/** Filled fields of the record, on the levels the field reads, whose names resemble the target: "voltsDC = 500". */
export function similarFilledFields(field: CompiledField, record: ConnectorRecord): Array<{ path: string; value: unknown }> {
	const stems = stemsOf(field);
	const filled = new Map<string, unknown>();
	for (const scope of field.scopes) filledFields(record[scope], filled);
	const similar: Array<{ path: string; value: unknown }> = [];
	for (const [path, value] of filled) {
		const key = matchKey(path.split('.').pop()!);
		if (stems.some((stem) => key.includes(stem)) && !field.paths.includes(path)) similar.push({ path, value });
	}
	return similar;
}

/** "outlet", "charge point", "site"; a flat row is one record for all three. */
export function levelName(field: CompiledField, record: ConnectorRecord): string {
	if (record.outlet === record.site) return 'record';
	const names: Record<Scope, string> = { outlet: 'outlet', chargePoint: 'charge point', site: 'site' };
	return names[field.scopes[0]];
}

function presentOn(path: string, field: CompiledField, record: ConnectorRecord): boolean {
	return field.scopes.some((scope) => {
		let current: unknown = record[scope];
		for (const segment of path.split('.')) {
			if (current === null || typeof current !== 'object' || !(segment in (current as AssetObject))) return false;
			current = (current as AssetObject)[segment];
		}
		return true;
	});
}

/** Why the source gave nothing on this record, naming it: "the mapped source 'voltsLL' is empty on this outlet". */
function whyEmpty(field: CompiledField, record: ConnectorRecord): string {
	const level = levelName(field, record);
	const source = field.source;
	if (source === undefined) return `no source is mapped and auto-mapping found none of ${field.spec.names.slice(0, 4).join(', ')}`;
	if (isExpression(source)) {
		const reads = describeReads(field, record);
		return `the mapped expression gives nothing on this ${level}${reads ? `: it reads ${reads}` : ''}`;
	}
	const how = field.sourceKind === 'auto-mapped' ? 'auto-mapped source' : 'mapped source';
	const absent = field.paths.filter((path) => !presentOn(path, field, record));
	const state = absent.length === field.paths.length ? 'is not a field of' : absent.length === 0 ? 'is empty on' : 'is empty or missing on';
	const many = field.paths.length > 1;
	return `the ${how}${many ? 's' : ''} ${quote(source)} ${many ? state.replace(/^is/, 'are') : state} this ${level}`;
}

/**
 * The whole message for a required value that is missing: what is empty where, the filled fields that look
 * like it, and the row to write.
 */
export function missingValue(field: CompiledField, record: ConnectorRecord, example: string, what: string = field.spec.field): string {
	const similar = similarFilledFields(field, record);
	const shown = similar.slice(0, SHOWN).map(({ path, value }) => `${path} = ${quote(value).replace(/^'(-?[\d.]+)'$/, '$1')}`);
	const more = similar.length > SHOWN ? ` and ${similar.length - SHOWN} more` : '';
	if (similar.length === 0) return `${what} is missing: ${whyEmpty(field, record)}; map a source field for it (e.g. '${example}') or set a default`;
	const alternatives = [...field.paths, ...similar.map(({ path }) => path)].join(' | ');
	return `${what} is missing: ${whyEmpty(field, record)}; filled fields with similar names: ${shown.join(', ')}${more}. Map '${alternatives}' (the first filled one is used) or set a default`;
}

/**
 * "$outlet.voltsLL, which this outlet does not have" and "$json.voltsDC, which the item does not have ($json is the
 * whole item: use $outlet for this outlet)"; undefined when every read found its field.
 */
function describeReads(field: CompiledField, record: ConnectorRecord): string | undefined {
	const reads = missingReads(field.source!, record);
	if (reads.length === 0) return undefined;
	const level = levelName(field, record);
	const onItem = reads.filter((read) => read.startsWith('$json'));
	const onLevel = reads.filter((read) => !read.startsWith('$json'));
	const parts: string[] = [];
	if (onLevel.length > 0) parts.push(`${onLevel.join(', ')}, which this ${level} does not have`);
	if (onItem.length > 0) {
		const variable = LEVEL_VARIABLES[field.scopes[0]];
		const hint = level === 'record' ? '' : ` ($json is the whole item: use ${variable} for this ${level})`;
		parts.push(`${onItem.join(', ')}, which the item does not have${hint}`);
	}
	return parts.join('; and ');
}

/** A note for an optional field whose expression read a field the record does not have; undefined when there is none. */
export function expressionGap(field: CompiledField, record: ConnectorRecord): string | undefined {
	if (field.source === undefined || !isExpression(field.source)) return undefined;
	const reads = describeReads(field, record);
	return reads === undefined ? undefined : `${field.spec.field} left empty: its expression reads ${reads}`;
}
