/**
 * The object enrichment edits, copied only where a step writes: most Locations get a default or two at the top
 * and nothing below, so copying every EVSE and Connector of every Location (what enrichment did) was work thrown
 * away. A write goes to a copy of the object written and of each object and list above it; everything else is
 * shared with the input, which is never written. The result has the same fields in the same order as a full
 * copy would. Input that is not plain JSON data (Dates, proxies of another realm, functions) and runs with
 * reference data (which merges anything anywhere) get the full copy up front, as before.
 */
import { isRecord, type JsonObject } from '../foundation/json';
import { allNodes, ocpiTree, type OcpiNode } from '../ocpi/locationTree';
import type { OcpiObjectKind } from '../ocpi/version';

/** A copy of one object or list, one level deep, keys in their order (as plainCopy makes each level). */
function levelCopy<T extends object>(value: T): T {
	if (Array.isArray(value)) {
		const list = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) list[i] = value[i];
		return list as T;
	}
	const out: JsonObject = {};
	for (const key of Object.keys(value)) out[key] = (value as JsonObject)[key];
	return out as T;
}

export class CopyOnWrite {
	/** The object as the steps see it: the input until the first write at the top, then its copy. */
	root: unknown;
	private readonly owned = new Set<object>();
	private tree?: OcpiNode[];

	/** `copied`: `root` is already a full private copy, so every write may go straight to it. */
	constructor(
		root: unknown,
		private readonly kind: OcpiObjectKind,
		private readonly copied: boolean,
	) {
		this.root = root;
	}

	/** Every node of the tree, parents first; built once (writes replace node objects in place). */
	nodes(): OcpiNode[] {
		this.tree ??= allNodes(ocpiTree(this.root, this.kind));
		return this.tree;
	}

	/** A step replaced part of the tree (reference data): walk it again. */
	forgetTree(): void {
		this.tree = undefined;
	}

	private own<T extends object>(value: T): T {
		if (this.copied || this.owned.has(value)) return value;
		const copy = levelCopy(value);
		this.owned.add(copy);
		return copy;
	}

	/** The node's object, safe to write: it and every object and list above it are private copies. */
	writable(node: OcpiNode): JsonObject {
		const object = this.own(node.object);
		if (object === node.object) return object;
		node.object = object;
		const parent = node.parent;
		if (!parent) {
			this.root = object;
			return object;
		}
		const parentObject = this.writable(parent);
		const { path } = node;
		const field = path[path.length - 2] as string;
		const list = this.own(parentObject[field] as unknown[]);
		parentObject[field] = list;
		list[path[path.length - 1] as number] = object;
		return object;
	}

	/** A point of the node (`coordinates`, or entry `index` of `related_locations`), safe to write; undefined when it is no object. */
	writablePoint(node: OcpiNode, field: 'coordinates' | 'related_locations', index?: number): JsonObject | undefined {
		const value = node.object[field];
		const point = index === undefined ? value : Array.isArray(value) ? value[index] : undefined;
		if (!isRecord(point)) return undefined;
		const object = this.writable(node);
		if (index === undefined) return (object[field] = this.own(point));
		const list = this.own(object[field] as unknown[]);
		object[field] = list;
		return (list[index] = this.own(point));
	}
}
