/**
 * One real n8n for a test: its own user folder (database, community nodes), its own ports, the cached
 * n8n binary, and helpers to run CLI commands or a server that is stopped again.
 */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DEFAULT_N8N_VERSION, ensureN8n, installPackage, nodeBinDirFor } from './paths';
import { freePortPair } from './ports';

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

export interface N8nInstance {
	version: string;
	n8nDir: string;
	/** Folder of the `node` that runs this n8n when it is not the machine's own (Node 24 for 2.x). */
	nodeBinDir?: string;
	userFolder: string;
	/** Folder of the installed package (`.n8n/nodes/node_modules/<package>`), when installed. */
	packageDir?: string;
	port: number;
	baseUrl: string;
	env: NodeJS.ProcessEnv;
	cli(args: string[], options?: { timeoutMs?: number }): Promise<CliResult>;
	/** Runs the server command (`n8n start` unless created with another); resolves once it answers as ready. */
	start(options?: { timeoutMs?: number }): Promise<void>;
	/** Stops the server: SIGTERM (a clean shutdown, SIGKILL after 15 s) unless another signal is given. */
	stop(signal?: NodeJS.Signals): Promise<void>;
	/** SIGKILL, as a crash or an OOM kill ends n8n: no shutdown, no state saved. */
	kill(): Promise<void>;
	/** Stops the server and removes the user folder (kept when KEEP_N8N_E2E is set, for debugging). */
	dispose(): Promise<void>;
	/** Everything the server printed, for failure messages. */
	serverLog(): string;
	/** The server's process id while it runs (to sample its memory). */
	serverPid(): number | undefined;
}

/** The environment NOTES.md found for a quiet, offline n8n that uses only this test's folder and ports. */
export function n8nEnv(userFolder: string, port: number, version: string): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		N8N_USER_FOLDER: userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		DB_TYPE: 'sqlite',
	};
	const [major] = version.split('.').map(Number);
	// 1.x's isolated-vm expression engine needs Node >= 22; 2.x refuses N8N_EXPRESSION_ENGINE but needs this module off.
	if (major < 2 && Number(process.versions.node.split('.')[0]) < 22) env.N8N_EXPRESSION_ENGINE = 'legacy';
	if (major >= 2) env.N8N_DISABLED_MODULES = 'mcp-registry';
	// Jest's own variables would make n8n think it runs inside n8n's test suite.
	delete env.JEST_WORKER_ID;
	delete env.NODE_ENV;
	return env;
}

function runProcess(bin: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(bin, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, timedOut });
		});
	});
}

/** `n8n start`'s readiness: /healthz/readiness answers before REST routes exist; /rest/settings with "data" means really up. */
async function restAnswers(baseUrl: string): Promise<boolean> {
	const response = await fetch(`${baseUrl}/rest/settings`);
	return response.ok && (await response.text()).includes('"data"');
}

async function waitForReady(ready: (baseUrl: string) => Promise<boolean>, baseUrl: string, server: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) throw new Error(`n8n exited with ${server.exitCode} before it was ready:\n${log()}`);
		try {
			if (await ready(baseUrl)) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n was not ready within ${timeoutMs} ms:\n${log()}`);
}

export interface N8nInstanceOptions {
	version?: string;
	withPackage?: boolean;
	/** The server command and its flags, e.g. `['worker', '--concurrency=5']` (default `['start']`). */
	command?: string[];
	/** Added to (or overriding) the environment; given this instance's port. */
	env?: (port: number) => NodeJS.ProcessEnv;
	/** When the server counts as ready (default: REST routes answer, as for `n8n start`). */
	ready?: (baseUrl: string) => Promise<boolean>;
}

export async function createN8nInstance(options: N8nInstanceOptions = {}): Promise<N8nInstance> {
	const version = options.version ?? DEFAULT_N8N_VERSION;
	const n8nDir = ensureN8n(version);
	const bin = path.join(n8nDir, 'node_modules', '.bin', 'n8n');
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-e2e-n8n-'));
	const packageDir = options.withPackage === false ? undefined : installPackage(userFolder);
	const port = await freePortPair();
	const env = { ...n8nEnv(userFolder, port, version), ...options.env?.(port) };
	// n8n's bin script starts with `#!/usr/bin/env node`: first on PATH decides which Node runs the CLI and server.
	const nodeBinDir = nodeBinDirFor(version);
	if (nodeBinDir) env.PATH = `${nodeBinDir}${path.delimiter}${env.PATH ?? ''}`;
	const baseUrl = `http://127.0.0.1:${port}`;
	let server: ChildProcess | undefined;
	let log = '';

	const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
		const running = server;
		server = undefined;
		if (!running || running.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
		running.kill(signal);
		const killer = setTimeout(() => running.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(killer);
	};

	return {
		version,
		n8nDir,
		nodeBinDir,
		userFolder,
		packageDir,
		port,
		baseUrl,
		env,
		cli: (args, cliOptions = {}) => runProcess(bin, args, env, cliOptions.timeoutMs ?? 120_000),
		async start(startOptions = {}) {
			if (server) return;
			log = '';
			server = spawn(bin, options.command ?? ['start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
			server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
			server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
			try {
				// n8n 2.x runs ~170 migrations on a fresh database: on a loaded 2-core machine that took over 90 s once
				await waitForReady(options.ready ?? restAnswers, baseUrl, server, startOptions.timeoutMs ?? 180_000, () => log);
			} catch (error) {
				await stop();
				throw error;
			}
		},
		stop: () => stop(),
		kill: () => stop('SIGKILL'),
		async dispose() {
			await stop();
			if (!process.env.KEEP_N8N_E2E) fs.rmSync(userFolder, { recursive: true, force: true });
		},
		serverLog: () => log,
		serverPid: () => (server && server.exitCode === null && server.signalCode === null ? server.pid : undefined),
	};
}
