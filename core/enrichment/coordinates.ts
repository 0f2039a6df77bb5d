/**
 * Switch `coordinates`: latitude/longitude given as numbers, with a decimal comma, with spaces or
 * with too few decimals become OCPI text. Applies to Location.coordinates, EVSE.coordinates and
 * related_locations[*]. Out-of-range or unreadable values stay as they are for the validator.
 */
import { formatPath } from '../foundation/path';
import type { EnrichmentChange } from './enrich';
import type { OcpiNode } from '../ocpi/locationTree';
import type { EnrichmentStep, StepContext } from './step';
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

/** Where a point sits: its node, the field, the entry of related_locations. */
interface PointAt {
	node: OcpiNode;
	field: 'coordinates' | 'related_locations';
	index?: number;
	path: ReadonlyArray<string | number>;
}

function normalisePoint({ node, field, index, path }: PointAt, version: OcpiVersion, writablePoint: StepContext['writablePoint']): EnrichmentChange[] {
	const value = node.object[field];
	const point = index === undefined ? value : Array.isArray(value) ? value[index] : undefined;
	if (!isRecord(point)) return [];
	const changes: EnrichmentChange[] = [];
	for (const axis of AXES) {
		const from = point[axis];
		const rewrite = toOcpiCoordinate(from, axis, version);
		if (!rewrite) continue;
		writablePoint(node, field, index)![axis] = rewrite.text;
		changes.push({ path: formatPath([...path, axis]), from, to: rewrite.text, reason: describe(from, axis, rewrite, version) });
	}
	return changes;
}

function pointsOf(node: OcpiNode): PointAt[] {
	if (node.kind === 'connector') return [];
	const points: PointAt[] = [{ node, field: 'coordinates', path: [...node.path, 'coordinates'] }];
	const related = node.object.related_locations;
	if (node.kind === 'location' && Array.isArray(related)) {
		related.forEach((_point, index) => points.push({ node, field: 'related_locations', index, path: [...node.path, 'related_locations', index] }));
	}
	return points;
}

export const normaliseCoordinates: EnrichmentStep = (working, { version, nodes, writablePoint }) =>
	nodes(working)
		.flatMap(pointsOf)
		.flatMap((at) => normalisePoint(at, version, writablePoint));
