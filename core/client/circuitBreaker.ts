/**
 * Stops a run against a CPMS that cannot be reached: after `limit` connection failures in a row
 * (no answer at all, whatever the request), every further call fails at once with "CPMS unreachable"
 * instead of waiting out its own retries and timeouts. Any answer closes it again. One per client, so
 * per execution: the next run tries afresh and converges.
 */
import { OcpiError } from './ocpiError';

export interface CircuitBreaker {
	/** Throws when open. */
	check(where: string, details: { method: string; path: string }): void;
	answered(): void;
	noAnswer(reason: string): void;
}

export function createCircuitBreaker(limit: number): CircuitBreaker {
	let failures = 0;
	let lastReason = '';
	const enabled = Number.isFinite(limit) && limit > 0;
	return {
		check(where, details) {
			if (!enabled || failures < limit) return;
			throw new OcpiError(`${where}: CPMS unreachable: ${failures} connection failures in a row (last: ${lastReason}); not tried, the next run tries again`, {
				...details,
				kind: 'unreachable',
				retryable: false,
			});
		},
		answered() {
			failures = 0;
		},
		noAnswer(reason) {
			failures++;
			lastReason = reason;
		},
	};
}
