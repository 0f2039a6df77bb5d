/**
 * The three input shapes, normalised into one connector record each: a flat row per connector, a
 * charge point with its outlets, or a site with charge points and outlets. A record keeps the
 * three levels apart, so a Location field is read from the site and a connector field from the outlet.
 */
import { isRecord } from '../foundation/json';
import type { MappingProfile } from './profile';
import { compilePath } from '../foundation/path';

export type AssetObject = Record<string, unknown>;

export interface ConnectorRecord {
	sourceIndex: number;
	site: AssetObject;
	chargePoint: AssetObject;
	outlet: AssetObject;
}

/** Scope names, innermost first, as a connector field sees them. */
export type Scope = 'outlet' | 'chargePoint' | 'site';

export interface RecordVisitor {
	record(record: ConnectorRecord): void;
	/** The item (or part of it) cannot become connector records. */
	reject(sourceIndex: number, reason: string): void;
}

function visitOutlets(site: AssetObject, chargePoint: AssetObject, outlets: unknown[], where: string, sourceIndex: number, visitor: RecordVisitor): void {
	for (let index = 0; index < outlets.length; index++) {
		const outlet = outlets[index];
		if (isRecord(outlet)) visitor.record({ sourceIndex, site, chargePoint, outlet });
		else visitor.reject(sourceIndex, `${where}: connector ${index + 1} is not an object`);
	}
}

/** Calls the visitor for every connector record of every item, in input order. */
export function visitRecords(items: readonly unknown[], profile: MappingProfile, visitor: RecordVisitor): void {
	const outletsOf = compilePath(profile.paths.connectors);
	const chargePointsOf = compilePath(profile.paths.chargePoints);
	const noOutlets = (where: string) => `${where} has no connectors: expected a non-empty list at '${profile.paths.connectors}'`;
	for (let sourceIndex = 0; sourceIndex < items.length; sourceIndex++) {
		const item = items[sourceIndex];
		if (!isRecord(item)) {
			visitor.reject(sourceIndex, 'the item is not an object');
			continue;
		}
		if (profile.shape === 'rows') {
			visitor.record({ sourceIndex, site: item, chargePoint: item, outlet: item });
			continue;
		}
		if (profile.shape === 'chargePoints') {
			const outlets = outletsOf(item);
			if (!Array.isArray(outlets) || outlets.length === 0) visitor.reject(sourceIndex, noOutlets('the charge point'));
			else visitOutlets(item, item, outlets, 'the charge point', sourceIndex, visitor);
			continue;
		}
		const chargePoints = chargePointsOf(item);
		if (!Array.isArray(chargePoints) || chargePoints.length === 0) {
			visitor.reject(sourceIndex, `the site has no charge points: expected a non-empty list at '${profile.paths.chargePoints}'`);
			continue;
		}
		for (let index = 0; index < chargePoints.length; index++) {
			const chargePoint = chargePoints[index];
			const where = `charge point ${index + 1} of the site`;
			if (!isRecord(chargePoint)) {
				visitor.reject(sourceIndex, `${where} is not an object`);
				continue;
			}
			const outlets = outletsOf(chargePoint);
			if (!Array.isArray(outlets) || outlets.length === 0) visitor.reject(sourceIndex, noOutlets(where));
			else visitOutlets(item, chargePoint, outlets, where, sourceIndex, visitor);
		}
	}
}
