/**
 * Comparing what the CPMS holds with what the asset system's records must give, and the asset events tests send:
 * shared by the single-process and the queue-mode sync tests.
 */
import { signPayload } from '../../../core/webhook/signature';
import { waitFor } from './provision';
import type { OcpiLocation } from './templates';

/**
 * A Location in a form two copies can be compared in: keys sorted, EVSEs by uid and connectors by id (OCPI
 * gives their order no meaning). After updates `last_updated` is left out: the Push sends a child's
 * last_updated only with a real change of that child, so a connector keeps its own timestamp when only
 * its EVSE's status changed, while a fresh mapping stamps every child with the charger's updated_at.
 */
export function canonical(value: unknown, withTimestamps: boolean): unknown {
	if (Array.isArray(value)) {
		const items = value.map((item) => canonical(item, withTimestamps));
		const key = (item: unknown) => String((item as Record<string, unknown>)?.uid ?? (item as Record<string, unknown>)?.id ?? '');
		return items.every((item) => item !== null && typeof item === 'object' && key(item) !== '') ? items.sort((a, b) => key(a).localeCompare(key(b))) : items;
	}
	if (value === null || typeof value !== 'object') return value;
	const keys = Object.keys(value).filter((key) => withTimestamps || key !== 'last_updated').sort();
	return Object.fromEntries(keys.map((key) => [key, canonical((value as Record<string, unknown>)[key], withTimestamps)]));
}

/** Location ids whose CPMS copy differs from the expected one (missing, extra or different). */
export function locationDrift(expected: Map<string, OcpiLocation>, held: Map<string, OcpiLocation>, withTimestamps: boolean): string[] {
	const ids = new Set([...expected.keys(), ...held.keys()]);
	const same = (id: string) => JSON.stringify(canonical(expected.get(id), withTimestamps)) === JSON.stringify(canonical(held.get(id), withTimestamps));
	return [...ids].filter((id) => !same(id)).sort();
}

/** Waits until the CPMS holds the expected network; fails with the first Location that still differs, shown both ways. */
export async function expectNetworkInSync(
	expected: () => Map<string, OcpiLocation>,
	held: () => Map<string, OcpiLocation>,
	timeoutMs: number,
	withTimestamps = false,
): Promise<void> {
	const left = await waitFor(async () => locationDrift(expected(), held(), withTimestamps), (ids) => ids.length === 0, timeoutMs);
	if (left.length > 0) {
		const id = left[0];
		expect({ id, cpms: canonical(held().get(id), withTimestamps) }).toEqual({ id, cpms: canonical(expected().get(id), withTimestamps) });
	}
	expect(left).toEqual([]);
}

export interface AssetEvent {
	id: string;
	body: string;
}

/**
 * `count` changes round-robin over the chargers through `patch` (the asset API), each giving one
 * charger.updated event; each charger's last change sets 'in use' (OCPI CHARGING), the ones before it
 * cycle through other states, so a stale event applied last shows.
 */
export async function updateBurst(
	patch: (chargerId: string, changes: Record<string, unknown>) => Promise<Record<string, unknown>>,
	chargers: Array<Record<string, unknown>>,
	count: number,
	prefix: string,
): Promise<AssetEvent[]> {
	const events: AssetEvent[] = [];
	for (let n = 0; n < count; n++) {
		const charger = chargers[n % chargers.length];
		const last = n >= count - chargers.length;
		const state = last ? 'in use' : ['in service', 'faulty', 'offline'][n % 3];
		const updated = await patch(String(charger.charger_id), { state, charger_serial: `${String(charger.charger_serial)}-${n}` });
		const id = `${prefix}_${n}_${String(charger.charger_id)}`;
		events.push({ id, body: JSON.stringify({ event_id: id, event_type: 'charger.updated', occurred_at: new Date().toISOString(), data: updated }) });
	}
	return events;
}

/** Posts the events to a webhook URL, signed as the sample asset API signs them, `parallel` at a time; returns the HTTP statuses. */
export async function deliverSigned(url: string, secret: string, events: AssetEvent[], parallel = 8): Promise<number[]> {
	const statuses: number[] = [];
	for (let next = 0; next < events.length; next += parallel) {
		const batch = events.slice(next, next + parallel).map(async ({ id, body }) => {
			const timestamp = String(Math.floor(Date.now() / 1000));
			const signature = signPayload({ secret, body, timestamp, prefix: 'sha256=' });
			const response = await fetch(url, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'X-Event-Id': id, 'X-Timestamp': timestamp, 'X-Signature': signature, 'X-Event-Type': 'charger.updated' },
				body,
			});
			statuses.push(response.status);
		});
		await Promise.all(batch);
	}
	return statuses;
}

/** Fisher–Yates with a fixed seed: the same shuffled order on every run. */
export function shuffle<T>(items: T[]): void {
	let seed = 20261123;
	const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
	for (let i = items.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[items[i], items[j]] = [items[j], items[i]];
	}
}
