/**
 * Switch `coordinates`: latitude/longitude given as numbers, with a decimal comma, with spaces or
 * with too few decimals become OCPI text. Applies to Location.coordinates, EVSE.coordinates and
 * related_locations[*]. Out-of-range or unreadable values stay as they are for the validator.
 */
import { formatPath } from '../foundation/path';
import type { EnrichmentChange } from './enrich';
import type { OcpiNode } from '../ocpi/locationTree';
import type { EnrichmentStep } from './step';
import { toOcpiCoordinate, type Axis } from './coordinateText';
import { isRecord } from '../foundation/json';
import type { OcpiVersion } from '../ocpi/version';

const AXES: readonly Axis[] = ['latitude', 'longitude'];

function describe(from: unknown, axis: Axis, rewrite: NonNullable<ReturnType<typeof toOcpiCoordinate>>, version: OcpiVersion): string {
	const given = typeof from === 'number' ? `${axis} given as a number` : `${axis} text '${String(from)}' not in OCPI form`;
	if (rewrite.lostPrecision) {
		return `${given}; it had ${rewrite.givenDecimals} decimals, rounded to ${rewrite.writtenDecimals}, the most OCPI ${version} allows`;
	}
	return `${given}; written as text with a decimal point and ${rewrite.writtenDecimals} decimals as OCPI ${version} requires`;
}

function normalisePoint(point: unknown, path: ReadonlyArray<string | number>, version: OcpiVersion): EnrichmentChange[] {
	if (!isRecord(point)) return [];
	const changes: EnrichmentChange[] = [];
	for (const axis of AXES) {
		const from = point[axis];
		const rewrite = toOcpiCoordinate(from, axis, version);
		if (!rewrite) continue;
		point[axis] = rewrite.text;
		changes.push({ path: formatPath([...path, axis]), from, to: rewrite.text, reason: describe(from, axis, rewrite, version) });
	}
	return changes;
}

function pointsOf(node: OcpiNode): Array<{ point: unknown; path: ReadonlyArray<string | number> }> {
	if (node.kind === 'connector') return [];
	const points = [{ point: node.object.coordinates, path: [...node.path, 'coordinates'] }];
	const related = node.object.related_locations;
	if (node.kind === 'location' && Array.isArray(related)) {
		related.forEach((point, index) => points.push({ point, path: [...node.path, 'related_locations', index] }));
	}
	return points;
}

export const normaliseCoordinates: EnrichmentStep = (working, { version, nodes }) =>
	nodes(working)
		.flatMap(pointsOf)
		.flatMap(({ point, path }) => normalisePoint(point, path, version));
