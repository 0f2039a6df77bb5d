/**
 * Turns reference data as users paste it (an object keyed by id, or a list of rows that each carry
 * the key field) into the row lookup enrichment uses. Returns a reason instead of throwing, so the
 * caller decides whether bad reference data is a configuration error.
 */
import { isRecord } from '../foundation/json';
export type ReferenceRows = Record<string, Record<string, unknown>>;

export type ReferenceTableResult = { ok: true; rows: ReferenceRows } | { ok: false; reason: string };

function rowsFromList(list: unknown[], keyField: string): ReferenceTableResult {
	const rows: ReferenceRows = {};
	for (const [index, row] of list.entries()) {
		if (!isRecord(row)) return { ok: false, reason: `row ${index} is not an object` };
		const key = row[keyField];
		if (typeof key !== 'string' && typeof key !== 'number') {
			return { ok: false, reason: `row ${index} has no '${keyField}' value to match on` };
		}
		if (String(key) in rows) return { ok: false, reason: `key '${key}' appears in more than one row` };
		const rest = { ...row };
		delete rest[keyField];
		rows[String(key)] = rest;
	}
	return { ok: true, rows };
}

export function parseReferenceTable(source: unknown, keyField: string): ReferenceTableResult {
	let table = source;
	if (typeof source === 'string') {
		if (source.trim() === '') return { ok: true, rows: {} };
		try {
			table = JSON.parse(source);
		} catch (error) {
			return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
		}
	}
	if (Array.isArray(table)) return rowsFromList(table, keyField);
	if (!isRecord(table)) return { ok: false, reason: 'it must be an object keyed by id or a list of rows' };
	for (const [key, row] of Object.entries(table)) {
		if (!isRecord(row)) return { ok: false, reason: `the entry for '${key}' is not an object` };
	}
	return { ok: true, rows: table as ReferenceRows };
}
