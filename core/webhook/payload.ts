/**
 * Getting records out of a webhook body: one record (an object), an array of records, or records at a path
 * in an envelope (`data`, `payload.items`). 'auto' takes an array as records and an object as one record.
 * With `idField`, a list of bare ids (a delete event's `data: ["CHG-1", "CHG-2"]`) gives one id-only record
 * each. With `keysPath`, an event naming several records by key (`keys: [..]`) gives one record per key:
 * the payload's one record (e.g. the changed fields) with the key as its id, or only the id.
 */
import { isRecord } from '../foundation/json';
import { idKey } from '../changeDetection/recordId';
import { compilePath } from '../foundation/path';

export type PayloadMode = 'auto' | 'single' | 'array' | 'path';

export interface PayloadOptions {
	mode?: PayloadMode;
	/** Dotted path for mode 'path'; the value there may be one record or an array. */
	path?: string;
	/** Field (dotted path) holding a record's id: lets bare ids and keys become id-only records. */
	idField?: string;
	/** Dotted path of a list of keys (or one key) naming the records an event is about, e.g. keys. */
	keysPath?: string;
}

export type PayloadResult = { ok: true; records: Array<Record<string, unknown>>; reason: string } | { ok: false; records: []; reason: string };

function parsed(body: unknown): { value?: unknown; error?: string } {
	if (Buffer.isBuffer(body)) return parsed(body.toString('utf8'));
	if (typeof body !== 'string') return { value: body };
	if (body.trim() === '') return { error: 'empty body' };
	try {
		return { value: JSON.parse(body) };
	} catch {
		return { error: 'body is not valid JSON' };
	}
}

/** `{ [idField]: id }`, nested for a dotted idField. */
export function idOnlyRecord(idField: string, id: string): Record<string, unknown> {
	const segments = idField.split('.');
	let record: Record<string, unknown> = { [segments[segments.length - 1]]: id };
	for (const segment of segments.slice(0, -1).reverse()) record = { [segment]: record };
	return record;
}

function fromArray(items: unknown[], where: string, idField?: string): PayloadResult {
	if (idField && items.length > 0 && items.every((item) => idKey(item) !== undefined)) {
		return { ok: true, records: items.map((item) => idOnlyRecord(idField, idKey(item) as string)), reason: `${items.length} id(s) from ${where}` };
	}
	const bad = items.findIndex((item) => !isRecord(item));
	if (bad >= 0) return { ok: false, records: [], reason: `${where}[${bad}] is not an object` };
	return { ok: true, records: items as Array<Record<string, unknown>>, reason: `${items.length} record(s) from ${where}` };
}

export function extractRecords(body: unknown, options: PayloadOptions = {}): PayloadResult {
	const { value, error } = parsed(body);
	if (error) return { ok: false, records: [], reason: error };
	const found = recordsIn(value, options);
	return options.keysPath && options.idField ? perKey(value, found, options.keysPath, options.idField) : found;
}

function keysAt(value: unknown, keysPath: string): string[] | undefined {
	// only an envelope names keys: a path on an array body would read each element
	if (!isRecord(value)) return [];
	const at = compilePath(keysPath)(value);
	const keys = Array.isArray(at) ? at : at === undefined || at === null ? [] : [at];
	if (keys.length === 0) return [];
	const ids = keys.map(idKey);
	return ids.every((id) => id !== undefined) ? (ids as string[]) : undefined;
}

/** One record per key; the payload (when it is one record) is what each key's record changed to. */
function perKey(value: unknown, found: PayloadResult, keysPath: string, idField: string): PayloadResult {
	const keys = keysAt(value, keysPath);
	if (keys === undefined) return { ok: false, records: [], reason: `"${keysPath}" holds something that is not an id` };
	if (keys.length === 0) return found;
	const payload = found.ok && found.records.length === 1 ? found.records[0] : {};
	return { ok: true, records: keys.map((key) => ({ ...payload, ...idOnlyRecord(idField, key) })), reason: `${keys.length} key(s) from "${keysPath}"` };
}

function recordsIn(value: unknown, options: PayloadOptions): PayloadResult {
	const mode = options.mode ?? 'auto';
	switch (mode) {
		case 'single':
			return isRecord(value) ? { ok: true, records: [value], reason: '1 record (the body)' } : { ok: false, records: [], reason: 'the body is not a JSON object' };
		case 'array':
			return Array.isArray(value) ? fromArray(value, 'the body', options.idField) : { ok: false, records: [], reason: 'the body is not a JSON array' };
		case 'path': {
			if (!options.path) return { ok: false, records: [], reason: 'no path given' };
			const at = compilePath(options.path)(value);
			if (at === undefined || at === null) return { ok: false, records: [], reason: `nothing at "${options.path}"` };
			if (Array.isArray(at)) return fromArray(at, `"${options.path}"`, options.idField);
			if (isRecord(at)) return { ok: true, records: [at], reason: `1 record from "${options.path}"` };
			if (options.idField && idKey(at) !== undefined) return { ok: true, records: [idOnlyRecord(options.idField, idKey(at) as string)], reason: `1 id from "${options.path}"` };
			return { ok: false, records: [], reason: `"${options.path}" is not an object or array` };
		}
		case 'auto':
			if (Array.isArray(value)) return fromArray(value, 'the body', options.idField);
			return isRecord(value) ? { ok: true, records: [value], reason: '1 record (the body)' } : { ok: false, records: [], reason: 'the body is not a JSON object or array' };
		default:
			return { ok: false, records: [], reason: `unknown payload mode "${String(mode)}"` };
	}
}
