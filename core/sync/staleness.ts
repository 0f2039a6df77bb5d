/**
 * "Never overwrite newer with older": an object the CPMS holds in a newer state than the one being pushed
 * (an event overtaken by a later one) is skipped and reported as stale, not written.
 *
 * The order is read from last_updated, which the planner sends as the asset system's own change time, so
 * for a receiver that keeps it both sides are on the asset system's clock. Where that cannot hold the
 * rule leans toward writing, because a real change must never be skipped:
 * - clocks differ (the run time stands in when the source has no timestamp, queue-mode workers, a stamp
 *   written by Set EVSE Status): the CPMS must be newer by more than the tolerance;
 * - a receiver that replaces last_updated with its own entry time (some hubs): its stamps say nothing about
 *   the asset data's age, so nothing is judged stale;
 * - an object without a readable last_updated on either side is never stale;
 * - only an object that would change is judged: equal content needs no write either way;
 * - a Location's own fields only when the desired Location is the whole site: its last_updated, like the
 *   CPMS's, covers every EVSE, so a Location built from one charger would look older than a sibling's update.
 */
import { instantMs } from '../foundation/dateTime';
import { completenessOf } from '../ocpi/completeness';
import type { JsonObject, PlanOptions } from './types';

export interface StalenessPolicy {
	/** skipOlder: the CPMS's newer state wins (real-time path); assetWins: write anyway (the full compare repairs drift). */
	mode: 'skipOlder' | 'assetWins';
	/** How much newer the CPMS's last_updated must be before it counts: covers clocks that differ by seconds. */
	toleranceSeconds: number;
	/** replaced: the receiver stamps its own entry time, so its last_updated cannot order anything. */
	cpmsStamps: 'kept' | 'replaced';
}

export const DEFAULT_STALENESS: StalenessPolicy = { mode: 'skipOlder', toleranceSeconds: 5, cpmsStamps: 'kept' };

export interface StaleSkip {
	/** Where in the Location, as in `changes` (e.g. `evses[CP-1]`). */
	path: string;
	reason: string;
	/** last_updated of the data pushed and of the CPMS's object. */
	pushed: string;
	cpms: string;
}

/** Whether the desired Location stands for its whole site (complete, or stated so by the user). */
export function wholeSite(desired: JsonObject, options: Pick<PlanOptions, 'assumeCompleteWithoutMark'>): boolean {
	const mark = completenessOf(desired);
	return mark ? mark.complete : options.assumeCompleteWithoutMark === true;
}

/** The skip, when the CPMS holds `known` in a state newer than `desired`; undefined when `desired` may be written. */
export function staleSkip(path: string, desired: JsonObject, known: JsonObject, policy: StalenessPolicy): StaleSkip | undefined {
	if (policy.mode === 'assetWins' || policy.cpmsStamps === 'replaced') return undefined;
	const pushed = instantMs(desired.last_updated);
	const held = instantMs(known.last_updated);
	if (pushed === undefined || held === undefined) return undefined;
	if (held - pushed <= policy.toleranceSeconds * 1000) return undefined;
	const cpms = String(known.last_updated);
	return {
		path,
		pushed: String(desired.last_updated),
		cpms,
		reason: `${path}: the CPMS holds a newer state (last_updated ${cpms}) than the data pushed (${String(desired.last_updated)}); not overwritten`,
	};
}
