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

/** Rewrites one point's axes (`index`: the entry of related_locations), adding a change per axis rewritten. */
function normalisePoint(node: OcpiNode, field: 'coordinates' | 'related_locations', index: number | undefined, version: OcpiVersion, writablePoint: StepContext['writablePoint'], changes: EnrichmentChange[]): void {
	const value = node.object[field];
	const point = index === undefined ? value : Array.isArray(value) ? value[index] : undefined;
	if (!isRecord(point)) return;
	for (const axis of AXES) {
		const from = point[axis];
		const rewrite = toOcpiCoordinate(from, axis, version);
		if (!rewrite) continue;
		writablePoint(node, field, index)![axis] = rewrite.text;
		const path = index === undefined ? [...node.path, field, axis] : [...node.path, field, index, axis];
		changes.push({ path: formatPath(path), from, to: rewrite.text, reason: describe(from, axis, rewrite, version) });
	}
}

// every EVSE of every Location passes here: no list or path per point unless a value is rewritten
export const normaliseCoordinates: EnrichmentStep = (working, { version, nodes, writablePoint }) => {
	const changes: EnrichmentChange[] = [];
	for (const node of nodes(working)) {
		if (node.kind === 'connector') continue;
		normalisePoint(node, 'coordinates', undefined, version, writablePoint, changes);
		const related = node.object.related_locations;
		if (node.kind !== 'location' || !Array.isArray(related)) continue;
		for (let index = 0; index < related.length; index++) normalisePoint(node, 'related_locations', index, version, writablePoint, changes);
	}
	return changes;
};
