/**
 * Switch `timeZone`: Location.time_zone (IANA name) looked up from the Location's coordinates where
 * it is missing or empty. Coordinates may still be numbers or use a decimal comma; unusable ones
 * mean no change.
 */
import { timeZoneAt } from '../reference/timeZone';
import { parseCoordinate } from './coordinateText';
import type { EnrichmentStep } from './step';
import { isBlank, isRecord } from '../foundation/json';

export const fillTimeZone: EnrichmentStep = (working, { kind, nodes, writable }) => {
	if (kind !== 'location' || !isRecord(working) || !isBlank(working.time_zone)) return [];
	const coordinates = working.coordinates;
	if (!isRecord(coordinates)) return [];
	const latitude = parseCoordinate(coordinates.latitude);
	const longitude = parseCoordinate(coordinates.longitude);
	if (latitude === undefined || longitude === undefined) return [];
	const zone = timeZoneAt(latitude, longitude);
	if (zone === undefined) return [];
	const from = working.time_zone;
	writable(nodes(working)[0]).time_zone = zone;
	return [{ path: 'time_zone', from, to: zone, reason: `time zone looked up from the coordinates (${latitude}, ${longitude})` }];
};
