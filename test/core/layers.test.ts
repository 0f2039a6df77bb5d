/**
 * The core's folders form layers: a file imports only from its own folder or from folders below it, so no
 * import runs upward. The order is the one the README's "How the code is laid out" describes; a new
 * folder must be placed in it.
 */
import * as fs from 'fs';
import * as path from 'path';

// lowest first
const LAYERS = ['foundation', 'reference', 'ocpi', 'enrichment', 'validation', 'mapping', 'changeDetection', 'webhook', 'sync', 'client', 'push', 'assetSource', 'export'];

const CORE = path.resolve(__dirname, '../../core');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return /\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
	});
}

/** Every module a file names in an import, export … from or require. */
function importsOf(text: string): string[] {
	const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'";]*?from\s*'([^']+)'/g), ...text.matchAll(/require\('([^']+)'\)/g)];
	return specifiers.map((match) => match[1]);
}

function folderOf(file: string): string {
	return path.relative(CORE, file).split(path.sep)[0];
}

describe('core layers', () => {
	const files = sourceFiles(CORE);

	it('knows every core folder', () => {
		const folders = new Set(files.map(folderOf));
		expect([...folders].filter((folder) => !LAYERS.includes(folder))).toEqual([]);
		expect(files.length).toBeGreaterThan(100);
	});

	it('has no import from a lower folder to a higher one, and none into nodes/ or n8n', () => {
		const wrong: string[] = [];
		let relativeImports = 0;
		for (const file of files) {
			const from = folderOf(file);
			for (const specifier of importsOf(fs.readFileSync(file, 'utf8'))) {
				const name = `${path.relative(CORE, file)} → ${specifier}`;
				if (/^n8n-/.test(specifier)) wrong.push(`${name} (n8n in the core)`);
				if (!specifier.startsWith('.')) continue;
				relativeImports++;
				const target = path.resolve(path.dirname(file), specifier);
				if (!target.startsWith(CORE + path.sep)) {
					wrong.push(`${name} (outside the core)`);
					continue;
				}
				const to = folderOf(target);
				if (LAYERS.indexOf(to) > LAYERS.indexOf(from)) wrong.push(`${name} (${from} is below ${to})`);
			}
		}
		expect(wrong).toEqual([]);
		// the check really read the imports
		expect(relativeImports).toBeGreaterThan(300);
	});
});
