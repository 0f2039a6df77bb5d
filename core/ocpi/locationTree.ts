/**
 * The Location → EVSE → Connector tree: the walk, finding a child by id, and the parent/child rule for
 * last_updated ("this Location or one of its EVSEs or Connectors"): a parent's last_updated is at least
 * the newest of its children's. Every place that walks the tree or applies the rule uses this file.
 * Entries that are not objects are skipped (the validator reports them).
 */
import { compareDateTimes, ocpiInstantMs, strictUtcMs } from '../foundation/dateTime';
import { isRecord, type JsonObject } from '../foundation/json';
import { UTC_DATE_TIME_PATTERN } from './formats';
import { sameId } from './ids';
import type { OcpiObjectKind, OcpiVersion } from './version';

export interface OcpiNode {
	object: JsonObject;
	kind: OcpiObjectKind;
	path: ReadonlyArray<string | number>;
	children: OcpiNode[];
	/** The node whose list holds this one; undefined at the top. */
	parent: OcpiNode | undefined;
}

/** Where an object keeps its children. */
const CHILD_LIST: Partial<Record<OcpiObjectKind, { field: 'evses' | 'connectors'; kind: OcpiObjectKind }>> = {
	location: { field: 'evses', kind: 'evse' },
	evse: { field: 'connectors', kind: 'connector' },
};

export function ocpiTree(value: unknown, kind: OcpiObjectKind, path: ReadonlyArray<string | number> = [], parent?: OcpiNode): OcpiNode | undefined {
	if (!isRecord(value)) return undefined;
	const node: OcpiNode = { object: value, kind, path, children: [], parent };
	const child = CHILD_LIST[kind];
	const list = child ? value[child.field] : undefined;
	if (!child || !Array.isArray(list)) return node;
	// built for every object enrichment sees: the child list is made at its size (a growing one takes ten
	// times the memory) and only object entries get a path
	let count = 0;
	for (let index = 0; index < list.length; index++) if (isRecord(list[index])) count++;
	const children = new Array<OcpiNode>(count);
	let at = 0;
	for (let index = 0; index < list.length; index++) {
		const entry: unknown = list[index];
		if (isRecord(entry)) children[at++] = ocpiTree(entry, child.kind, [...path, child.field, index], node)!;
	}
	node.children = children;
	return node;
}

/** Every node, parents before their children. */
export function allNodes(root: OcpiNode | undefined): OcpiNode[] {
	const nodes: OcpiNode[] = [];
	if (root) collectNodes(root, nodes);
	return nodes;
}

// into one array: enrichment walks every tree several times per object
function collectNodes(node: OcpiNode, into: OcpiNode[]): void {
	into.push(node);
	for (const child of node.children) collectNodes(child, into);
}

/** Index of the `kind` child (EVSE by uid, Connector by id) whose id is `id` under the version's id rule; -1 when none. */
export function findChild(list: readonly unknown[], kind: 'evse' | 'connector', id: string, version?: OcpiVersion): number {
	const idField = kind === 'evse' ? 'uid' : 'id';
	return list.findIndex((child) => isRecord(child) && typeof child[idField] === 'string' && sameId(child[idField], id, version));
}

/**
 * Whether `candidate` is a later last_updated than `current`: both OCPI DateTimes, exact to the
 * nanosecond when both are in OCPI's UTC form, as instants otherwise (a receiver's echo with an offset).
 * An unreadable candidate is never later; a readable one is later than an unreadable or absent current.
 */
export function isLaterLastUpdated(candidate: unknown, current: unknown): boolean {
	// the usual case, parent and children stamped alike: the same text is never later, readable or not
	if (candidate === current) return false;
	// both in the strict form ('YYYY-MM-DDTHH:MM:SSZ', nearly every stamp): their instants order them exactly
	const candidateStrict = typeof candidate === 'string' ? strictUtcMs(candidate) : undefined;
	const currentStrict = candidateStrict !== undefined && typeof current === 'string' ? strictUtcMs(current) : undefined;
	if (currentStrict !== undefined && !Number.isNaN(candidateStrict!) && !Number.isNaN(currentStrict)) return candidateStrict! > currentStrict;
	const candidateMs = ocpiInstantMs(candidate);
	if (Number.isNaN(candidateMs)) return false;
	const currentMs = ocpiInstantMs(current);
	if (Number.isNaN(currentMs)) return true;
	if (UTC_DATE_TIME_PATTERN.test(candidate as string) && UTC_DATE_TIME_PATTERN.test(current as string)) {
		return compareDateTimes(candidate as string, current as string) > 0;
	}
	return candidateMs > currentMs;
}

/** The later of two last_updated values (see isLaterLastUpdated); `current` when neither is later. */
export function laterLastUpdated<T>(current: T, candidate: T): T {
	return isLaterLastUpdated(candidate, current) ? candidate : current;
}

