/** Where things live, and one-time preparation shared by every e2e test: the built package and a cached n8n. */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const PROJECT_ROOT = path.resolve(__dirname, '..', '..', '..');
export const DEFAULT_N8N_VERSION = '1.123.81';
export const PACKAGE_NAME = 'n8n-nodes-ocpi-asset-connector';

const SOURCE_DIRS = ['nodes', 'credentials', 'core'];

function newestMtime(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** Runs `npm run build` when dist/ is missing or older than a source file; the CI script builds first, so usually a no-op. */
export function ensureBuilt(): void {
	const dist = path.join(PROJECT_ROOT, 'dist');
	const sources = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(PROJECT_ROOT, dir))), fs.statSync(path.join(PROJECT_ROOT, 'package.json')).mtimeMs);
	const main = path.join(dist, 'nodes');
	if (fs.existsSync(main) && newestMtime(dist) >= sources) return;
	execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'pipe', timeout: 5 * 60_000 });
}

/** The cached n8n install (scripts/n8n/install.sh): minutes when cold, instant when warm. Returns its folder. */
export function ensureN8n(version = DEFAULT_N8N_VERSION): string {
	const out = execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts/n8n/install.sh'), version], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 20 * 60_000,
		maxBuffer: 64 * 1024 * 1024,
	});
	return out.trim().split('\n').pop()!;
}

/** Installs the packed package into `<userFolder>/.n8n/nodes` as n8n's community-node install does. Returns its folder. */
export function installPackage(userFolder: string): string {
	const out = execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts/n8n/install-package.sh'), userFolder], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 5 * 60_000,
	});
	return out.trim().split('\n').pop()!;
}
