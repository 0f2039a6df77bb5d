/** An INodeTypes over class instances, accepting both `<package>.<name>` and bare `<name>` type names. */
import { NodeHelpers, type INodeType, type INodeTypes, type IVersionedNodeType } from 'n8n-workflow';
import { PACKAGE_NAME, packageNodes, type NodeClass } from './registry';
import { standInNodes } from './standIns';

/** The short name n8n's loader strips the package prefix to. */
export function shortTypeName(type: string): string {
	return type.startsWith(`${PACKAGE_NAME}.`) ? type.slice(PACKAGE_NAME.length + 1) : type;
}

export class TestNodeTypes implements INodeTypes {
	private readonly instances = new Map<string, INodeType | IVersionedNodeType>();

	/** `extra` adds or overrides classes (test-only nodes, stand-ins for n8n-nodes-base nodes). */
	constructor(extra: Record<string, NodeClass> = {}) {
		for (const [name, NodeType] of Object.entries({ ...standInNodes, ...packageNodes, ...extra })) {
			this.instances.set(shortTypeName(name), new NodeType());
		}
	}

	getByName(nodeType: string): INodeType | IVersionedNodeType {
		const found = this.instances.get(shortTypeName(nodeType));
		if (!found) {
			const known = [...this.instances.keys()].join(', ');
			throw new Error(`Unknown node type '${nodeType}' in the test harness (known: ${known}); add it to test/harness/registry.ts or pass it in nodeTypes`);
		}
		return found;
	}

	getByNameAndVersion(nodeType: string, version?: number): INodeType {
		return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
	}

	getKnownTypes() {
		return Object.fromEntries(
			[...this.instances.keys()].map((name) => [`${PACKAGE_NAME}.${name}`, { className: name, sourcePath: '' }]),
		);
	}
}
