/**
 * Every parameter a template sets on one of this package's nodes is one that node version declares. n8n ignores
 * an undeclared parameter without a word, so a setting written at top level for a version that keeps it in its
 * Options collection (or the other way round) would silently fall back to the default.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeProperties, INodeType } from 'n8n-workflow';
import { PACKAGE_NAME, packageNodes } from '../harness/registry';

const WORKFLOWS = path.resolve(__dirname, '../../workflows');

interface TemplateNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
}

/** Whether a property is offered at this node version (n8n's `@version` display condition). */
function offeredAt(property: INodeProperties, version: number): boolean {
	const wanted = property.displayOptions?.show?.['@version'] as unknown[] | undefined;
	if (!wanted) return true;
	return wanted.some((condition) => {
		if (typeof condition === 'number') return condition === version;
		const gte = (condition as { _cnd?: { gte?: number } })._cnd?.gte;
		return gte !== undefined && version >= gte;
	});
}

function declared(properties: INodeProperties[], version: number): Map<string, INodeProperties[]> {
	const byName = new Map<string, INodeProperties[]>();
	for (const property of properties.filter((p) => offeredAt(p, version))) byName.set(property.name, [...(byName.get(property.name) ?? []), property]);
	return byName;
}

/** Option names a collection parameter accepts (any of the same-named declarations). */
function collectionOptions(properties: INodeProperties[]): Set<string> {
	return new Set(properties.flatMap((property) => (property.type === 'collection' ? (property.options ?? []).map((option) => (option as INodeProperties).name) : [])));
}

const templates = fs.readdirSync(WORKFLOWS).filter((file) => file.endsWith('.json'));

describe('templates set only parameters their node versions declare', () => {
	it.each(templates)('%s', (file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(WORKFLOWS, file), 'utf8')) as { nodes: TemplateNode[] };
		const ours = workflow.nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`));
		const problems: string[] = [];
		for (const node of ours) {
			const nodeClass = packageNodes[node.type.slice(PACKAGE_NAME.length + 1)];
			expect(nodeClass).toBeDefined();
			const description = (new nodeClass() as INodeType).description;
			const byName = declared(description.properties, node.typeVersion);
			for (const [name, value] of Object.entries(node.parameters)) {
				// n8n itself adds the poll schedule to every polling node
				if (description.polling && name === 'pollTimes') continue;
				const properties = byName.get(name);
				if (!properties) {
					problems.push(`${node.name} (v${node.typeVersion}): '${name}' is not a parameter of this version`);
					continue;
				}
				const options = collectionOptions(properties);
				if (options.size === 0 || value === null || typeof value !== 'object') continue;
				for (const option of Object.keys(value as object)) {
					if (!options.has(option)) problems.push(`${node.name} (v${node.typeVersion}): '${name}.${option}' is not an option of this version`);
				}
			}
		}
		expect(problems).toEqual([]);
	});
});
