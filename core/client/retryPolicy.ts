/** When to retry and how long to wait: exponential backoff with full jitter, capped; Retry-After wins. */
import { instantMs } from '../foundation/dateTime';
import type { RetryOptions } from './types';

/** Full jitter (random in [0, min(cap, base·2^(n-1)))): spreads retries of many clients apart. `attempt` = failed attempts so far. */
export function backoffDelayMs(attempt: number, retry: RetryOptions, random: () => number): number {
	const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}

/** Retry-After as delay-seconds or an HTTP-date (RFC 9110); undefined when absent or unreadable. */
export function retryAfterMs(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined) return undefined;
	const text = value.trim();
	if (/^\d+$/.test(text)) return Number(text) * 1000;
	const date = instantMs(text);
	return date === undefined ? undefined : Math.max(0, date - nowMs);
}

/** 3xxx are server errors (may pass); hub 4002 (timeout) and 4003 (connection) too. 2xxx never: the request itself is wrong. */
export function isRetryableOcpiStatus(code: number): boolean {
	return (code >= 3000 && code < 4000) || code === 4002 || code === 4003;
}

export function isRetryableHttpStatus(status: number): boolean {
	return status === 429 || status >= 500;
}
