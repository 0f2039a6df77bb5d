/**
 * The check-and-remember of duplicate detection, atomic within one process.
 *
 * n8n hands every webhook request its own copy of the workflow's static data, read from the database when the
 * request arrives and written back after the node has answered; copies of one delivery that arrive together
 * all read the state from before any of them, so static data alone lets each of them run. A claim here is
 * taken synchronously (no await between the check and the claim), so of simultaneous copies exactly one wins.
 * Static data still carries the keys across restarts and to other processes.
 */
export const DEFAULT_MAX_CLAIMS = 10_000;

export class DeliveryClaims {
	/** key → end of its window (epoch ms); Map keeps insertion order, so the oldest claims come first. */
	private readonly until = new Map<string, number>();

	constructor(private readonly maxEntries = DEFAULT_MAX_CLAIMS) {}

	/** True when nobody holds `key` now: it is then held for `windowMs`. False for a duplicate. */
	claim(key: string, nowMs: number, windowMs: number): boolean {
		const held = this.until.get(key);
		if (held !== undefined && held > nowMs) return false;
		this.until.delete(key);
		this.until.set(key, nowMs + windowMs);
		if (this.until.size > this.maxEntries) this.prune(nowMs);
		return true;
	}

	get size(): number {
		return this.until.size;
	}

	/** Expired claims go; if there are still too many, the oldest go (a flood weakens detection, never memory). */
	private prune(nowMs: number): void {
		for (const [key, end] of this.until) if (end <= nowMs) this.until.delete(key);
		for (const key of this.until.keys()) {
			if (this.until.size <= this.maxEntries) break;
			this.until.delete(key);
		}
	}
}
