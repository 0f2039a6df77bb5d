#!/usr/bin/env node
/**
 * n8n's community package scan, run locally: packs this package as npm would publish it and runs
 * @n8n/scan-community-package's lint checks on the source (nodes, credentials, package.json) and on the tarball
 * (compiled JS and the published package.json), as its CLI does for a package on the registry. The CLI itself
 * needs the package on the registry with provenance (checked by the publish workflow, not here).
 * Also checks what the tarball holds: every node and credential named in package.json, no source maps of
 * sources it does not ship, and `main` only if it names a shipped file. Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePackage, SOURCE_FILE_PATTERNS } from '@n8n/scan-community-package/scanner/scanner.mjs';
import { tarballProblems } from './tarballProblems.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function run(command, args, cwd) {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr}`);
	return result.stdout;
}

function packed() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-scan-'));
	const [{ filename }] = JSON.parse(run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], root));
	const packageDir = path.join(dir, 'package');
	fs.mkdirSync(packageDir);
	run('tar', ['-xzf', path.join(dir, path.basename(filename)), '-C', packageDir, '--strip-components=1'], dir);
	return { dir, packageDir };
}

function report(label, result) {
	console.log(`${result.passed ? 'passed' : 'FAILED'}: ${label}${result.message ? ` (${result.message})` : ''}`);
	if (result.details) console.log(result.details);
	return result.passed;
}

const { dir, packageDir } = packed();
try {
	// The same two legs, file patterns and config as the scanner's analyzePackageByName.
	const source = await analyzePackage(root, SOURCE_FILE_PATTERNS);
	const tarball = await analyzePackage(packageDir, ['**/*.js', 'package.json']);
	const problems = tarballProblems(packageDir);
	const contents = { passed: problems.length === 0, details: problems.join('\n') || undefined };
	const passed = [
		report('scanner on the source (nodes, credentials, package.json)', source),
		report('scanner on the packed tarball (compiled JS, package.json)', tarball),
		report('tarball contents (nodes and credentials present, no maps of unshipped sources, main)', contents),
	].every(Boolean);
	process.exitCode = passed ? 0 : 1;
} finally {
	fs.rmSync(dir, { recursive: true, force: true });
}
