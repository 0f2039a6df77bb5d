/** At most `max` tasks running at once; the others wait in order. State is per instance. */
export interface ConcurrencyLimit {
	run<T>(task: () => Promise<T>): Promise<T>;
}

export function createConcurrencyLimit(max: number): ConcurrencyLimit {
	const limit = Math.max(1, Math.floor(max) || 1);
	let running = 0;
	const waiting: Array<() => void> = [];

	const release = () => {
		running--;
		const next = waiting.shift();
		if (next) next();
	};

	return {
		async run(task) {
			if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
			running++;
			try {
				return await task();
			} finally {
				release();
			}
		},
	};
}
