/**
 * The three input shapes, normalised into one connector record each: a flat row per connector, a
 * charge point with its outlets, or a site with charge points and outlets. A record keeps the
 * three levels apart, so a Location field is read from the site and a connector field from the outlet.
 */
import type { MappingProfile } from './profile';
import { isRecord } from '../foundation/json';
import { compilePath, type Getter } from '../foundation/path';

export type AssetObject = Record<string, unknown>;

export interface ConnectorRecord {
	sourceIndex: number;
	site: AssetObject;
	chargePoint: AssetObject;
	outlet: AssetObject;
	/** Where the levels sit in the item (list indexes), for expressions that read $site, $chargePoint or $outlet. */
	at?: RecordPosition;
	/** The whole item, when the records sit at a path inside it (else it is the site object). */
	item?: AssetObject;
}

/** Indexes into the item's lists: the record at the records path, the charge point, the outlet. */
export interface RecordPosition {
	record?: number;
	chargePoint?: number;
	outlet?: number;
}

/** The position of a record that is the item itself: no list indexes (shared, never written). */
const AT_ITEM: RecordPosition = Object.freeze({});

/** Scope names, innermost first, as a connector field sees them. */
export type Scope = 'outlet' | 'chargePoint' | 'site';


export interface RecordVisitor {
	record(record: ConnectorRecord): void;
	/** The item (or part of it) cannot become connector records. */
	reject(sourceIndex: number, reason: string): void;
}

function visitOutlets(
	site: AssetObject,
	chargePoint: AssetObject,
	outlets: unknown[],
	where: string,
	at: RecordPosition,
	sourceIndex: number,
	visitor: RecordVisitor,
): void {
	for (let index = 0; index < outlets.length; index++) {
		const outlet = outlets[index];
		if (isRecord(outlet)) visitor.record({ sourceIndex, site, chargePoint, outlet, at: { ...at, outlet: index } });
		else visitor.reject(sourceIndex, `${where}: connector ${index + 1} is not an object`);
	}
}

type RecordReaders = { outletsOf: Getter; chargePointsOf: Getter };

/** One record (the item itself, or one entry of its records list) in the profile's shape. */
function visitRecord(record: AssetObject, at: RecordPosition, where: string, sourceIndex: number, profile: MappingProfile, readers: RecordReaders, visitor: RecordVisitor): void {
	const noOutlets = (what: string) => `${what} has no connectors: expected a non-empty list at '${profile.paths.connectors}'`;
	if (profile.shape === 'rows') {
		visitor.record({ sourceIndex, site: record, chargePoint: record, outlet: record, at });
		return;
	}
	if (profile.shape === 'chargePoints') {
		const outlets = readers.outletsOf(record);
		const what = `the charge point${where}`;
		if (!Array.isArray(outlets) || outlets.length === 0) visitor.reject(sourceIndex, noOutlets(what));
		else visitOutlets(record, record, outlets, what, at, sourceIndex, visitor);
		return;
	}
	const chargePoints = readers.chargePointsOf(record);
	if (!Array.isArray(chargePoints) || chargePoints.length === 0) {
		visitor.reject(sourceIndex, `the site${where} has no charge points: expected a non-empty list at '${profile.paths.chargePoints}'`);
		return;
	}
	for (let index = 0; index < chargePoints.length; index++) {
		const chargePoint = chargePoints[index];
		const what = `charge point ${index + 1} of the site${where}`;
		if (!isRecord(chargePoint)) {
			visitor.reject(sourceIndex, `${what} is not an object`);
			continue;
		}
		const outlets = readers.outletsOf(chargePoint);
		if (!Array.isArray(outlets) || outlets.length === 0) visitor.reject(sourceIndex, noOutlets(what));
		else visitOutlets(record, chargePoint, outlets, what, { ...at, chargePoint: index }, sourceIndex, visitor);
	}
}

/** Calls the visitor for every connector record of every item, in input order. */
export function visitRecords(items: readonly unknown[], profile: MappingProfile, visitor: RecordVisitor): void {
	const readers = { outletsOf: compilePath(profile.paths.connectors), chargePointsOf: compilePath(profile.paths.chargePoints) };
	const recordsPath = profile.paths.records;
	const recordsOf = recordsPath !== undefined ? compilePath(recordsPath) : undefined;
	for (let sourceIndex = 0; sourceIndex < items.length; sourceIndex++) {
		const item = items[sourceIndex];
		if (!isRecord(item)) {
			visitor.reject(sourceIndex, 'the item is not an object');
			continue;
		}
		if (!recordsOf) {
			visitRecord(item, AT_ITEM, '', sourceIndex, profile, readers, visitor);
			continue;
		}
		const records = recordsOf(item);
		if (!Array.isArray(records) || records.length === 0) {
			const found = records === undefined ? 'there is no such field' : Array.isArray(records) ? 'the list is empty' : `it holds ${typeof records}`;
			visitor.reject(sourceIndex, `the item has no records at '${recordsPath}': ${found} (Options › Records Field names the list inside each item)`);
			continue;
		}
		for (let index = 0; index < records.length; index++) {
			const record = records[index];
			const where = ` (record ${index + 1} of '${recordsPath}')`;
			if (isRecord(record)) visitRecord(record, { record: index }, where, sourceIndex, profile, readers, { ...visitor, record: (found) => visitor.record({ ...found, item }) });
			else visitor.reject(sourceIndex, `record ${index + 1} of '${recordsPath}' is not an object`);
		}
	}
}
