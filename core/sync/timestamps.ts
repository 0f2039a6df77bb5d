/** last_updated handling: the receiver must always see a newer timestamp than the one it holds. */
import { isoInstant, ocpiInstantMs } from '../foundation/dateTime';
import type { JsonObject } from './types';

// receivers echo DateTimes in other valid forms (no Z, an offset, a space): compare instants
const millis = ocpiInstantMs;

export function toOcpiDateTime(now: Date | string): string {
	return typeof now === 'string' ? now : isoInstant(now.getTime());
}

/** The desired object's last_updated when newer than the known one, else `now`. */
export function stampFor(desired: JsonObject, known: JsonObject | undefined, now: string): string {
	const wanted = millis(desired.last_updated);
	if (Number.isNaN(wanted)) return now;
	const held = known ? millis(known.last_updated) : Number.NaN;
	if (!Number.isNaN(held) && wanted <= held) return now;
	return desired.last_updated as string;
}

