/**
 * The Mapper's entry point: asset items of any of the three shapes → OCPI Locations with their
 * EVSEs and connectors, plus the items that could not be used and why. Every input index ends up
 * in exactly one place: the sourceIndexes of one or more Locations, or `unmappable`.
 */
import { ocpiDateTime } from '../foundation/dateTime';
import { isRecord } from '../foundation/json';
import { emptyKnownKeys, learnKeys, SAMPLED_RECORDS } from './autoMapping';
import { assembleLocation, type MappedLocation } from './assembleLocations';
import { LocationGrouper } from './buildLocations';
import { stampOf } from './newestStamp';
import { compileMapping, type CompiledMapping, type KeyReader } from './compileMapping';
import { assetIdOf, completenessFor, indexRefused, type RefusedRecord } from './completeness';
import { reportCaseCollisions } from './idCollisions';
import type { MappingContext } from './fieldMapping';
import { MAPPED_OBJECTS, type FieldRule, type MappedObject, type MappingProfile } from './profile';
import { visitRecords, type AssetObject, type ConnectorRecord } from './shapes';
import { readMarkOf } from '../ocpi/completeness';

export interface MapAssetsOptions {
	/** The run time: last_updated where the data has none. */
	now: Date;
	/** Evaluates n8n expression sources ('={{ … }}') for an item; without it they read as empty. */
	evaluate?: MappingContext['evaluate'];
	/** The whole input is a complete read (a full export): Locations need no `_read` marks to be complete. */
	inputIsComplete?: boolean;
}

export interface UnmappableItem {
	sourceIndex: number;
	reasons: string[];
}

export interface MappingResult {
	locations: MappedLocation[];
	unmappable: UnmappableItem[];
	/** The profile with the auto-mapped sources written in: what the run actually used. */
	effectiveProfile: MappingProfile;
}

/** The profile as run: explicit rules kept, auto-mapped sources added. */
function effectiveProfileOf(mapping: CompiledMapping): MappingProfile {
	const { profile } = mapping;
	const fields = {} as Record<MappedObject, Record<string, FieldRule>>;
	for (const object of MAPPED_OBJECTS) {
		const rules: Record<string, FieldRule> = {};
		for (const [name, field] of mapping.fields[object]) {
			const rule: FieldRule = { ...profile.fields[object][name] };
			if (field.source !== undefined) rule.source = field.source;
			if (Object.keys(rule).length > 0) rules[name] = rule;
		}
		fields[object] = rules;
	}
	return { ...profile, fields };
}

function keyText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	return typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;
}

const NO_FIELDS: AssetObject = Object.freeze({});

/** Reads a key of an item taken as one record of every level, whatever the shape; one record object serves every item. */
function itemKeyReader(items: readonly unknown[]): (index: number, read: KeyReader) => unknown {
	const whole: ConnectorRecord = { sourceIndex: 0, site: NO_FIELDS, chargePoint: NO_FIELDS, outlet: NO_FIELDS };
	return (index, read) => {
		const item = items[index];
		whole.sourceIndex = index;
		whole.site = whole.chargePoint = whole.outlet = isRecord(item) ? item : NO_FIELDS;
		return read(whole);
	};
}

/** The trigger's assetId, else the charge point key (absent for a site item). */
function assetIdReader(items: readonly unknown[], mapping: CompiledMapping): (index: number) => string | undefined {
	const keyOf = itemKeyReader(items);
	return (index) => assetIdOf(items[index]) ?? keyText(keyOf(index, mapping.keys.evse));
}

/** Every item with a reason, used or not: its Location key (else the group its read names) and its asset id. */
function refusedRecords(items: readonly unknown[], mapping: CompiledMapping, reasons: ReadonlyMap<number, string[]>): RefusedRecord[] {
	const refused: RefusedRecord[] = [];
	const assetIdAt = assetIdReader(items, mapping);
	const keyOf = itemKeyReader(items);
	for (const [sourceIndex, itemReasons] of reasons) {
		const locationKey = keyText(keyOf(sourceIndex, mapping.keys.location)) ?? keyText(readMarkOf(items[sourceIndex])?.group);
		const assetId = assetIdAt(sourceIndex);
		refused.push({ sourceIndex, reasons: itemReasons, ...(locationKey !== undefined ? { locationKey } : {}), ...(assetId !== undefined ? { assetId } : {}) });
	}
	return refused.sort((a, b) => a.sourceIndex - b.sourceIndex);
}

export interface PreparedMapping {
	records: ConnectorRecord[];
	/** Items (or parts) that cannot become records, with the reason. */
	early: Array<[number, string]>;
	mapping: CompiledMapping;
}

/** The records of every item and the mapping compiled against the field names they use. */
export function prepareMapping(items: readonly unknown[], profile: MappingProfile, evaluate?: MappingContext['evaluate']): PreparedMapping {
	const records: ConnectorRecord[] = [];
	const early: Array<[number, string]> = [];
	visitRecords(items, profile, {
		record: (record) => records.push(record),
		reject: (sourceIndex, reason) => early.push([sourceIndex, reason]),
	});
	const known = emptyKnownKeys();
	for (let i = 0; i < records.length && i < SAMPLED_RECORDS; i++) learnKeys(known, records[i]);
	return { records, early, mapping: compileMapping(profile, known, evaluate) };
}

export function mapAssets(items: readonly unknown[], profile: MappingProfile, options: MapAssetsOptions): MappingResult {
	const { records, early, mapping } = prepareMapping(items, profile, options.evaluate);

	const grouper = new LocationGrouper(mapping);
	for (const [sourceIndex, reason] of early) grouper.reject(sourceIndex, reason);
	grouper.countEvses(records);
	for (const record of records) grouper.add(record);
	grouper.reportConflicts();
	reportCaseCollisions(grouper.locations, (sourceIndex, reason) => grouper.reject(sourceIndex, reason));

	const now = ocpiDateTime(options.now.getTime());
	const nowStamp = stampOf(now);
	const locations: MappedLocation[] = [];
	const used = new Uint8Array(items.length);
	for (const entry of grouper.locations.values()) {
		const mapped = assembleLocation(entry, profile, nowStamp, grouper.reasons);
		if (!mapped) continue;
		locations.push(mapped);
		for (const index of mapped.sourceIndexes) used[index] = 1;
	}
	const unmappable: UnmappableItem[] = [];
	// used items with reasons too: a site item of which one charger failed leaves that charger out
	const refusedReasons = new Map(grouper.reasons);
	for (let index = 0; index < items.length; index++) {
		if (used[index]) continue;
		const reasons = grouper.reasons.get(index) ?? ['nothing in this item could be mapped to a connector'];
		unmappable.push({ sourceIndex: index, reasons });
		refusedReasons.set(index, reasons);
	}
	const completeness = {
		items,
		refused: indexRefused(refusedRecords(items, mapping, refusedReasons)),
		inputIsComplete: options.inputIsComplete === true,
		now,
		assetIdOf: assetIdReader(items, mapping),
	};
	for (const mapped of locations) mapped.location._completeness = completenessFor(String(mapped.location.id), mapped.sourceIndexes, completeness);
	return { locations, unmappable, effectiveProfile: effectiveProfileOf(mapping) };
}
