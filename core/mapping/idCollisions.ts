/**
 * Ids that differ only in upper and lower case. OCPI ids are CiStrings, so a CPMS may keep one object
 * for `S-1` and `s-1`: both would be reported as written while one overwrites the other on every run.
 * Such ids are left out together and every item that used them is told which other ids it collides with.
 */
import type { ConnectorEntry, EvseEntry, LocationEntry } from './groupedEntries';

type Reject = (sourceIndex: number, reason: string) => void;

/** Whether two ids of the list are equal apart from case; nothing is grouped for the usual list without. `seen` is scratch. */
function hasCaseRepeat<T>(entries: ReadonlyMap<string, T>, idOf: (entry: T) => string, seen: Set<string>): boolean {
	if (entries.size < 2) return false;
	seen.clear();
	for (const entry of entries.values()) {
		const key = idOf(entry).toUpperCase();
		if (seen.has(key)) return true;
		seen.add(key);
	}
	return false;
}

/** Entries whose ids equal another entry's id apart from case, grouped; ids unique in any case are left out. */
function caseCollisions<T>(entries: ReadonlyMap<string, T>, idOf: (entry: T) => string, seen: Set<string>): T[][] {
	if (!hasCaseRepeat(entries, idOf, seen)) return [];
	const groups = new Map<string, T[]>();
	for (const entry of entries.values()) {
		const key = idOf(entry).toUpperCase();
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	return [...groups.values()].filter((group) => group.length > 1);
}

function itemsOf(sources: Iterable<number>): string {
	const list = [...new Set(sources)].sort((a, b) => a - b);
	return list.length === 1 ? `item ${list[0]}` : `items ${list.join(', ')}`;
}

function evseSources(evse: EvseEntry): number[] {
	const sources: number[] = [];
	for (const connector of evse.connectors.values()) sources.push(...connector.sources);
	return sources;
}

function locationSources(location: LocationEntry): number[] {
	const sources: number[] = [];
	for (const evse of location.evses.values()) sources.push(...evseSources(evse));
	return sources;
}

/** "'S-1' (items 0, 1) and 's-1' (item 5)" */
function described<T>(group: T[], idOf: (entry: T) => string, sourcesOf: (entry: T) => number[]): string {
	const parts = group.map((entry) => {
		const sources = sourcesOf(entry);
		return sources.length > 0 ? `'${idOf(entry)}' (${itemsOf(sources)})` : `'${idOf(entry)}'`;
	});
	return parts.length === 2 ? parts.join(' and ') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

function collisionReason(what: string, names: string, place: string): string {
	return `${what} ${names}${place} differ only in upper and lower case: OCPI ids are case-insensitive, so the CPMS would keep one object for them; give them ids that differ in more than case, or correct the source data`;
}

/** Leaves out Locations, EVSEs and connectors whose ids collide apart from case, and reports every item that used them. */
const locationId = (location: LocationEntry) => location.id;
const evseUid = (evse: EvseEntry) => evse.uid;
const connectorId = (connector: ConnectorEntry) => connector.id;

export function reportCaseCollisions(locations: Map<string, LocationEntry>, reject: Reject): void {
	const seen = new Set<string>();
	for (const group of caseCollisions(locations, locationId, seen)) {
		const reason = collisionReason('location ids', described(group, (l) => l.id, locationSources), '');
		for (const location of group) {
			location.failed = [reason];
			for (const source of locationSources(location)) reject(source, reason);
		}
	}
	for (const location of locations.values()) {
		if (location.failed) continue;
		for (const group of caseCollisions(location.evses, evseUid, seen)) {
			const reason = collisionReason('EVSE uids', described(group, (e) => e.uid, evseSources), ` at location '${location.id}'`);
			for (const evse of group) {
				evse.failed = [reason];
				for (const source of evseSources(evse)) reject(source, reason);
			}
		}
		for (const evse of location.evses.values()) {
			if (evse.failed) continue;
			for (const group of caseCollisions(evse.connectors, connectorId, seen)) {
				const place = ` of EVSE '${evse.uid}' at location '${location.id}'`;
				const reason = collisionReason('connector ids', described(group, (c) => c.id, (c) => c.sources), place);
				for (const connector of group) {
					evse.connectors.delete(connector.id);
					for (const source of connector.sources) reject(source, reason);
				}
			}
		}
	}
}
