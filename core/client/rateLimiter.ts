/**
 * At most `maxPerSecond` request starts per second (see below for fractions). Waits with the injected sleep
 * (n8n forbids timers in node code); the state lives in the returned object, one per client.
 */
import type { Sleep } from './types';

export interface RateLimiter {
	acquire(): Promise<void>;
}

export function createRateLimiter(maxPerSecond: number, sleep: Sleep, now: () => number): RateLimiter {
	if (!(maxPerSecond > 0) || !Number.isFinite(maxPerSecond)) return { acquire: async () => undefined };
	// whole rates: that many starts in any sliding second; a fraction (3.3) spaces starts evenly (one per 303 ms),
	// so no second ever sees more than the rate rounded up
	const limit = Number.isInteger(maxPerSecond) ? maxPerSecond : 1;
	const windowMs = (1000 * limit) / maxPerSecond;
	const starts: number[] = [];
	// callers queue up so two cannot take the same free slot
	let queue: Promise<void> = Promise.resolve();

	async function take(): Promise<void> {
		for (;;) {
			const t = now();
			while (starts.length > 0 && starts[0] <= t - windowMs) starts.shift();
			if (starts.length < limit) {
				starts.push(t);
				return;
			}
			await sleep(Math.max(1, starts[0] + windowMs - t));
		}
	}

	return {
		acquire() {
			const turn = queue.then(take);
			queue = turn.catch(() => undefined);
			return turn;
		},
	};
}
