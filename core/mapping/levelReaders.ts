/**
 * A source read along a record's levels, compiled once per field: the first value that is not blank, trying
 * each path of the source in order ('voltsLN | voltsDC') and each on the levels innermost first. A field is
 * read for every record, so the reader is one closure with its paths resolved, not a chain of them.
 */
import { compilePath } from '../foundation/path';
import type { ConnectorRecord, Scope } from './shapes';
import { isBlank } from './transforms';

export type LevelReader = (record: ConnectorRecord) => unknown;

/** The first filled value of `paths` along `scopes`; `fallback` when every one is blank. */
export function levelReader(paths: readonly string[], scopes: readonly Scope[], fallback?: unknown): LevelReader {
	const getters = paths.map(compilePath);
	if (getters.length === 1 && scopes.length === 1) {
		const [get] = getters;
		const [scope] = scopes;
		return (record) => {
			const value = get(record[scope]);
			return isBlank(value) ? fallback : value;
		};
	}
	if (getters.length === 1) {
		const [get] = getters;
		return (record) => {
			for (const scope of scopes) {
				const value = get(record[scope]);
				if (!isBlank(value)) return value;
			}
			return fallback;
		};
	}
	return (record) => {
		for (const get of getters) {
			for (const scope of scopes) {
				const value = get(record[scope]);
				if (!isBlank(value)) return value;
			}
		}
		return fallback;
	};
}
