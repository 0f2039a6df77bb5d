/** Where things live, and one-time preparation shared by every e2e test: the built package and a cached n8n. */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
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

function sleepSync(ms: number): void {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` while holding a lock directory, so parallel Jest workers never build at the same time. */
function withLock<T>(name: string, fn: () => T): T {
	const key = crypto.createHash('sha1').update(PROJECT_ROOT).digest('hex').slice(0, 12);
	const lock = path.join(os.tmpdir(), `ocpi-e2e-${name}-${key}.lock`);
	const deadline = Date.now() + 25 * 60_000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch {
			// A lock left by a killed run is stale after 25 minutes (longer than a cold n8n install).
			const held = fs.statSync(lock, { throwIfNoEntry: false });
			if (held && Date.now() - held.mtimeMs > 25 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
			if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock}`);
			sleepSync(500);
		}
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** Runs `npm run build` when dist/ is missing or older than a source file; the CI script builds first, so usually a no-op. */
export function ensureBuilt(): void {
	withLock('build', buildIfStale);
}

function buildIfStale(): void {
	const dist = path.join(PROJECT_ROOT, 'dist');
	const sources = Math.max(...SOURCE_DIRS.map((dir) => newestMtime(path.join(PROJECT_ROOT, dir))), fs.statSync(path.join(PROJECT_ROOT, 'package.json')).mtimeMs);
	const main = path.join(dist, 'nodes');
	if (fs.existsSync(main) && newestMtime(dist) >= sources) return;
	execFileSync('npm', ['run', 'build'], { cwd: PROJECT_ROOT, stdio: 'pipe', timeout: 5 * 60_000 });
}

/** The cached n8n install (scripts/n8n/install.sh): minutes when cold, instant when warm. Returns its folder. */
export function ensureN8n(version = DEFAULT_N8N_VERSION): string {
	// Serialised so parallel workers on a cold machine wait for one install instead of each paying for it.
	const out = withLock(`n8n-${version}`, () => execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts/n8n/install.sh'), version], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 20 * 60_000,
		maxBuffer: 64 * 1024 * 1024,
	}));
	return out.trim().split('\n').pop()!;
}

/**
 * The folder of the `node` that runs this n8n version (scripts/n8n/install-node.sh maps versions to Node),
 * or undefined when the machine's own Node does (1.x). Installs that Node when missing; instant when cached.
 */
export function nodeBinDirFor(version: string): string | undefined {
	const out = execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts/n8n/install-node.sh'), version], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 10 * 60_000,
	});
	return out.trim().split('\n').pop() || undefined;
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
