/**
 * The newest last_updated of an EVSE's connectors or a Location's EVSEs, picked exactly as laterLastUpdated
 * picks it, with each stamp in the usual 'YYYY-MM-DDTHH:MM:SSZ' form read once: assembling compares every
 * connector's stamp with the newest so far, and reading both sides on every comparison was a tenth of the run.
 */
import { strictUtcMs } from '../foundation/dateTime';
import { laterLastUpdated } from '../ocpi/locationTree';

export interface NewestStamp {
	text: string | undefined;
	/** strictUtcMs of `text` (NaN when that instant does not exist); undefined when `text` has another form or is absent. */
	ms: number | undefined;
}

/** The strict-form instant of a stamp; undefined for any other form (and for values a 'none' transform let through). */
export function strictMsOf(text: unknown): number | undefined {
	return typeof text === 'string' ? strictUtcMs(text) : undefined;
}

export function stampOf(text: string | undefined): NewestStamp {
	return { text, ms: strictMsOf(text) };
}

/** Makes `candidate` the newest when laterLastUpdated(newest, candidate) would pick it; `candidateMs` as stampOf reads it. */
export function takeNewer(newest: NewestStamp, candidate: string | undefined, candidateMs = strictMsOf(candidate)): void {
	if (candidateMs !== undefined && (newest.ms !== undefined || newest.text === undefined)) {
		// both in the strict form (or nothing yet): whole seconds, so the instants order them exactly
		if (Number.isNaN(candidateMs) || candidate === newest.text) return;
		if (newest.text !== undefined && !Number.isNaN(newest.ms!) && candidateMs <= newest.ms!) return;
		newest.text = candidate;
		newest.ms = candidateMs;
		return;
	}
	const later = laterLastUpdated(newest.text, candidate);
	if (later === newest.text) return;
	newest.text = later;
	newest.ms = candidateMs;
}
