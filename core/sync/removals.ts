/**
 * Absence is not evidence: which EVSEs the CPMS has but the desired Location lacks may be marked REMOVED.
 *
 * An EVSE the asset data says is gone (status REMOVED in the desired Location) is an ordinary change and
 * never comes here. An EVSE that is merely missing is marked REMOVED only when the Location says it was
 * built from a complete read of its site (`_completeness.complete`, or the user states so for Locations
 * without the mark), and only when the CPMS last changed it before that read (with the clock tolerance):
 * an EVSE written by a run that read later cannot be contradicted by this read. Every other missing EVSE is
 * left as the CPMS has it and reported as withheld, with the reason.
 */
import { instantMs } from '../foundation/dateTime';
import { completenessOf } from '../ocpi/completeness';
import { DEFAULT_STALENESS } from './staleness';
import type { JsonObject, PlanOptions } from './types';

export interface WithheldRemoval {
	/** e.g. `evses[CP-7]` */
	path: string;
	reason: string;
}

export interface RemovalDecision {
	toRemove: JsonObject[];
	withheld: WithheldRemoval[];
}

const SHOWN_REASONS = 3;

function because(reasons: readonly string[]): string {
	if (reasons.length === 0) return 'the Location was built from incomplete input';
	const shown = reasons.slice(0, SHOWN_REASONS).join('; ');
	const more = reasons.length > SHOWN_REASONS ? ` (and ${reasons.length - SHOWN_REASONS} more)` : '';
	return `the Location was built from incomplete input: ${shown}${more}`;
}

function withheldAll(candidates: readonly JsonObject[], why: string): RemovalDecision {
	const withheld = candidates.map((evse) => ({
		path: `evses[${String(evse.uid)}]`,
		reason: `EVSE ${String(evse.uid)} is missing from this Location, but ${why}, so its absence proves nothing: left as the CPMS has it`,
	}));
	return { toRemove: [], withheld };
}

/** `vanished`: the CPMS's EVSEs the desired Location does not list. `now`: the run time (OCPI DateTime). */
export function decideRemovals(desired: JsonObject, vanished: readonly JsonObject[], options: PlanOptions, now: string): RemovalDecision {
	if (options.removedEvsePolicy !== 'markRemoved') return { toRemove: [], withheld: [] };
	const candidates = vanished.filter((evse) => evse.status !== 'REMOVED');
	if (candidates.length === 0) return { toRemove: [], withheld: [] };
	const mark = completenessOf(desired);
	if (!mark && !options.assumeCompleteWithoutMark) {
		return withheldAll(candidates, 'the Location carries no mark of a complete read (_completeness; the Push option Locations Without Completeness Mark can state it)');
	}
	if (mark && !mark.complete) return withheldAll(candidates, because(mark.reasons));

	const readAt = instantMs(mark?.readAt ?? now);
	const toleranceMs = (options.staleness ?? DEFAULT_STALENESS).toleranceSeconds * 1000;
	const decision: RemovalDecision = { toRemove: [], withheld: [] };
	for (const evse of candidates) {
		const changed = instantMs(evse.last_updated);
		if (readAt !== undefined && changed !== undefined && changed > readAt - toleranceMs) {
			decision.withheld.push({
				path: `evses[${String(evse.uid)}]`,
				reason: `EVSE ${String(evse.uid)} is missing from this Location, but the CPMS changed it at ${String(evse.last_updated)}, not clearly before the read at ${mark?.readAt ?? now}: a later run may have written it, so it is left as the CPMS has it`,
			});
		} else decision.toRemove.push(evse);
	}
	return decision;
}
