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

/** Bookkeeping shared by the two stopwatches: which task runs at which step, and what it cost. */
abstract class Rotation<T extends { name: string }> {
	readonly totals: TaskTotals[];
	private round = 0;

	constructor(protected readonly tasks: ReadonlyArray<T>) {
		this.totals = tasks.map((task) => ({ name: task.name, ms: 0, chunkMs: [], result: 0 }));
	}

	/** Task indexes in this chunk's order (tasks that failed before are left out); advances the rotation. */
	protected nextOrder(): number[] {
		const count = this.tasks.length;
		const order: number[] = [];
		for (let step = 0; step < count; step++) {
			const index = (this.round + step) % count;
			if (this.totals[index].failure === undefined) order.push(index);
		}
		this.round++;
		return order;
	}

	protected record(index: number, start: number, result: number): void {
		const elapsed = performance.now() - start;
		const totals = this.totals[index];
		totals.result += result;
		totals.ms += elapsed;
		totals.chunkMs.push(elapsed);
	}

	protected fail(index: number, error: unknown): void {
		this.totals[index].failure = error instanceof Error ? error.message : String(error);
	}

	get(name: string): TaskTotals {
		const found = this.totals.find((totals) => totals.name === name);
		if (!found) throw new Error(`no task '${name}'`);
		return found;
	}
}

export class RotatingStopwatch<C> extends Rotation<TimedTask<C>> {
	measure(chunk: C): void {
		for (const index of this.nextOrder()) {
			const start = performance.now();
			try {
				this.record(index, start, this.tasks[index].run(chunk));
			} catch (error) {
				this.fail(index, error);
			}
		}
	}
}

/** A task whose work ends in a promise (the Push's sync sequence is async, as in the node). */
export interface AsyncTimedTask<C> {
	name: string;
	run(chunk: C): number | Promise<number>;
}

export class AsyncRotatingStopwatch<C> extends Rotation<AsyncTimedTask<C>> {
	async measure(chunk: C): Promise<void> {
		for (const index of this.nextOrder()) {
			const start = performance.now();
			try {
				this.record(index, start, await this.tasks[index].run(chunk));
			} catch (error) {
				this.fail(index, error);
			}
		}
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
