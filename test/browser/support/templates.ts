/** The workflow templates the editor test opens: whatever is in workflows/ when the test runs. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectCliSuccess, PACKAGE_NAME, PROJECT_ROOT, readTemplate, type N8nInstance, type Template } from '../../e2e/support';

export interface TemplateInEditor {
	/** File name without `.json`, used in test names and screenshot names. */
	slug: string;
	/** The template file, for the editor's Import from File. */
	file: string;
	id: string;
	/** Names of the nodes the canvas draws as nodes (sticky notes are drawn differently). */
	nodeNames: string[];
	/** Names of the nodes from this package (type `<package>.<node>`), the ones the test checks. */
	ourNodes: string[];
}

const WORKFLOWS_DIR = path.join(PROJECT_ROOT, 'workflows');

export function listTemplates(): TemplateInEditor[] {
	return fs
		.readdirSync(WORKFLOWS_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => {
			const { id, nodes } = readTemplate(file);
			return {
				slug: file.replace(/\.json$/, ''),
				file: path.join(WORKFLOWS_DIR, file),
				id,
				nodeNames: nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.name),
				ourNodes: nodes.filter((node) => node.type.startsWith(`${PACKAGE_NAME}.`)).map((node) => node.name),
			};
		});
}

/**
 * All templates in one `n8n import:workflow --separate` (every CLI start costs seconds); workflows/ also holds a CSV.
 * `adjusted` replaces a template file by the given workflow (e.g. with its Data table chosen).
 */
export async function importAllTemplates(n8n: N8nInstance, adjusted: Record<string, Template> = {}): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-browser-templates-'));
	try {
		for (const file of fs.readdirSync(WORKFLOWS_DIR).filter((name) => name.endsWith('.json'))) {
			if (adjusted[file]) fs.writeFileSync(path.join(dir, file), JSON.stringify(adjusted[file]));
			else fs.copyFileSync(path.join(WORKFLOWS_DIR, file), path.join(dir, file));
		}
		expectCliSuccess(await n8n.cli(['import:workflow', '--separate', `--input=${dir}`]), 'import of the templates in workflows/');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}
