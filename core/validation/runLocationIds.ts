/**
 * Location ids across the items of one Validator run. Each Location may appear once per run: two items
 * with the same id (compared without case, as OCPI's CiString and many CPMSs do) would be pushed to one
 * CPMS object, the later overwriting the earlier, and both reported as written. Every such item gets a
 * `duplicate_id` issue naming the others, so none of them is pushed until the source data is fixed.
 */
import { isRecord } from '../foundation/json';
import { summarise, type Inspection } from './inspect';
import type { OcpiIssue } from '../foundation/issue';

/** The party a Location belongs to (2.2.1) and its id: Locations of different parties may share an id. */
function locationKey(value: unknown): { key: string; id: string } | undefined {
	if (!isRecord(value)) return undefined;
	const record = value;
	if (typeof record.id !== 'string' || record.id === '') return undefined;
	const party = [record.country_code, record.party_id].map((part) => (typeof part === 'string' ? part.toUpperCase() : '')).join('/');
	return { key: `${party}/${record.id.toUpperCase()}`, id: record.id };
}

/** Issues by item index for the Locations (undefined entries: not a Location) that share an id with another item. */
export function duplicateLocationIds(locations: ReadonlyArray<unknown>): Map<number, OcpiIssue> {
	const byKey = new Map<string, Array<{ index: number; id: string }>>();
	locations.forEach((location, index) => {
		const found = locationKey(location);
		if (!found) return;
		const group = byKey.get(found.key);
		if (group) group.push({ index, id: found.id });
		else byKey.set(found.key, [{ index, id: found.id }]);
	});
	const issues = new Map<number, OcpiIssue>();
	for (const group of byKey.values()) {
		if (group.length < 2) continue;
		for (const entry of group) {
			const others = group.filter((other) => other !== entry).map((other) => `item ${other.index} ("${other.id}")`);
			const message = `id "${entry.id}" is also the id of ${others.join(', ')} in this run; Location ids are compared without case and must be unique among the items of one run, or the CPMS keeps one Location for them: give each Location its own id, or send each Location once`;
			issues.set(entry.index, { path: 'id', code: 'duplicate_id', message, value: entry.id, severity: 'error' });
		}
	}
	return issues;
}

/** The inspection with one more error: it is no longer valid. */
export function withRunIssue(inspection: Inspection, issue: OcpiIssue | undefined): Inspection {
	if (!issue) return inspection;
	const errors = [...inspection.errors, issue];
	return { ...inspection, valid: false, errors, summary: summarise(errors) };
}
