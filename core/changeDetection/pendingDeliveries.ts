/**
 * At-least-once delivery for a polling trigger: the changes it emitted whose run has not yet been seen to
 * succeed. An entry is written when its change is emitted, deleted when the run that carried it succeeds and
 * marked failed when that run fails. Failed entries, and entries nobody reported back on for too long (the
 * process was killed mid-run), are emitted again by a later poll. One entry per id: a later emission of the
 * same id supersedes the earlier one (its run no longer settles it). Plain JSON, so it can live in static data.
 * A change emitted MAX_UNANSWERED_EMISSIONS times without any run answering is given up (the caller says so):
 * where run results never come back (a setup that loses them), re-sending forever would only add load.
 */
import { isRecord } from '../foundation/json';

export type DeliveryChange = 'created' | 'updated' | 'unchanged' | 'removed';

export interface PendingDelivery {
	change: DeliveryChange;
	/** The group the record was emitted with (Emit Whole Group on Change): the whole group is emitted again. */
	group?: string;
	/** The emission that carried it: only that emission's run settles it. */
	token: string;
	/** Epoch ms of that emission. */
	emittedAt: number;
	/** Its run ended without success: emitted again by the next poll. */
	failed?: true;
	/** Only where a later pull will not bring the record again (incremental): the record as emitted. */
	record?: Record<string, unknown>;
	/** Emissions in a row that no run answered (absent: 1). */
	attempts?: number;
}

/** id → what is pending for it. */
export type PendingDeliveries = Record<string, PendingDelivery>;

export interface EmittedChange {
	id: string;
	change: DeliveryChange;
	group?: string;
	record?: Record<string, unknown>;
	/** Emitted again because its last emission was never answered: counts towards giving up. */
	unanswered?: boolean;
}

/** Emissions of one change without any run answering, after which it is given up. */
export const MAX_UNANSWERED_EMISSIONS = 3;

/** Beyond this many entries the oldest are dropped (the caller says so): the state must stay small. */
export const MAX_PENDING_DELIVERIES = 10_000;

const CHANGES: readonly string[] = ['created', 'updated', 'unchanged', 'removed'];

function isEntry(value: unknown): value is PendingDelivery {
	if (!isRecord(value)) return false;
	const entry = value as Partial<PendingDelivery>;
	return CHANGES.includes(entry.change as string) && typeof entry.token === 'string' && typeof entry.emittedAt === 'number' && Number.isFinite(entry.emittedAt);
}

/** The valid entries of a stored value (anything else, e.g. from a hand-edited or older state, is ignored). */
export function readPending(stored: unknown): PendingDeliveries {
	const pending: PendingDeliveries = {};
	if (!isRecord(stored)) return pending;
	for (const [id, entry] of Object.entries(stored)) if (isEntry(entry)) pending[id] = entry;
	return pending;
}

export interface RecordedEmission {
	pending: PendingDeliveries;
	/** Ids dropped because the bound was reached (oldest emission first). */
	dropped: string[];
}

/** The pending set after an emission: every emitted id now waits for this emission's run. */
export function recordEmission(
	pending: PendingDeliveries,
	emitted: Iterable<EmittedChange>,
	token: string,
	now: number,
	max = MAX_PENDING_DELIVERIES,
): RecordedEmission {
	const next: PendingDeliveries = { ...pending };
	for (const change of emitted) {
		const entry: PendingDelivery = { change: change.change, token, emittedAt: now };
		if (change.group !== undefined) entry.group = change.group;
		if (change.record !== undefined) entry.record = change.record;
		const before = Object.prototype.hasOwnProperty.call(next, change.id) ? next[change.id] : undefined;
		if (change.unanswered && before && !before.failed) entry.attempts = (before.attempts ?? 1) + 1;
		// delete first so the id moves to the end: insertion order is emission order
		delete next[change.id];
		next[change.id] = entry;
	}
	const ids = Object.keys(next);
	if (ids.length <= max) return { pending: next, dropped: [] };
	const dropped = ids
		.map((id, order) => ({ id, order, at: next[id].emittedAt }))
		.sort((a, b) => a.at - b.at || a.order - b.order)
		.slice(0, ids.length - Math.max(0, max))
		.map((e) => e.id);
	for (const id of dropped) delete next[id];
	return { pending: next, dropped };
}

export type RunOutcome = 'succeeded' | 'failed' | 'unknown';

/** The parts of n8n's IRun this looks at (kept structural: the core knows nothing of n8n). */
export interface RunSummary {
	status?: string;
	finished?: boolean;
	data?: { resultData?: { error?: unknown } };
}

/**
 * succeeded: the run ended in success; unknown: it has not ended (waiting, e.g. a Wait node resuming later),
 * so the entries stay and are emitted again once overdue; failed: anything else, including no run at all.
 */
export function runOutcome(run: RunSummary | null | undefined): RunOutcome {
	if (!run || typeof run !== 'object') return 'failed';
	if (run.data?.resultData?.error) return 'failed';
	if (run.status === 'success') return 'succeeded';
	if (run.status === 'waiting' || run.status === 'running' || run.status === 'new') return 'unknown';
	return run.status === undefined && run.finished === true ? 'succeeded' : 'failed';
}

/** The pending set once the run of emission `token` ended: confirmed entries go, failed ones are marked. */
export function settleEmission(pending: PendingDeliveries, token: string, outcome: RunOutcome): PendingDeliveries {
	if (outcome === 'unknown') return pending;
	const next: PendingDeliveries = {};
	for (const [id, entry] of Object.entries(pending)) {
		if (entry.token !== token) next[id] = entry;
		else if (outcome === 'failed') next[id] = { ...entry, failed: true };
	}
	return next;
}

export interface DueDeliveries {
	/** To emit again now: failed entries, and entries unconfirmed for at least `redeliverAfterMs`. */
	due: Array<[string, PendingDelivery]>;
	/** Overdue entries already emitted MAX_UNANSWERED_EMISSIONS times with no answer: to forget. */
	givenUp: string[];
}

export function dueForRedelivery(pending: PendingDeliveries, now: number, redeliverAfterMs: number, maxUnanswered = MAX_UNANSWERED_EMISSIONS): DueDeliveries {
	const result: DueDeliveries = { due: [], givenUp: [] };
	for (const [id, entry] of Object.entries(pending)) {
		if (entry.failed === true) result.due.push([id, entry]);
		else if (now - entry.emittedAt < redeliverAfterMs) continue;
		else if ((entry.attempts ?? 1) >= maxUnanswered) result.givenUp.push(id);
		else result.due.push([id, entry]);
	}
	return result;
}
