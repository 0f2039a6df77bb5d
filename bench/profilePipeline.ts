/**
 * `node -r ts-node/register/transpile-only bench/profilePipeline.ts [sync|unchanged|mapper|validator|rowsJson|heldJson] [locations] [out.cpuprofile]`:
 * a CPU profile of one pipeline task alone (the chunks are prepared before the profiler starts), for finding
 * where the pipeline section's time goes. Open the file in Chrome DevTools or VS Code.
 */
import './setup';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { stripMetadata } from '../core/sync';
import { assetRowsFromNetwork } from './fixtures/assetRowsFromNetwork';
import { generateLocations, inChunks } from './fixtures/network/generateNetwork';
import { benchProfile } from './sections/mapping';
import { mapperNode, pushNode, validatorNode } from './sections/nodeChain';

const PASSES = 5;
const TASKS = ['sync', 'unchanged', 'mapper', 'validator', 'rowsJson', 'heldJson'] as const;

async function main(): Promise<void> {
	const [taskArg = 'sync', countArg = '10000', out = 'pipeline.cpuprofile'] = process.argv.slice(2);
	const task = TASKS.find((name) => name === taskArg);
	if (!task) throw new Error(`task must be one of ${TASKS.join(', ')}`);
	const profile = benchProfile();
	const chunks = [...inChunks(generateLocations({ seed: 1, locations: Number(countArg) }), 1000)].map((locations) => {
		const rows = assetRowsFromNetwork(locations);
		const mapped = mapperNode(rows, profile);
		const { valid } = validatorNode(mapped);
		const held = JSON.parse(JSON.stringify(valid.map((item) => stripMetadata(item.json)))) as unknown[];
		return { rows, mapped, valid, held };
	});
	const run = async (chunk: (typeof chunks)[number]): Promise<unknown[]> => {
		// the section's baselines
		if (task === 'rowsJson') return JSON.parse(JSON.stringify(chunk.rows)) as unknown[];
		if (task === 'heldJson') return JSON.parse(JSON.stringify(chunk.held)) as unknown[];
		if (task === 'mapper') return mapperNode(chunk.rows, profile);
		if (task === 'validator') return validatorNode(chunk.mapped).valid;
		if (task === 'unchanged') return (await pushNode(chunk.valid, chunk.held)).output;
		return (await pushNode(validatorNode(mapperNode(chunk.rows, profile)).valid, chunk.held)).output;
	};
	// warm-up, so the profile shows optimised code
	for (const chunk of chunks.slice(0, 2)) await run(chunk);
	const session = new Session();
	session.connect();
	const post = promisify(session.post.bind(session)) as (method: string, params?: object) => Promise<{ profile?: unknown }>;
	await post('Profiler.enable');
	await post('Profiler.start');
	// several passes: the fastest says most about the code on a shared machine
	const passes: number[] = [];
	const cpu: number[] = [];
	for (let pass = 0; pass < PASSES; pass++) {
		const start = performance.now();
		const startCpu = process.cpuUsage();
		for (const chunk of chunks) await run(chunk);
		passes.push(Math.round(performance.now() - start));
		const used = process.cpuUsage(startCpu);
		cpu.push(Math.round((used.user + used.system) / 1000));
	}
	const { profile: cpuProfile } = await post('Profiler.stop');
	writeFileSync(out, JSON.stringify(cpuProfile));
	console.log(`${task}: ${chunks.length} chunks, fastest of ${PASSES} passes ${Math.min(...passes)} ms (${passes.join(', ')}), CPU ${Math.min(...cpu)} ms (${cpu.join(', ')}); profile in ${out}`);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exitCode = 1;
});
