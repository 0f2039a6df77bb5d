/**
 * A source read along a record's levels, compiled once per field: the first value that is not blank, trying
 * each path of the source in order ('voltsLN | voltsDC') and each on the levels innermost first. A field is
 * read for every record, so the reader is one closure with its paths resolved, not a chain of them, and a
 * plain field name ('kw', the usual source) is read straight off the level.
 */
import { compilePath, type Getter } from '../foundation/path';
import type { ConnectorRecord, Scope } from './shapes';

export type LevelReader = (record: ConnectorRecord) => unknown;

/** isBlank (absent, null or only whitespace), deciding most filled text by its first character without trimming. */
export function isBlankValue(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value !== 'string') return false;
	const first = value.charCodeAt(0);
	return !(first > 32 && first < 127) && value.trim() === '';
}

/** A path that compilePath reads as the one key it names: no dots, no [index], no spaces around it. */
function plainKey(path: string): string | undefined {
	return path !== '' && !path.includes('.') && !path.includes('[') && path.trim() === path ? path : undefined;
}

function getterOf(path: string): Getter {
	const key = plainKey(path);
	if (key === undefined) return compilePath(path);
	return (value) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
}

/** The first filled value of `paths` along `scopes`; `fallback` when every one is blank. */
export function levelReader(paths: readonly string[], scopes: readonly Scope[], fallback?: unknown): LevelReader {
	const key = paths.length === 1 ? plainKey(paths[0]) : undefined;
	if (key !== undefined && scopes.length === 1) {
		const [scope] = scopes;
		return (record) => {
			const level = record[scope];
			const value = level !== null && typeof level === 'object' ? level[key] : undefined;
			return isBlankValue(value) ? fallback : value;
		};
	}
	const getters = paths.map(getterOf);
	if (getters.length === 1) {
		const [get] = getters;
		return (record) => {
			for (const scope of scopes) {
				const value = get(record[scope]);
				if (!isBlankValue(value)) return value;
			}
			return fallback;
		};
	}
	return (record) => {
		for (const get of getters) {
			for (const scope of scopes) {
				const value = get(record[scope]);
				if (!isBlankValue(value)) return value;
			}
		}
		return fallback;
	};
}
