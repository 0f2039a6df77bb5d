/**
 * Suppressing redelivered webhook events (senders retry when an answer is lost) by event id within a time
 * window. The state is `{seen: {eventId: epochMs}}`, pruned by age and capped (oldest dropped first) so it
 * stays small in the node's static data.
 */
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
