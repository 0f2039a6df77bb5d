/** Reading what n8n's CLI prints. */
import type { IRun } from 'n8n-workflow';
import type { CliResult } from './n8nInstance';

/** `n8n execute --rawOutput` prints the run as JSON, possibly after log lines: take the first line that opens it. */
export function parseRawRun(result: CliResult): IRun {
	const describe = () => `exit ${result.code}${result.timedOut ? ' (timed out)' : ''}\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`;
	if (result.code !== 0) throw new Error(`n8n execute failed: ${describe()}`);
	const start = result.stdout.search(/^\{/m);
	if (start < 0) throw new Error(`n8n execute printed no JSON: ${describe()}`);
	return JSON.parse(result.stdout.slice(start)) as IRun;
}

/** Fails with n8n's own output when a CLI command did not succeed. */
export function expectCliSuccess(result: CliResult, what: string): void {
	if (result.code === 0) return;
	throw new Error(`${what} failed with exit ${result.code}${result.timedOut ? ' (timed out)' : ''}:\n${result.stdout}\n${result.stderr}`);
}
