/** How the planner reads an object's EVSEs or Connectors and pairs them with the CPMS's, shared by its fast check. */
import { isRecord } from '../foundation/json';
import { sameId } from '../ocpi/ids';
import type { OcpiVersion } from '../ocpi/version';
import type { JsonObject } from './types';

export function children(object: JsonObject | undefined, key: 'evses' | 'connectors'): JsonObject[] {
	const list = object?.[key];
	if (!Array.isArray(list)) return [];
	// read only: the list itself when every entry is an object (the usual case), no copy
	return list.every(isRecord) ? (list as JsonObject[]) : list.filter(isRecord);
}

/** Lists this short are checked pairwise for repeated ids; longer ones go through the planner's maps. */
const PAIRED_MAX = 16;

/**
 * The usual daily compare: both lists name the same ids in the same order, each once. Then a desired child's
 * counterpart is the known one at its position and nothing vanished, with no maps to build.
 */
export function pairedInOrder(desired: JsonObject[], known: JsonObject[], field: 'uid' | 'id', version: OcpiVersion): boolean {
	const count = desired.length;
	if (count !== known.length || count > PAIRED_MAX) return false;
	for (let i = 0; i < count; i++) {
		const id = desired[i][field];
		if (typeof id !== 'string' || id !== known[i][field]) return false;
		for (let j = 0; j < i; j++) if (sameId(desired[j][field], id, version)) return false;
	}
	return true;
}
