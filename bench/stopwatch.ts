/**
 * Timed tasks run in turn on the same chunk. The order rotates from chunk to chunk, so a burst of
 * noise on the shared cores, or the garbage one task leaves for the next to collect, lands on
 * every task alike instead of always on the same one.
 */
import { performance } from 'node:perf_hooks';

export interface TimedTask<C> {
	name: string;
	/** Returns how many objects it accepted (or any number), kept so the work cannot be optimised away. */
	run(chunk: C): number;
}

export interface TaskTotals {
	name: string;
	ms: number;
	/** Milliseconds per chunk, for medians that shrug off a noisy chunk. */
	chunkMs: number[];
	result: number;
	/** Set when the task threw; it is then left out of later chunks. */
	failure?: string;
}

export class RotatingStopwatch<C> {
	readonly totals: TaskTotals[];
	private round = 0;

	constructor(private readonly tasks: ReadonlyArray<TimedTask<C>>) {
		this.totals = tasks.map((task) => ({ name: task.name, ms: 0, chunkMs: [], result: 0 }));
	}

	measure(chunk: C): void {
		const count = this.tasks.length;
		for (let step = 0; step < count; step++) {
			const index = (this.round + step) % count;
			const totals = this.totals[index];
			if (totals.failure !== undefined) continue;
			const start = performance.now();
			try {
				totals.result += this.tasks[index].run(chunk);
			} catch (error) {
				totals.failure = error instanceof Error ? error.message : String(error);
				continue;
			}
			const elapsed = performance.now() - start;
			totals.ms += elapsed;
			totals.chunkMs.push(elapsed);
		}
		this.round++;
	}

	get(name: string): TaskTotals {
		const found = this.totals.find((totals) => totals.name === name);
		if (!found) throw new Error(`no task '${name}'`);
		return found;
	}
}

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = sorted.length >> 1;
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of per-chunk ratios a/b: steadier than the ratio of totals when a few chunks are hit by noise. */
export function medianRatio(a: TaskTotals, b: TaskTotals): number {
	const count = Math.min(a.chunkMs.length, b.chunkMs.length);
	const ratios: number[] = [];
	for (let i = 0; i < count; i++) ratios.push(a.chunkMs[i] / b.chunkMs[i]);
	return median(ratios);
}
