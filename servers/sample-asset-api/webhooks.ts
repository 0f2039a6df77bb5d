/**
 * Outgoing webhooks: every change is POSTed to each target as
 * `{event_id, event_type, occurred_at, data}`, signed with core/webhook's signPayload over
 * `${timestamp}.${body}` (X-Signature: sha256=<hex>, X-Timestamp: Unix seconds). Deliveries go out one at a
 * time, in order; a failed attempt (no answer, timeout, non-2xx) is retried after each of `retryDelaysMs`,
 * with the same event_id and body but a fresh timestamp and signature. Every attempt is logged.
 * A batch (`announceAtOnce`) sends its events all at the same moment instead, as a bulk insert does in many
 * systems; an event may name several records by `keys` instead of carrying one in `data`.
 */
import { randomUUID } from 'node:crypto';
import { signPayload } from '../../core/webhook/signature';
import type { AssetCharger } from './sampleNetwork';

export type AssetEventType = 'charger.created' | 'charger.updated' | 'charger.decommissioned' | 'charger.deleted';

export interface WebhookTarget {
	url: string;
	secret: string;
	/** 'flag' for --webhook-url, else the subscription id. */
	source: string;
}

export interface DeliveryAttempt {
	at: string;
	status?: number;
	error?: string;
}

export interface Delivery {
	event_id: string;
	event_type: AssetEventType;
	occurred_at: string;
	charger_id: string;
	url: string;
	source: string;
	state: 'pending' | 'delivered' | 'failed';
	attempts: DeliveryAttempt[];
}

export interface WebhookSenderOptions {
	targets: () => WebhookTarget[];
	retryDelaysMs: number[];
	timeoutMs: number;
	logLimit: number;
	now: () => number;
	quiet?: boolean;
}

interface Job {
	delivery: Delivery;
	body: string;
	secret: string;
}

export class WebhookSender {
	private readonly queue: Job[] = [];
	private readonly deliveries: Delivery[] = [];
	private running: Promise<void> | undefined;
	private readonly batches = new Set<Promise<unknown>>();
	private closed = false;
	private wake: (() => void) | undefined;
	private timer: NodeJS.Timeout | undefined;

	constructor(private readonly options: WebhookSenderOptions) {}

	/**
	 * Queues one delivery per target; returns the event id (shared by all targets). `data` is what the event
	 * carries (default: the record; e.g. only the changed fields).
	 */
	announce(eventType: AssetEventType, record: AssetCharger, data: unknown = record): string {
		const { eventId, jobs } = this.jobsFor(eventType, record.charger_id, { data });
		this.queue.push(...jobs);
		if (this.queue.length > 0 && !this.running && !this.closed) this.running = this.drain().finally(() => (this.running = undefined));
		return eventId;
	}

	/**
	 * Sends these events all at once (not queued behind each other): one per record, or with `keys` one event
	 * naming every record by id. Returns the event ids.
	 */
	announceAtOnce(eventType: AssetEventType, records: AssetCharger[], style: 'each' | 'keys'): string[] {
		const events =
			style === 'keys'
				? [this.jobsFor(eventType, records.map((r) => r.charger_id).join(','), { keys: records.map((r) => r.charger_id) })]
				: records.map((record) => this.jobsFor(eventType, record.charger_id, { data: record }));
		const sending = Promise.all(events.flatMap(({ jobs }) => jobs).map((job) => this.deliver(job)));
		this.batches.add(sending);
		void sending.finally(() => this.batches.delete(sending));
		return events.map(({ eventId }) => eventId);
	}

	private jobsFor(eventType: AssetEventType, chargerId: string, content: { data?: unknown; keys?: string[] }): { eventId: string; jobs: Job[] } {
		const eventId = `evt_${randomUUID()}`;
		const occurredAt = new Date(this.options.now()).toISOString();
		const body = JSON.stringify({ event_id: eventId, event_type: eventType, occurred_at: occurredAt, ...content });
		const jobs = this.options.targets().map((target) => {
			const delivery: Delivery = { event_id: eventId, event_type: eventType, occurred_at: occurredAt, charger_id: chargerId, url: target.url, source: target.source, state: 'pending', attempts: [] };
			this.deliveries.push(delivery);
			if (this.deliveries.length > this.options.logLimit) this.deliveries.splice(0, this.deliveries.length - this.options.logLimit);
			return { delivery, body, secret: target.secret };
		});
		return { eventId, jobs };
	}

	log(): Delivery[] {
		return this.deliveries.slice();
	}

	/** Resolves when nothing is queued or being retried (tests). */
	async idle(): Promise<void> {
		while (this.running || this.batches.size > 0) await Promise.all([this.running, ...this.batches]);
	}

	close(): void {
		this.closed = true;
		this.queue.length = 0;
		if (this.timer) clearTimeout(this.timer);
		this.wake?.();
	}

	private async drain(): Promise<void> {
		while (!this.closed && this.queue.length > 0) {
			const job = this.queue.shift() as Job;
			await this.deliver(job);
		}
	}

	private async deliver(job: Job): Promise<void> {
		const delays = this.options.retryDelaysMs;
		for (let attempt = 0; attempt <= delays.length && !this.closed; attempt++) {
			if (attempt > 0) await this.pause(delays[attempt - 1]);
			if (this.closed) break;
			const result = await this.post(job);
			job.delivery.attempts.push(result);
			if (result.status !== undefined && result.status >= 200 && result.status < 300) {
				job.delivery.state = 'delivered';
				return;
			}
		}
		job.delivery.state = 'failed';
		if (!this.options.quiet) console.error(`sample asset API: webhook ${job.delivery.event_id} to ${job.delivery.url} failed after ${job.delivery.attempts.length} attempt(s)`);
	}

	private pause(ms: number): Promise<void> {
		return new Promise((resolve) => {
			this.wake = resolve;
			this.timer = setTimeout(resolve, ms);
		});
	}

	private async post(job: Job): Promise<DeliveryAttempt> {
		const nowMs = this.options.now();
		const at = new Date(nowMs).toISOString();
		const timestamp = String(Math.floor(nowMs / 1000));
		try {
			const response = await fetch(job.delivery.url, {
				method: 'POST',
				headers: {
					'Content-Type': 'application/json',
					'User-Agent': 'sample-asset-api',
					'X-Event-Id': job.delivery.event_id,
					'X-Event-Type': job.delivery.event_type,
					'X-Timestamp': timestamp,
					'X-Signature': signPayload({ secret: job.secret, body: job.body, timestamp }),
				},
				body: job.body,
				signal: AbortSignal.timeout(this.options.timeoutMs),
			});
			await response.arrayBuffer().catch(() => undefined);
			return { at, status: response.status };
		} catch (error) {
			return { at, error: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) };
		}
	}
}
