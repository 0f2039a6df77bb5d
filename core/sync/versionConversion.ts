/**
 * The Push's side of the down-conversion: Locations may be 2.3.0 while the CPMS speaks 2.2.1. Converting is
 * a no-op for a 2.2.1 Location, so every Location bound for a 2.2.1 CPMS goes through it; 2.1.1 targets are
 * left as they were (Locations for them are mapped as 2.1.1).
 */
import { downgradeLocation, type Loss } from '../ocpi/downgrade';
import { isRecord } from '../ocpi/fields';
import type { OcpiVersion } from '../ocpi/version';

export interface VersionConversion {
	from: OcpiVersion;
	to: OcpiVersion;
	/** Every field and value lost or changed on the way, with its path in the Location. */
	losses: Loss[];
}

export interface ConvertedLocation {
	location: unknown;
	/** Present only when something was lost or changed (or the Location cannot be sent). */
	conversion?: VersionConversion;
	/** Why the Location cannot be sent in the CPMS's version. */
	refused?: string;
}

export function forCpmsVersion(location: unknown, cpmsVersion: OcpiVersion): ConvertedLocation {
	// what is no JSON object is left for the planner to report, as before
	if (cpmsVersion !== '2.2.1' || !isRecord(location)) return { location };
	const result = downgradeLocation(location, '2.3.0', cpmsVersion);
	const conversion = result.losses.length > 0 || result.refused ? { from: result.from, to: result.to, losses: result.losses } : undefined;
	if (result.refused) return { location, conversion, refused: result.refused };
	return { location: result.location, conversion };
}
