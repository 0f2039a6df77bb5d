/**
 * Location and EVSE fields are built from the first record of each; a later record that gives a
 * different value (another address for the same site_id) is not used, but it is noted, once per
 * field, so nothing is dropped silently. last_updated is left out: rows of one site carry the
 * timestamps of their own charge points, and the newest child wins anyway.
 */
import { sameJson } from '../foundation/json';
import type { LabelledField } from './compileMapping';
import type { ConnectorRecord, Scope } from './shapes';
import { quote } from './transforms';

export interface FirstRecord {
	sourceIndex: number;
	/** The object the fields were read from; records sharing it cannot disagree. */
	object: object;
	values: unknown[];
	noted?: Set<string>;
}

export function comparedFields(fields: ReadonlyMap<string, LabelledField>): LabelledField[] {
	return [...fields.values()].filter((field) => field.source !== undefined && field.spec.field !== 'last_updated');
}

export function firstRecord(fields: readonly LabelledField[], record: ConnectorRecord, scope: Scope): FirstRecord {
	return { sourceIndex: record.sourceIndex, object: record[scope], values: fields.map((field) => field.read(record)), noted: undefined };
}

/**
 * Notes, on the object's entry, the fields where `record` says something else than the first record; `label(id)`
 * names the object, built only when a note is written.
 */
export function noteDisagreements(
	entry: { notes?: string[] },
	fields: readonly LabelledField[],
	first: FirstRecord,
	record: ConnectorRecord,
	scope: Scope,
	label: (id: string) => string,
	id: string,
): void {
	if (record[scope] === first.object) return;
	for (let i = 0; i < fields.length; i++) {
		const value = fields[i].read(record);
		if (sameJson(value, first.values[i])) continue;
		const name = fields[i].spec.field;
		if (first.noted?.has(name)) continue;
		(first.noted ??= new Set()).add(name);
		(entry.notes ??= []).push(
			`items ${first.sourceIndex} and ${record.sourceIndex} give different ${fields[i].label} for ${label(id)} (${quote(first.values[i])} vs ${quote(value)}): item ${first.sourceIndex}'s value is used`,
		);
	}
}
