/**
 * At-least-once delivery in n8n terms. The poll emits through `__emit` with a done promise, which n8n resolves
 * with the run that carried the items once it ends (also in queue mode); the pending deliveries live in the
 * trigger's state next to the change detection. Changes made to the state when a run ends are saved by n8n
 * with the next emission, so after a restart a confirmed change may come once more (the Push is idempotent).
 */
import { randomBytes } from 'crypto';
import type { IDataObject, IDeferredPromise, INodeExecutionData, IPollFunctions, IRun } from 'n8n-workflow';
import {
	changedRecordsMark,
	dueForRedelivery,
	groupMark,
	idKey,
	MAX_UNANSWERED_EMISSIONS,
	readPending,
	recordEmission,
	redeliveries,
	runOutcome,
	settleEmission,
	type CurrentRecord,
	type DeliveryChange,
	type EmittedChange,
	type PendingDeliveries,
	type PullSummary,
} from '../../core/changeDetection';
import { compilePath } from '../../core/foundation/path';
import { changeItem, STATE_KEY, type Detected, type PollerState } from './changeItems';
import { pollParameters, type PollSettings } from './readPollSettings';

export type StoredState = PollerState & { pending?: PendingDeliveries };

export interface Delivery {
	/** Fresh changes first, then the ones emitted again (`redelivery: true`). */
	items: INodeExecutionData[];
	state: StoredState;
	redelivered: number;
	/** Pending ids dropped at the bound (their changes wait for the full compare). */
	dropped: number;
	/** Pending ids given up: emitted again and again, and no run ever answered. */
	givenUp: number;
}

export interface DeliveryContext {
	now: number;
	redeliverAfterMs: number;
	/** Names this emission in the state, so its run settles only its own entries. */
	token: string;
}

export function readRedeliverAfterMs(context: IPollFunctions): number {
	const minutes = Number(pollParameters(context)('redeliverAfterMinutes', 10));
	return (Number.isFinite(minutes) && minutes >= 0 ? minutes : 10) * 60_000;
}

export function emissionToken(): string {
	return randomBytes(6).toString('hex');
}

/** Fields the trigger adds to a record; what is left is the record as the API gave it. */
function recordOf(item: INodeExecutionData): Record<string, unknown> {
	const { change: _change, assetId: _assetId, redelivery: _redelivery, _read, ...record } = item.json;
	return record;
}

/** This pull's records by id (first occurrence, as the snapshot diff counts them) with their group. */
function currentRecords(records: Array<Record<string, unknown>>, settings: PollSettings): Map<string, CurrentRecord<Record<string, unknown>>> {
	const idOf = compilePath(settings.idField);
	const groupOf = settings.groupBy ? compilePath(settings.groupBy) : undefined;
	const current = new Map<string, CurrentRecord<Record<string, unknown>>>();
	for (const record of records) {
		const id = idKey(idOf(record));
		if (id !== undefined && !current.has(id)) current.set(id, { record, group: groupOf ? idKey(groupOf(record)) : undefined });
	}
	return current;
}

/** The items this poll emits (fresh changes plus due redeliveries, no id twice) and the state to save with them. */
export function planDelivery(
	previous: StoredState | undefined,
	detected: Detected,
	pull: PullSummary & { records: Array<Record<string, unknown>> },
	settings: PollSettings,
	context: DeliveryContext,
): Delivery {
	const stored = readPending(previous?.pending);
	const { due, givenUp } = dueForRedelivery(stored, context.now, context.redeliverAfterMs);
	const forgotten = new Set(givenUp);
	const pending = Object.fromEntries(Object.entries(stored).filter(([id]) => !forgotten.has(id)));
	const snapshot = settings.changeDetection === 'snapshot';
	const current = snapshot ? currentRecords(pull.records, settings) : undefined;
	const next = detected.next;
	const again = redeliveries({
		due,
		current,
		complete: pull.complete,
		knownGroups: settings.groupBy && next.mode === 'snapshot' ? (next.groups ?? {}) : undefined,
		emitted: new Set(detected.items.map((item) => String(item.json.assetId))),
	});
	const redelivered = again.items.map((i) => {
		// marked like a fresh emission: a whole group from a complete pull may remove, anything else may not
		const read = settings.groupBy && snapshot ? groupMark(i.change, i.group, pull) : changedRecordsMark(settings.changeDetection, pull);
		const item = changeItem(i.record as Record<string, unknown> | undefined, i.id, i.change, read, i.group);
		item.json.redelivery = true;
		return item;
	});
	const items = [...detected.items, ...redelivered];
	if (items.length === 0) return { items, state: { ...next, pending }, redelivered: 0, dropped: 0, givenUp: givenUp.length };

	const emitted: EmittedChange[] = items.map((item) => {
		const id = String(item.json.assetId);
		const group = settings.groupBy ? (current?.get(id)?.group ?? idKey(item.json.group)) : undefined;
		const unanswered = item.json.redelivery === true && pending[id] !== undefined && !pending[id].failed;
		return {
			id,
			change: item.json.change as DeliveryChange,
			...(group === undefined ? {} : { group }),
			...(unanswered ? { unanswered } : {}),
			// a later incremental pull will not bring the record again; a snapshot pull always does
			...(snapshot ? {} : { record: recordOf(item) }),
		};
	});
	const recorded = recordEmission(pending, [...emitted, ...again.carried], context.token, context.now);
	return { items, state: { ...next, pending: recorded.pending }, redelivered: redelivered.length, dropped: recorded.dropped.length, givenUp: givenUp.length };
}

export function logDelivery(context: IPollFunctions, delivery: Delivery): void {
	if (delivery.redelivered) context.logger.info(`${delivery.redelivered} change(s) emitted again: the run that carried them did not report success`);
	if (delivery.dropped) context.logger.warn(`${delivery.dropped} unconfirmed change(s) forgotten (bound of pending deliveries reached): the next full compare brings them`);
	if (delivery.givenUp) {
		context.logger.warn(`${delivery.givenUp} change(s) forgotten: emitted ${MAX_UNANSWERED_EMISSIONS} times and no run ever reported back; the next full compare brings them`);
	}
}

/** Our own: n8n-workflow 2.x no longer exports createDeferredPromise (n8n only calls resolve and reject). */
function deferred<T>(): IDeferredPromise<T> {
	let resolve!: (value: T | PromiseLike<T>) => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<T>((onResolve, onReject) => {
		resolve = onResolve;
		reject = onReject;
	});
	return { promise, resolve, reject };
}

/** The done promise for `__emit`: when the run ends, its entries are confirmed (deleted) or marked failed. */
export function settleWhenDone(staticData: IDataObject, token: string): IDeferredPromise<IRun> {
	const done = deferred<IRun>();
	const settle = (run: IRun | undefined) => {
		const saved = staticData[STATE_KEY] as StoredState | undefined;
		const pending = readPending(saved && typeof saved === 'object' ? saved.pending : undefined);
		// a later poll may have superseded every entry of this emission (or the detection was switched)
		if (!saved || !Object.values(pending).some((entry) => entry.token === token)) return;
		staticData[STATE_KEY] = { ...saved, pending: settleEmission(pending, token, runOutcome(run)) } as unknown as IDataObject;
	};
	void done.promise.then(settle, () => settle(undefined));
	return done;
}
