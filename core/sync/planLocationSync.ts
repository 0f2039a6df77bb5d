/**
 * The delta planner: which OCPI Receiver requests turn what the CPMS holds (`known`) into what the
 * asset system says (`desired`). Pure: no I/O, no clock (the caller passes `now`).
 *
 * Rules (mod_locations Receiver interface): new object → PUT at its level; changed fields → PATCH at
 * the deepest level that changed, with only those fields and last_updated; a removed field → PUT of
 * that object (PATCH cannot remove); a vanished EVSE → PATCH status REMOVED (OCPI never deletes).
 */
import { idKey } from '../ocpi/ids';
import { isRecord } from '../foundation/json';
import { children, pairedInOrder } from './childPairing';
import { diffFields, stripMetadata, type FieldDiff } from './objectDiff';
import { patchBody, putBody } from './objectBodies';
import { decideRemovals } from './removals';
import { DEFAULT_STALENESS, staleSkip, wholeSite, type StaleSkip } from './staleness';
import { stampFor, toOcpiDateTime } from './timestamps';
import { CONNECTOR_IGNORED, EVSE_IGNORED, LOCATION_IGNORED, unchangedLocation } from './unchangedLocation';
import type { FieldChange, JsonObject, LocationIds, PlannedRequest, PlanOptions, SyncPlan } from './types';

interface Context {
	options: PlanOptions;
	now: string;
	requests: PlannedRequest[];
	changes: FieldChange[];
	stale: StaleSkip[];
}

/** Children by id as the receiver matches them (CiStrings: case-insensitively). */
function byId(ctx: Context, list: JsonObject[], field: 'uid' | 'id'): Map<string, JsonObject> {
	return new Map(list.map((item) => [idKey(item[field], ctx.options.version), item]));
}

/** The receiver URL ids of a Location; throws when it has no id or no owner party. */
export function locationIds(desired: JsonObject, options: PlanOptions): LocationIds {
	const country = typeof desired.country_code === 'string' ? desired.country_code : options.party?.country_code;
	const party = typeof desired.party_id === 'string' ? desired.party_id : options.party?.party_id;
	if (typeof desired.id !== 'string' || desired.id === '') throw new Error('The Location has no id, so it cannot be synced');
	if (!country || !party) {
		throw new Error(`Location ${desired.id}: country_code and party_id are needed for the receiver URL (OCPI ${options.version}); pass options.party`);
	}
	return { country_code: country, party_id: party, location_id: desired.id };
}

function removedEvse(known: JsonObject, now: string): { body: JsonObject; full: JsonObject } {
	const stamp = stampFor({ last_updated: now }, known, now);
	return { body: { status: 'REMOVED', last_updated: stamp }, full: putBody({ ...known, status: 'REMOVED' }, stamp) };
}

/** Records and reports an object the CPMS holds in a newer state; true when it must not be written. */
function skippedAsStale(ctx: Context, level: PlannedRequest['level'], path: string, desired: JsonObject, known: JsonObject): boolean {
	if (level === 'location' && !wholeSite(desired, ctx.options)) return false;
	const skip = staleSkip(path, desired, known, ctx.options.staleness ?? DEFAULT_STALENESS);
	if (skip) ctx.stale.push(skip);
	return skip !== undefined;
}

function hasDifferences(diff: FieldDiff): boolean {
	return diff.changed.length + diff.removed.length > 0;
}

/** A changed object: PUT when a field was removed, PATCH of the changed fields otherwise, nothing when equal. */
function planObject(
	ctx: Context,
	level: PlannedRequest['level'],
	ids: LocationIds,
	path: string,
	desired: JsonObject,
	known: JsonObject,
	ignored: ReadonlySet<string>,
	full: () => JsonObject,
	given?: FieldDiff,
): 'put' | 'patch' | 'none' {
	const diff = given ?? diffFields(desired, known, ignored, ctx.options.version);
	// the usual case on a daily compare: nothing to stamp, nothing to build
	if (!hasDifferences(diff)) return 'none';
	if (skippedAsStale(ctx, level, path, desired, known)) return 'none';
	for (const field of diff.changed) ctx.changes.push({ path: `${path}.${field}`, from: stripMetadata(known[field]), to: stripMetadata(desired[field]) });
	for (const field of diff.removed) ctx.changes.push({ path: `${path}.${field}`, from: stripMetadata(known[field]), to: undefined });
	const stamp = stampFor(desired, known, ctx.now);
	if (diff.removed.length > 0) {
		ctx.requests.push({ method: 'PUT', level, ids, body: putBody(full(), stamp), reason: `${path}: ${diff.removed.join(', ')} removed (PATCH cannot remove fields)` });
		return 'put';
	}
	if (diff.changed.length === 0) return 'none';
	ctx.requests.push({
		method: 'PATCH',
		level,
		ids,
		body: patchBody(desired, diff.changed, stamp),
		reason: `${path}: ${diff.changed.join(', ')} changed`,
		fullObject: putBody(full(), stamp),
	});
	return 'patch';
}

/** The known counterpart of each desired child (same position), and the known children desired lacks. */
function matchChildren(ctx: Context, desired: JsonObject[], known: JsonObject[], field: 'uid' | 'id'): { counterparts: Array<JsonObject | undefined>; vanished: JsonObject[] } {
	if (pairedInOrder(desired, known, field, ctx.options.version)) return { counterparts: known, vanished: [] };
	const knownById = byId(ctx, known, field);
	const desiredIds = byId(ctx, desired, field);
	return {
		counterparts: desired.map((child) => knownById.get(idKey(child[field], ctx.options.version))),
		vanished: known.filter((child) => !desiredIds.has(idKey(child[field], ctx.options.version))),
	};
}

function planConnectors(ctx: Context, evseIds: LocationIds, path: string, desired: JsonObject[], counterparts: Array<JsonObject | undefined>): void {
	for (let i = 0; i < desired.length; i++) {
		const connector = desired[i];
		const before = counterparts[i];
		const diff = before ? diffFields(connector, before, CONNECTOR_IGNORED, ctx.options.version) : undefined;
		// the usual case, nothing changed: no ids, no path built
		if (diff && !hasDifferences(diff)) continue;
		const ids = { ...evseIds, connector_id: String(connector.id) };
		const cPath = `${path}.connectors[${connector.id}]`;
		if (!before) {
			// the CPMS's newer EVSE lacks it: dropped there later, so the older data must not bring it back
			if (ctx.stale.some((skip) => skip.path === path)) continue;
			ctx.changes.push({ path: cPath, from: undefined, to: 'new Connector' });
			ctx.requests.push({ method: 'PUT', level: 'connector', ids, body: putBody(connector, stampFor(connector, undefined, ctx.now)), reason: `${cPath}: new Connector` });
			continue;
		}
		planObject(ctx, 'connector', ids, cPath, connector, before, CONNECTOR_IGNORED, () => connector, diff);
	}
}

function planEvse(ctx: Context, locationIdsValue: LocationIds, desired: JsonObject, known: JsonObject | undefined): void {
	const ids = { ...locationIdsValue, evse_uid: String(desired.uid) };
	const path = `evses[${desired.uid}]`;
	if (!known) {
		ctx.changes.push({ path, from: undefined, to: 'new EVSE' });
		ctx.requests.push({ method: 'PUT', level: 'evse', ids, body: putBody(desired, stampFor(desired, undefined, ctx.now)), reason: `${path}: new EVSE` });
		return;
	}
	const desiredConnectors = children(desired, 'connectors');
	const { counterparts, vanished: lostConnectors } = matchChildren(ctx, desiredConnectors, children(known, 'connectors'), 'id');
	if (lostConnectors.length > 0) {
		if (skippedAsStale(ctx, 'evse', path, desired, known)) return;
		// a Connector can only leave its EVSE by a PUT of the EVSE (connectors is a required list)
		for (const lost of lostConnectors) ctx.changes.push({ path: `${path}.connectors[${lost.id}]`, from: 'Connector', to: undefined });
		diffFields(desired, known, EVSE_IGNORED, ctx.options.version).changed.forEach((field) => ctx.changes.push({ path: `${path}.${field}`, from: known[field], to: desired[field] }));
		const stamp = stampFor(desired, known, ctx.now);
		ctx.requests.push({ method: 'PUT', level: 'evse', ids, body: putBody(desired, stamp), reason: `${path}: connector(s) ${lostConnectors.map((c) => c.id).join(', ')} removed` });
		return;
	}
	const outcome = planObject(ctx, 'evse', ids, path, desired, known, EVSE_IGNORED, () => desired);
	// a PUT of the EVSE already carries its connectors
	if (outcome !== 'put') planConnectors(ctx, ids, path, desiredConnectors, counterparts);
}

export function planLocationSync(desiredInput: unknown, knownInput: unknown | undefined, options: PlanOptions): SyncPlan {
	if (!isRecord(desiredInput)) throw new Error('The desired Location must be an object');
	const known = isRecord(knownInput) ? knownInput : undefined;
	// the usual daily compare: one walk of both trees, no diffs, paths or ids built
	if (known && unchangedLocation(desiredInput, known, options.version)) {
		const ids = locationIds(desiredInput, options);
		return { locationId: ids.location_id, ids, version: options.version, action: 'unchanged', requests: [], changes: [], withheld: [], stale: [] };
	}
	return planInFull(desiredInput, known, options);
}

/** The planner without its unchanged shortcut: every field diffed (the oracle of the shortcut's tests). */
export function planInFull(desired: JsonObject, known: JsonObject | undefined, options: PlanOptions): SyncPlan {
	const ids = locationIds(desired, options);
	let nowText: string | undefined;
	const ctx: Context = {
		options,
		// formatted only when something is stamped: an unchanged Location needs no date text
		get now() {
			return (nowText ??= toOcpiDateTime(options.now));
		},
		requests: [],
		changes: [],
		stale: [],
	};
	const base = { locationId: ids.location_id, ids, version: options.version };

	if (!known) {
		ctx.changes.push({ path: 'location', from: undefined, to: 'new Location' });
		const body = putBody(desired, stampFor(desired, undefined, ctx.now));
		return { ...base, action: 'create', requests: [{ method: 'PUT', level: 'location', ids, body, reason: 'new Location' }], changes: ctx.changes, withheld: [], stale: [] };
	}

	const desiredEvses = children(desired, 'evses');
	const { counterparts, vanished } = matchChildren(ctx, desiredEvses, children(known, 'evses'), 'uid');
	const { toRemove, withheld } = vanished.length === 0 ? { toRemove: [], withheld: [] } : decideRemovals(desired, vanished, options, ctx.now);

	// a Location PUT replaces its EVSE list: keep vanished EVSEs in it (as REMOVED, or untouched when withheld or ignored)
	const fullLocation = (): JsonObject => ({
		...desired,
		evses: [
			...desiredEvses,
			...vanished.map((e) => (toRemove.includes(e) ? removedEvse(e, ctx.now).full : stripMetadata(e))),
		],
	});
	const locationOutcome = planObject(ctx, 'location', ids, 'location', desired, known, LOCATION_IGNORED, fullLocation);

	if (locationOutcome === 'put') {
		for (const e of toRemove) ctx.changes.push({ path: `evses[${e.uid}].status`, from: e.status, to: 'REMOVED' });
	} else {
		desiredEvses.forEach((evse, i) => planEvse(ctx, ids, evse, counterparts[i]));
		for (const evse of toRemove) {
			const { body, full } = removedEvse(evse, ctx.now);
			const path = `evses[${evse.uid}]`;
			ctx.changes.push({ path: `${path}.status`, from: evse.status, to: 'REMOVED' });
			ctx.requests.push({ method: 'PATCH', level: 'evse', ids: { ...ids, evse_uid: String(evse.uid) }, body, reason: `${path}: no longer in the asset data → REMOVED`, fullObject: full });
		}
	}
	return { ...base, action: ctx.requests.length === 0 ? 'unchanged' : 'update', requests: ctx.requests, changes: ctx.changes, withheld, stale: ctx.stale };
}
