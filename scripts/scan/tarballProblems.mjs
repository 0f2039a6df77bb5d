/** What an unpacked package tarball must hold for n8n to load it, and what it must not carry. */
import fs from 'node:fs';
import path from 'node:path';

function filesUnder(dir) {
	return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/** Problems, one sentence each; none when the package is fine. */
export function tarballProblems(packageDir) {
	const problems = [];
	const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	const declared = [...(manifest.n8n?.nodes ?? []), ...(manifest.n8n?.credentials ?? [])];
	if (declared.length === 0) problems.push('package.json names no n8n nodes or credentials');
	for (const file of declared) if (!fs.existsSync(path.join(packageDir, file))) problems.push(`${file} is named in package.json but not in the tarball`);
	if (manifest.main !== undefined && !fs.existsSync(path.join(packageDir, manifest.main))) problems.push(`main names ${manifest.main}, which is not in the tarball`);
	if (Object.keys(manifest.dependencies ?? {}).length > 0) problems.push('community nodes must have no runtime dependencies');
	for (const file of filesUnder(packageDir).filter((name) => name.endsWith('.map'))) {
		const map = JSON.parse(fs.readFileSync(file, 'utf8'));
		const missing = (map.sources ?? []).filter((source, index) => !map.sourcesContent?.[index] && !fs.existsSync(path.resolve(path.dirname(file), map.sourceRoot ?? '', source)));
		if (missing.length > 0) problems.push(`${path.relative(packageDir, file)} maps sources the tarball does not ship: ${missing.join(', ')}`);
	}
	return problems;
}
