/**
 * IANA time zone at a point on earth, from the vendored @photostructure/tz-lookup (offline, no
 * network, no files). Returns undefined instead of throwing for unusable coordinates.
 */
import tzLookup from './vendor/tzLookup';

/** Latitudes run from -90 to 90 degrees, longitudes from -180 to 180. */
export const LATITUDE_RANGE = 90;
export const LONGITUDE_RANGE = 180;

export function timeZoneAt(latitude: number, longitude: number): string | undefined {
	if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
	if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
	if (Math.abs(latitude) > LATITUDE_RANGE || Math.abs(longitude) > LONGITUDE_RANGE) return undefined;
	try {
		return tzLookup(latitude, longitude);
	} catch {
		return undefined;
	}
}
