/**
 * Data a national access point wants that OCPI does not carry (the owner's company number, the grid
 * connection, the municipality code, the helpdesk phone): from a reference table the user fills, one row
 * per Location id, plus a `*` row for network-wide values, and from the Location item's own `_afir`
 * object (set upstream from asset fields). The item wins over its row, the row over `*`.
 */
import { isBlank, isRecord } from '../../foundation/json';

export type StationData = Record<string, unknown>;

export type ReferenceTable = Record<string, StationData>;

export const NETWORK_WIDE_ROW = '*';

/** Accepts `{ "<location id>": {…}, "*": {…} }` or `[{ "location": "<id>" | "*", … }]`; anything else is a config error. */
export function parseReferenceTable(raw: unknown): ReferenceTable {
	if (raw === undefined || raw === null || raw === '') return {};
	const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
	if (Array.isArray(value)) {
		const table: ReferenceTable = {};
		value.forEach((row, index) => {
			if (!isRecord(row) || typeof row.location !== 'string' || row.location === '') {
				throw new Error(`reference table row ${index + 1} needs a "location" (a Location id, or "*" for every Location)`);
			}
			const { location, ...data } = row;
			table[location] = { ...table[location], ...data };
		});
		return table;
	}
	if (!isRecord(value)) throw new Error('the reference table must be a JSON object keyed by Location id, or a list of rows with a "location"');
	for (const [key, row] of Object.entries(value)) {
		if (!isRecord(row)) throw new Error(`reference table entry "${key}" must be an object`);
	}
	return value as ReferenceTable;
}

/** The merged extra data for one Location; blank values do not override. */
export function stationDataFor(table: ReferenceTable, locationId: string, own: unknown): StationData {
	const merged: StationData = {};
	for (const layer of [table[NETWORK_WIDE_ROW], table[locationId], isRecord(own) ? own : undefined]) {
		if (!layer) continue;
		for (const [key, value] of Object.entries(layer)) if (!isBlank(value)) merged[key] = value;
	}
	return merged;
}
