/**
 * n8n in queue mode for a test file: a private Postgres and Redis (scripts/queue), then main, one webhook
 * processor and workers, each with its own user folder and the package installed there as users install it.
 * Started once per file; the servers stop by themselves if the Jest worker dies before dispose().
 */
import { execFileSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createN8nInstance, type N8nInstance } from './n8nInstance';
import { PROJECT_ROOT } from './paths';
import { freePortPair } from './ports';

export interface QueueStack {
	/** Polls, schedules, serves the editor and the CLI; runs no production execution. */
	main: N8nInstance;
	/** Answers production webhooks and puts their executions on the queue. */
	webhook: N8nInstance;
	workers: N8nInstance[];
	/** Starts main first (it migrates the database), then the webhook processor and the workers. */
	start(): Promise<void>;
	stop(): Promise<void>;
	stopRedis(): void;
	startRedis(): void;
	/** Postgres and Redis together: for a restart of the whole stack (stop() the n8n processes first). */
	stopServers(): void;
	startServers(): void;
	/** Which worker (index in `workers`) ran an execution, from the workers' logs; undefined when none did. */
	workerOf(executionId: string | number): number | undefined;
	dispose(): Promise<void>;
}

function queueScript(name: string, args: string[]): string {
	return execFileSync('bash', [path.join(PROJECT_ROOT, 'scripts/queue', name), ...args], {
		cwd: PROJECT_ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 10 * 60_000,
	});
}

/** The environment scripts/queue/env.sh gives every process of the stack. */
function queueEnv(postgresPort: number, redisPort: number): NodeJS.ProcessEnv {
	const key = crypto.randomBytes(24).toString('hex');
	const lines = queueScript('env.sh', [String(postgresPort), String(redisPort), key]).trim().split('\n');
	return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

async function healthy(baseUrl: string): Promise<boolean> {
	return (await fetch(`${baseUrl}/healthz/readiness`)).ok;
}

export async function startQueueStack(options: { workers?: number; concurrency?: number } = {}): Promise<QueueStack> {
	// Postgres runs as the `postgres` user when we are root: the folder must be reachable for it.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-e2e-queue-'));
	fs.chmodSync(dir, 0o755);
	const postgresDir = path.join(dir, 'postgres');
	const redisDir = path.join(dir, 'redis');
	const postgresPort = await freePortPair();
	const redisPort = await freePortPair();
	const owner = String(process.pid);
	const startRedis = () => void queueScript('redis.sh', ['start', redisDir, String(redisPort), owner]);
	const stopRedis = () => void queueScript('redis.sh', ['stop', redisDir]);
	const startServers = () => {
		queueScript('postgres.sh', ['start', postgresDir, String(postgresPort), owner]);
		startRedis();
	};
	const stopServers = () => {
		stopRedis();
		queueScript('postgres.sh', ['stop', postgresDir]);
	};
	startServers();
	const shared = queueEnv(postgresPort, redisPort);

	const webhook = await createN8nInstance({ command: ['webhook'], env: () => shared, ready: healthy });
	const main = await createN8nInstance({ env: () => ({ ...shared, WEBHOOK_URL: `${webhook.baseUrl}/` }) });
	const concurrency = options.concurrency ?? 5;
	const workers = await Promise.all(
		Array.from({ length: options.workers ?? 2 }, () =>
			createN8nInstance({
				command: ['worker', `--concurrency=${concurrency}`],
				env: (port) => ({ ...shared, QUEUE_HEALTH_CHECK_PORT: String(port) }),
				ready: healthy,
			}),
		),
	);
	const n8nProcesses = [main, webhook, ...workers];

	return {
		main,
		webhook,
		workers,
		async start() {
			await main.start();
			await Promise.all([webhook, ...workers].map((instance) => instance.start()));
		},
		async stop() {
			await Promise.all(n8nProcesses.map((instance) => instance.stop()));
		},
		stopRedis,
		startRedis,
		stopServers,
		startServers,
		workerOf(executionId) {
			const started = new RegExp(`Worker started execution ${executionId} \\(`);
			const index = workers.findIndex((worker) => started.test(worker.serverLog()));
			return index < 0 ? undefined : index;
		},
		async dispose() {
			await Promise.all(n8nProcesses.map((instance) => instance.dispose()));
			stopServers();
			if (!process.env.KEEP_N8N_E2E) fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}
