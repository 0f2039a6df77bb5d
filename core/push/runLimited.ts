/** Runs `task` for indexes 0..count-1, at most `limit` at once; stops starting new ones once `stop()` says so. */
export async function runLimited(count: number, limit: number, stop: () => boolean, task: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && !stop()) await task(next++);
	};
	await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), count) }, worker));
}
