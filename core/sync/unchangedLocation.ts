/**
 * The daily compare's usual answer first: the CPMS's copy already says what we want. One walk of both trees that
 * allocates nothing; the planner builds ids, paths, diffs and a plan only when this cannot say "unchanged".
 *
 * It says true only on the path on which the planner itself ends with no request, change, withheld removal or
 * stale skip: EVSEs and Connectors paired in order (nothing vanished, nothing new) and no field differing at
 * any level under the planner's ignored fields. Anything else (another order, a lost child, a list of more
 * than a few children) is "not sure" and goes to the planner.
 */
import type { OcpiVersion } from '../ocpi/version';
import { children, pairedInOrder } from './childPairing';
import { anyFieldDiffers } from './objectDiff';
import type { JsonObject } from './types';

// as the planner: children are compared one by one, not as a field; last_updated alone is no change
export const LOCATION_IGNORED: ReadonlySet<string> = new Set(['last_updated', 'evses']);
export const EVSE_IGNORED: ReadonlySet<string> = new Set(['last_updated', 'connectors']);
export const CONNECTOR_IGNORED: ReadonlySet<string> = new Set(['last_updated']);

function sameEvse(desired: JsonObject, known: JsonObject, version: OcpiVersion): boolean {
	if (anyFieldDiffers(desired, known, EVSE_IGNORED, version)) return false;
	const connectors = children(desired, 'connectors');
	const knownConnectors = children(known, 'connectors');
	if (!pairedInOrder(connectors, knownConnectors, 'id', version)) return false;
	for (let i = 0; i < connectors.length; i++) if (anyFieldDiffers(connectors[i], knownConnectors[i], CONNECTOR_IGNORED, version)) return false;
	return true;
}

/** True only when planLocationSync(desired, known) plans nothing and reports nothing. */
export function unchangedLocation(desired: JsonObject, known: JsonObject, version: OcpiVersion): boolean {
	if (anyFieldDiffers(desired, known, LOCATION_IGNORED, version)) return false;
	const evses = children(desired, 'evses');
	const knownEvses = children(known, 'evses');
	if (!pairedInOrder(evses, knownEvses, 'uid', version)) return false;
	for (let i = 0; i < evses.length; i++) if (!sameEvse(evses[i], knownEvses[i], version)) return false;
	return true;
}
