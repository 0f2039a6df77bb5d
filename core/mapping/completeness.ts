/**
 * The `_completeness` mark of each Location the Mapper outputs: may the Push treat the Location as the whole
 * site (and mark EVSEs missing from it REMOVED)? Only when every contributing record came from a complete
 * read of its site (its `_read` mark, or the Mapper's "Input Is a Complete Read" for a full export) and no
 * record of that site was refused. A refused record whose site cannot be read might belong to any site, so
 * it makes every Location of the run incomplete.
 */
import { isRecord } from '../foundation/json';
import { readMarkOf, type LocationCompleteness, type RefusedSource, type SourceReadMark } from '../ocpi/completeness';
import { instantMs } from '../foundation/dateTime';

export interface RefusedRecord {
	sourceIndex: number;
	/** The Location key the item names, when it can be read. */
	locationKey?: string;
	assetId?: string;
	reasons: string[];
}

/** The run's refused records by site (upper case: Location ids are CiStrings), and those naming no site; each list ascending. */
export interface RefusedIndex {
	bySite: Map<string, RefusedRecord[]>;
	siteless: RefusedRecord[];
}

export interface CompletenessContext {
	items: readonly unknown[];
	refused: RefusedIndex;
	/** The user states the whole input is a complete read (e.g. a full CSV export). */
	inputIsComplete: boolean;
	/** The run time (OCPI DateTime): the read time of records that do not say when they were read. */
	now: string;
	/** The asset (charger) an item describes, to name it in reasons. */
	assetIdOf: (index: number) => string | undefined;
}

const NAMED = 3;

/** Location ids are CiStrings: a record keyed `ber-0001` belongs to site `BER-0001`. */
function sameSite(a: string, b: string): boolean {
	return a.toUpperCase() === b.toUpperCase();
}

/** Indexes the refused records (ascending) once per run, so each Location finds its own without a pass over all. */
export function indexRefused(refused: readonly RefusedRecord[]): RefusedIndex {
	const index: RefusedIndex = { bySite: new Map(), siteless: [] };
	for (const record of refused) {
		if (record.locationKey === undefined) {
			index.siteless.push(record);
			continue;
		}
		const site = record.locationKey.toUpperCase();
		const list = index.bySite.get(site);
		if (list) list.push(record);
		else index.bySite.set(site, [record]);
	}
	return index;
}

/** "charger CP-1", "chargers CP-1, CP-2 and 4 more", "item 3". */
function recordsNamed(indexes: readonly number[], idOf: (index: number) => string | undefined): string {
	// only the first NAMED are shown, but every one decides whether they are all chargers
	let shown = '';
	let allChargers = true;
	for (let i = 0; i < indexes.length; i++) {
		const id = idOf(indexes[i]);
		if (id === undefined) allChargers = false;
		if (i < NAMED) shown += `${i > 0 ? ', ' : ''}${id ?? `item ${indexes[i]}`}`;
	}
	const unit = allChargers ? (indexes.length === 1 ? 'charger' : 'chargers') : 'records';
	return `${unit} ${shown}${indexes.length > NAMED ? ` and ${indexes.length - NAMED} more` : ''}`;
}

function firstReason(record: RefusedRecord): string {
	return record.reasons.length > 1 ? `${record.reasons[0]} (and ${record.reasons.length - 1} more problems)` : (record.reasons[0] ?? 'no reason given');
}

export function assetIdOf(item: unknown): string | undefined {
	if (!isRecord(item)) return undefined;
	const id = item.assetId;
	return typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? String(id) : undefined;
}

/** Why a record's read is not a complete read of site `locationId`; undefined when it is. */
function gapOf(mark: SourceReadMark | undefined, locationId: string): string | undefined {
	if (!mark) return 'carry no mark of a complete read (_read)';
	if (!mark.complete) return `came from a read that was not complete: ${mark.reason ?? 'no reason given'}`;
	if (mark.scope === 'group' && mark.group !== undefined && !sameSite(String(mark.group), locationId)) {
		return `came from a complete read of group '${String(mark.group)}', not of site '${locationId}'`;
	}
	return undefined;
}

/**
 * In one pass over the contributing records' marks: why they are not a complete read of site `locationId`,
 * grouped by reason (none when the input is complete), and their earliest `_read.readAt`, as written (the run
 * time when none says).
 */
function readsBehind(locationId: string, sourceIndexes: readonly number[], context: CompletenessContext): { gaps: string[]; readAt: string } {
	// few kinds of gap per Location: pairs searched in order, no Map per Location
	let gaps: Array<[string, number[]]> | undefined;
	let earliest: string | undefined;
	let earliestMs = Number.POSITIVE_INFINITY;
	for (const index of sourceIndexes) {
		const mark = readMarkOf(context.items[index]);
		const readAt = mark?.readAt;
		const at = instantMs(readAt);
		if (at !== undefined && at < earliestMs) [earliest, earliestMs] = [String(readAt), at];
		if (context.inputIsComplete) continue;
		const gap = gapOf(mark, locationId);
		if (!gap) continue;
		gaps ??= [];
		let pair = 0;
		while (pair < gaps.length && gaps[pair][0] !== gap) pair++;
		if (pair < gaps.length) gaps[pair][1].push(index);
		else gaps.push([gap, [index]]);
	}
	const named = gaps ? gaps.map(([gap, indexes]) => `${recordsNamed(indexes, context.assetIdOf)} ${gap}`) : [];
	return { gaps: named, readAt: earliest ?? context.now };
}

/** The site's own refused records and those naming no site, in input order. */
function refusedFor(locationId: string, index: RefusedIndex): readonly RefusedRecord[] {
	const own = index.bySite.get(locationId.toUpperCase());
	if (!own) return index.siteless;
	if (index.siteless.length === 0) return own;
	const merged: RefusedRecord[] = [];
	let a = 0;
	let b = 0;
	while (a < own.length || b < index.siteless.length) {
		if (b >= index.siteless.length || (a < own.length && own[a].sourceIndex < index.siteless[b].sourceIndex)) merged.push(own[a++]);
		else merged.push(index.siteless[b++]);
	}
	return merged;
}

export function completenessFor(locationId: string, sourceIndexes: readonly number[], context: CompletenessContext): LocationCompleteness {
	const reads = readsBehind(locationId, sourceIndexes, context);
	const reasons = reads.gaps;
	const refused: RefusedSource[] = [];
	for (const record of refusedFor(locationId, context.refused)) {
		const ours = record.locationKey !== undefined;
		const name = record.assetId !== undefined ? `charger ${record.assetId}` : `item ${record.sourceIndex}`;
		const reason = ours
			? `${name} could not be mapped: ${firstReason(record)}`
			: `${name} could not be mapped and names no site, so it may belong to this one: ${firstReason(record)}`;
		refused.push({ item: record.sourceIndex, ...(record.assetId !== undefined ? { assetId: record.assetId } : {}), reason });
		reasons.push(reason);
	}
	return { complete: reasons.length === 0, reasons, sources: sourceIndexes.length, refused, readAt: reads.readAt };
}
