/**
 * The reference CPMS as its own process (`servers/reference-cpms/main.ts`, as `npm run cpms` starts it), so the
 * bench's client and the server do not share one thread. Ready when it prints its URL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface CpmsProcess {
	url: string;
	versionsUrl: string;
	stop(): Promise<void>;
}

const ROOT = join(__dirname, '..', '..');
const START_TIMEOUT_MS = 60_000;

function stopped(child: ChildProcess): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		child.once('exit', () => resolve());
		child.kill('SIGTERM');
	});
}

export function startCpmsProcess(options: { dataFile: string; token: string }): Promise<CpmsProcess> {
	const args = ['-r', 'ts-node/register/transpile-only', join(ROOT, 'servers/reference-cpms/main.ts')];
	args.push('--port', '0', '--data', options.dataFile, '--token', options.token, '--token-encoding', 'base64', '--callback', 'skip');
	const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => fail(new Error(`the reference CPMS did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`)), START_TIMEOUT_MS);
		const fail = (error: Error) => {
			clearTimeout(timer);
			void stopped(child).then(() => reject(error));
		};
		child.once('exit', (code) => fail(new Error(`the reference CPMS ended with code ${code}:\n${output}`)));
		child.stderr!.on('data', (data: Buffer) => (output += data.toString()));
		child.stdout!.on('data', (data: Buffer) => {
			output += data.toString();
			const url = /Reference CPMS on (http:\/\/\S+)/.exec(output)?.[1];
			if (!url) return;
			clearTimeout(timer);
			child.removeAllListeners('exit');
			resolve({ url, versionsUrl: `${url}/ocpi/versions`, stop: () => stopped(child) });
		});
	});
}
