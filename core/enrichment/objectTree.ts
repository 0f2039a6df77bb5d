/**
 * The Location → EVSE → Connector nesting as a tree of nodes with their paths, so every step walks
 * the same objects. Entries that are not objects are skipped (the validator reports them).
 */
import type { OcpiObjectKind } from '../ocpi/version';
import { isRecord, type JsonObject } from '../foundation/json';

export interface OcpiNode {
	object: JsonObject;
	kind: OcpiObjectKind;
	path: ReadonlyArray<string | number>;
	children: OcpiNode[];
}

const CHILDREN: Partial<Record<OcpiObjectKind, { field: string; kind: OcpiObjectKind }>> = {
	location: { field: 'evses', kind: 'evse' },
	evse: { field: 'connectors', kind: 'connector' },
};

export function ocpiTree(value: unknown, kind: OcpiObjectKind, path: ReadonlyArray<string | number> = []): OcpiNode | undefined {
	if (!isRecord(value)) return undefined;
	const node: OcpiNode = { object: value, kind, path, children: [] };
	const child = CHILDREN[kind];
	const list = child ? value[child.field] : undefined;
	if (child && Array.isArray(list)) {
		list.forEach((entry, index) => {
			const childNode = ocpiTree(entry, child.kind, [...path, child.field, index]);
			if (childNode) node.children.push(childNode);
		});
	}
	return node;
}

/** Every node, parents before their children. */
export function allNodes(root: OcpiNode | undefined): OcpiNode[] {
	if (!root) return [];
	return [root, ...root.children.flatMap(allNodes)];
}
