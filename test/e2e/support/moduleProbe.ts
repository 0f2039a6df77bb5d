/**
 * A test-only community package installed next to ours, whose node reports from inside n8n which files
 * our installed nodes get for zod, lodash and n8n-workflow. Our package ships no dependencies, so
 * these must resolve to n8n's own copies (n8n puts its node_modules on NODE_PATH for community nodes).
 */
import * as fs from 'fs';
import * as path from 'path';

export const PROBE_PACKAGE = 'n8n-nodes-ocpi-e2e-probe';
export const PROBE_NODE_TYPE = `${PROBE_PACKAGE}.moduleProbe`;

const NODE_SOURCE = String.raw`
const path = require('path');
const MODULES = ['zod', 'lodash', 'n8n-workflow'];
class ModuleProbe {
	constructor() {
		this.description = {
			displayName: 'Module Probe', name: 'moduleProbe', group: ['transform'], version: 1,
			description: 'Test only', defaults: { name: 'Module Probe' }, inputs: ['main'], outputs: ['main'],
			properties: [{ displayName: 'Package', name: 'packageName', type: 'string', default: '' }],
		};
	}
	async execute() {
		const packageName = this.getNodeParameter('packageName', 0);
		const packageDir = path.join(__dirname, '..', '..', packageName);
		// Modules already loaded by the package's files, as this n8n process loaded them.
		const loaded = {};
		for (const [id, mod] of Object.entries(require.cache)) {
			if (!id.startsWith(packageDir + path.sep) || id.includes(path.sep + 'node_modules' + path.sep, packageDir.length)) continue;
			for (const child of mod.children) {
				const name = MODULES.find((m) => child.id.includes(path.sep + 'node_modules' + path.sep + m + path.sep));
				if (name) (loaded[name] = loaded[name] || []).push(child.id);
			}
		}
		// What a require() from the package's dist would get, resolved with n8n's NODE_PATH in force.
		const resolved = {};
		const works = {};
		for (const name of MODULES) {
			try {
				resolved[name] = require.resolve(name, { paths: [path.join(packageDir, 'dist')] });
			} catch (error) {
				resolved[name] = 'NOT FOUND: ' + error.message;
			}
		}
		try {
			const { z } = require(resolved.zod);
			works.zod = z.object({ id: z.string() }).safeParse({ id: 'LOC-1' }).success;
		} catch (error) { works.zod = String(error); }
		try {
			works.lodash = require(resolved.lodash).get({ a: { b: 1 } }, 'a.b') === 1;
		} catch (error) { works.lodash = String(error); }
		return [[{ json: { packageDir, loaded, resolved, works } }]];
	}
}
module.exports = { ModuleProbe };
`;

/** Writes the probe package straight into `<userFolder>/.n8n/nodes/node_modules`, where n8n scans for `n8n-nodes-*`. */
export function installModuleProbe(userFolder: string): string {
	const dir = path.join(userFolder, '.n8n', 'nodes', 'node_modules', PROBE_PACKAGE);
	fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
	fs.writeFileSync(path.join(dir, 'dist', 'ModuleProbe.node.js'), NODE_SOURCE);
	const manifest = {
		name: PROBE_PACKAGE,
		version: '0.0.0',
		private: true,
		n8n: { n8nNodesApiVersion: 1, nodes: ['dist/ModuleProbe.node.js'], credentials: [] },
	};
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, '\t'));
	return dir;
}
