/**
 * Getting records out of a webhook body: one record (an object), an array of records, or records at a path
 * in an envelope (`data`, `payload.items`). 'auto' takes an array as records and an object as one record.
 */
import { compilePath } from '../mapping/sourcePath';

export type PayloadMode = 'auto' | 'single' | 'array' | 'path';

export interface PayloadOptions {
	mode?: PayloadMode;
	/** Dotted path for mode 'path'; the value there may be one record or an array. */
	path?: string;
}

export type PayloadResult = { ok: true; records: Array<Record<string, unknown>>; reason: string } | { ok: false; records: []; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

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

function fromArray(items: unknown[], where: string): PayloadResult {
	const bad = items.findIndex((item) => !isRecord(item));
	if (bad >= 0) return { ok: false, records: [], reason: `${where}[${bad}] is not an object` };
	return { ok: true, records: items as Array<Record<string, unknown>>, reason: `${items.length} record(s) from ${where}` };
}

export function extractRecords(body: unknown, options: PayloadOptions = {}): PayloadResult {
	const { value, error } = parsed(body);
	if (error) return { ok: false, records: [], reason: error };
	const mode = options.mode ?? 'auto';
	switch (mode) {
		case 'single':
			return isRecord(value) ? { ok: true, records: [value], reason: '1 record (the body)' } : { ok: false, records: [], reason: 'the body is not a JSON object' };
		case 'array':
			return Array.isArray(value) ? fromArray(value, 'the body') : { ok: false, records: [], reason: 'the body is not a JSON array' };
		case 'path': {
			if (!options.path) return { ok: false, records: [], reason: 'no path given' };
			const at = compilePath(options.path)(value);
			if (at === undefined || at === null) return { ok: false, records: [], reason: `nothing at "${options.path}"` };
			if (Array.isArray(at)) return fromArray(at, `"${options.path}"`);
			return isRecord(at) ? { ok: true, records: [at], reason: `1 record from "${options.path}"` } : { ok: false, records: [], reason: `"${options.path}" is not an object or array` };
		}
		case 'auto':
			if (Array.isArray(value)) return fromArray(value, 'the body');
			return isRecord(value) ? { ok: true, records: [value], reason: '1 record (the body)' } : { ok: false, records: [], reason: 'the body is not a JSON object or array' };
		default:
			return { ok: false, records: [], reason: `unknown payload mode "${String(mode)}"` };
	}
}
