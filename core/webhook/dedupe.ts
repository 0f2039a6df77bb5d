/**
 * Suppressing redelivered webhook events (senders retry when an answer is lost) within a time window.
 *
 * The key is taken from signed content only (deliveryKey): the body's event id, or a digest of the signed
 * bytes. A header outside the signature could be set to anything by whoever captured a delivery: a new id
 * would run a replay again, and the id of a future event would make the real one be dropped.
 *
 * The state is `{seen: {key: epochMs}}`, pruned by age and capped (oldest dropped first) so it stays small
 * in the node's static data.
 */
import { createHash } from 'crypto';
import { signedContent } from './signature';
export interface DedupeState {
	seen: Record<string, number>;
}

export interface DedupeOptions {
	windowSeconds: number;
	/** Most ids kept; default 1000. */
	maxEntries?: number;
	nowMs?: number;
}

export interface DedupeResult {
	accept: boolean;
	reason: string;
	nextState: DedupeState;
}

export const DEFAULT_MAX_ENTRIES = 1000;

function pruned(seen: Record<string, number>, oldestMs: number, maxEntries: number): Record<string, number> {
	const kept = Object.entries(seen).filter(([, at]) => typeof at === 'number' && Number.isFinite(at) && at >= oldestMs);
	kept.sort((a, b) => b[1] - a[1]);
	return Object.fromEntries(kept.slice(0, Math.max(0, maxEntries)));
}

export function acceptEventId(state: DedupeState | undefined | null, eventId: unknown, options: DedupeOptions): DedupeResult {
	const now = options.nowMs ?? Date.now();
	const windowMs = Math.max(0, Number(options.windowSeconds) || 0) * 1000;
	const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
	const previous = state && state.seen && typeof state.seen === 'object' ? state.seen : {};
	const seen = pruned(previous, now - windowMs, maxEntries);
	const id = typeof eventId === 'number' && Number.isFinite(eventId) ? String(eventId) : eventId;
	if (typeof id !== 'string' || id === '') return { accept: true, reason: 'no event id: cannot detect duplicates', nextState: { seen } };
	if (Object.prototype.hasOwnProperty.call(seen, id)) return { accept: false, reason: `event ${id} already received within the last ${windowMs / 1000} s`, nextState: { seen } };
	return { accept: true, reason: 'new event id', nextState: { seen: pruned({ ...seen, [id]: now }, now - windowMs, maxEntries) } };
}

export interface DeliveryKeyInput {
	/** The raw body as received. */
	body: string | Buffer;
	/** The event id read from the (signed) body, if the sender puts one there. */
	bodyEventId?: string;
	/** The timestamp the signature covers, when the signature covers one. */
	signedTimestamp?: string;
}

/**
 * What identifies a delivery for duplicate detection: the body's event id (a sender's retry re-signs the same
 * body, so it is caught), else `sha256:<hex>` of the signed bytes, timestamp included (an exact replay is
 * caught; a sender's re-signed retry is a new delivery, which is harmless: the Push is idempotent).
 */
export function deliveryKey(input: DeliveryKeyInput): string {
	if (input.bodyEventId !== undefined && input.bodyEventId !== '') return input.bodyEventId;
	return `sha256:${createHash('sha256').update(signedContent(input.body, input.signedTimestamp)).digest('hex')}`;
}
