/** Reading what n8n's CLI prints. */
import * as fs from 'fs';
import * as path from 'path';
import type { INodeExecutionData, IRun } from 'n8n-workflow';
import type { CliResult, N8nInstance } from './n8nInstance';

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

/** Node name → the output lists of its first run. */
export type NodeOutputs = Record<string, INodeExecutionData[][]>;

/** Imports a workflow file (it keeps its id) and runs it once from its Manual Trigger. */
export async function importAndRunWorkflow(n8n: N8nInstance, file: string): Promise<NodeOutputs> {
	const { id } = JSON.parse(fs.readFileSync(file, 'utf8')) as { id: string };
	expectCliSuccess(await n8n.cli(['import:workflow', `--input=${file}`]), `import of ${path.basename(file)}`);
	const run = parseRawRun(await n8n.cli(['execute', `--id=${id}`, '--rawOutput']));
	if (run.data.resultData.error) throw new Error(`the run failed: ${run.data.resultData.error.message}`);
	return Object.fromEntries(
		Object.entries(run.data.resultData.runData).map(([name, tasks]) => [name, (tasks[0].data?.main ?? []) as INodeExecutionData[][]]),
	);
}
