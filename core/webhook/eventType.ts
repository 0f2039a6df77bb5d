/**
 * Mapping an asset system's event names onto created / updated / deleted. Explicit lists win; otherwise
 * the last word of the name (`charger.created`, `asset_updated`, `ChargerDeleted`) is matched against
 * common verbs. 'decommissioned' maps to updated by default: the record still exists and its state says
 * it is out of service (the Mapper turns that into an OCPI status), unlike a hard delete.
 */
export type ChangeKind = 'created' | 'updated' | 'deleted';

export type EventTypeMapping = Partial<Record<ChangeKind, readonly string[]>>;

export type EventTypeResult = { ok: true; change: ChangeKind; reason: string } | { ok: false; change?: undefined; reason: string };

const VERBS: Record<ChangeKind, readonly string[]> = {
	created: ['created', 'create', 'added', 'add', 'inserted', 'insert', 'new'],
	updated: ['updated', 'update', 'changed', 'change', 'modified', 'edited', 'patched', 'decommissioned', 'upserted'],
	deleted: ['deleted', 'delete', 'removed', 'remove', 'destroyed'],
};

function lastWord(name: string): string {
	const spaced = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
	const words = spaced.split(/[^A-Za-z0-9]+/).filter(Boolean);
	return (words[words.length - 1] ?? '').toLowerCase();
}

export function mapEventType(value: unknown, mapping: EventTypeMapping = {}): EventTypeResult {
	if (typeof value !== 'string' || value.trim() === '') return { ok: false, reason: 'no event type' };
	const name = value.trim();
	for (const kind of ['created', 'updated', 'deleted'] as const) {
		if (mapping[kind]?.some((candidate) => candidate.toLowerCase() === name.toLowerCase())) return { ok: true, change: kind, reason: `"${name}" is listed as ${kind}` };
	}
	const word = lastWord(name);
	for (const kind of ['created', 'updated', 'deleted'] as const) {
		if (VERBS[kind].includes(word)) return { ok: true, change: kind, reason: `"${name}" reads as ${kind}` };
	}
	return { ok: false, reason: `unknown event type "${name}"` };
}
