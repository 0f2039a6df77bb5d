/**
 * `--n8n-trace-gc`: what is live in the n8n server's heap, not only how high its RSS went. Node refuses
 * `--trace-gc` in NODE_OPTIONS, so a preload script (NODE_OPTIONS=--require, allowed) switches V8's trace on
 * (a line per collection; the size after a Mark-Compact is the live heap) and, on SIGUSR2, runs a full
 * collection and prints `[live heap]` with process.memoryUsage(): the bench sends it before and after each phase.
 * With `--n8n-heap-snapshots DIR` it also writes a heap snapshot there first (what is live, by constructor).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRELOAD = `'use strict';
const v8 = require('v8');
const vm = require('vm');
v8.setFlagsFromString('--trace-gc');
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc');
const mb = (bytes) => Math.round(bytes / 1048576);
const snapshots = process.env.OCPI_BENCH_HEAP_SNAPSHOTS;
process.on('SIGUSR2', () => {
	gc();
	if (snapshots) v8.writeHeapSnapshot(require('path').join(snapshots, 'n8n-' + Math.round(process.uptime()) + 's.heapsnapshot'));
	const m = process.memoryUsage();
	process.stdout.write('[live heap] ' + Math.round(process.uptime() * 1000) + ' ms: heapUsed ' + mb(m.heapUsed) + ' MB, heapTotal ' + mb(m.heapTotal) + ' MB, external ' + mb(m.external) + ' MB, arrayBuffers ' + mb(m.arrayBuffers) + ' MB, rss ' + mb(m.rss) + ' MB\\n');
});
`;

/** Writes the preload into `dir` and returns the NODE_OPTIONS flag that loads it. */
export function gcTraceOption(dir: string): string {
	const file = join(dir, 'gc-trace-preload.js');
	writeFileSync(file, PRELOAD);
	return `--require ${file}`;
}

const count = (log: string): number => log.split('[live heap]').length;

/** Asks the server for a full collection and a `[live heap]` line, and waits until it is printed (a snapshot takes a while). */
export async function logLiveHeap(pid: number, serverLog: () => string): Promise<void> {
	const before = count(serverLog());
	process.kill(pid, 'SIGUSR2');
	const deadline = Date.now() + 300_000;
	while (count(serverLog()) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
}
