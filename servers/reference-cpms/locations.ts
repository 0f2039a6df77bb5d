/**
 * The Locations receiver interface: GET, PUT and PATCH of a Location, EVSE or Connector. Every body
 * is checked by core/validation (the one place the OCPI rules live); this file only adds what is
 * about URLs and storage: ids in the URL, parents that must exist, parents' last_updated.
 */
import { isRecord } from '../../core/foundation/json';
import { isValidDateTime } from '../../core/ocpi/fields';
import { sameId } from '../../core/ocpi/ids';
import { findChild, isLaterLastUpdated } from '../../core/ocpi/locationTree';
import { hasPartyFields, type OcpiObjectKind, type OcpiVersion } from '../../core/ocpi/version';
import type { OcpiIssue } from '../../core/foundation/issue';
import { validateOcpiObject } from '../../core/validation/validate';
import { fail, ok, OCPI_STATUS, type OcpiReply } from './envelope';
import { partyKey, type CpmsStore, type Json } from './store';

export interface LocationsRequest {
	method: string;
	version: OcpiVersion;
	countryCode: string;
	partyId: string;
	locationId: string;
	evseUid?: string;
	connectorId?: string;
	/** Parsed JSON body (undefined for GET). */
	body?: unknown;
	/** Set when the CPMS replaces last_updated with its own entry time (option stampEntryTime). */
	entryTime?: string;
}

/** The CPMS's entry time on the written object and its children, instead of what the client sent. */
function stampEntry(object: Json, entryTime: string | undefined): void {
	if (entryTime === undefined) return;
	object.last_updated = entryTime;
	for (const key of ['evses', 'connectors']) {
		if (Array.isArray(object[key])) for (const child of object[key]) if (child && typeof child === 'object') stampEntry(child, entryTime);
	}
}

const NAMES: Record<OcpiObjectKind, string> = { location: 'Location', evse: 'EVSE', connector: 'Connector' };
const MAX_LISTED_ISSUES = 20;

export function kindOf(req: LocationsRequest): OcpiObjectKind {
	if (req.connectorId !== undefined) return 'connector';
	return req.evseUid !== undefined ? 'evse' : 'location';
}

/** "path: message; path: message" — what a client needs to find the field to fix. */
export function describeIssues(issues: readonly OcpiIssue[], prefix = ''): string {
	const shown = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
		const path = prefix && issue.path ? `${prefix}.${issue.path}` : prefix || issue.path || '(object)';
		return `${path}: ${issue.message}`;
	});
	if (issues.length > MAX_LISTED_ISSUES) shown.push(`… and ${issues.length - MAX_LISTED_ISSUES} more`);
	return shown.join('; ');
}

/** Ids in the body that contradict the URL (only where the body has them). */
function idMismatches(req: LocationsRequest, kind: OcpiObjectKind, body: Json): string[] {
	const expected: Array<[field: string, urlValue: string, caseInsensitive: boolean]> = [];
	if (kind === 'location') {
		expected.push(['id', req.locationId, false]);
		if (hasPartyFields(req.version)) expected.push(['country_code', req.countryCode, true], ['party_id', req.partyId, true]);
	} else if (kind === 'evse') {
		expected.push(['uid', req.evseUid!, false]);
	} else {
		expected.push(['id', req.connectorId!, false]);
	}
	const problems: string[] = [];
	for (const [field, urlValue, caseInsensitive] of expected) {
		const value = body[field];
		if (typeof value !== 'string') continue;
		const same = caseInsensitive ? value.toUpperCase() === urlValue.toUpperCase() : sameId(value, urlValue, req.version);
		if (!same) problems.push(`${field}: "${value}" in the body does not match "${urlValue}" in the URL`);
	}
	return problems;
}

function unknown(what: string): OcpiReply {
	return fail(404, OCPI_STATUS.unknownLocation, what);
}

function invalid(message: string): OcpiReply {
	return fail(400, OCPI_STATUS.invalidParameters, message);
}

/** The stored Location and, below it, the addressed EVSE and Connector (with their list positions). */
interface Found {
	location?: Json;
	evseIndex: number;
	connectorIndex: number;
	missing?: OcpiReply;
}

function find(req: LocationsRequest, location: Json | undefined, kind: OcpiObjectKind): Found {
	const found: Found = { location, evseIndex: -1, connectorIndex: -1 };
	if (!location) return { ...found, missing: unknown(`Unknown Location "${req.locationId}" of ${req.countryCode}/${req.partyId}`) };
	if (kind === 'location') return found;
	const evses: Json[] = Array.isArray(location.evses) ? location.evses : [];
	found.evseIndex = findChild(evses, 'evse', req.evseUid!, req.version);
	if (found.evseIndex < 0) return { ...found, missing: unknown(`Unknown EVSE "${req.evseUid}" in Location "${req.locationId}"`) };
	if (kind === 'evse') return found;
	const connectors: Json[] = Array.isArray(evses[found.evseIndex].connectors) ? evses[found.evseIndex].connectors : [];
	found.connectorIndex = findChild(connectors, 'connector', req.connectorId!, req.version);
	if (found.connectorIndex < 0) {
		return { ...found, missing: unknown(`Unknown Connector "${req.connectorId}" in EVSE "${req.evseUid}" of Location "${req.locationId}"`) };
	}
	return found;
}

/** A parent's last_updated becomes the child's when the child is newer (never moves backwards). */
function bump(parent: Json, childLastUpdated: unknown): void {
	if (!isValidDateTime(childLastUpdated)) return;
	if (!isValidDateTime(parent.last_updated) || isLaterLastUpdated(childLastUpdated, parent.last_updated)) {
		parent.last_updated = childLastUpdated;
	}
}

/**
 * Builds the Location as it would be after writing `object` at the addressed level (on a copy), bumping parents.
 * `found` has located the parents; the object itself may be new (index -1).
 */
function withObject(req: LocationsRequest, kind: OcpiObjectKind, stored: Json | undefined, object: Json): Json {
	if (kind === 'location') return object;
	const location: Json = structuredClone(stored!);
	const evses: Json[] = (location.evses = Array.isArray(location.evses) ? location.evses : []);
	if (kind === 'evse') {
		const index = findChild(evses, 'evse', req.evseUid!, req.version);
		if (index >= 0) evses[index] = object;
		else evses.push(object);
	} else {
		const evse = evses[findChild(evses, 'evse', req.evseUid!, req.version)];
		const connectors: Json[] = (evse.connectors = Array.isArray(evse.connectors) ? evse.connectors : []);
		const index = findChild(connectors, 'connector', req.connectorId!, req.version);
		if (index >= 0) connectors[index] = object;
		else connectors.push(object);
		bump(evse, object.last_updated);
	}
	bump(location, object.last_updated);
	return location;
}

/** Checks the object at its level, then the whole resulting Location (cross-field rules span levels). */
function problemsOf(req: LocationsRequest, kind: OcpiObjectKind, object: unknown, location: Json): string | undefined {
	const own = validateOcpiObject(object, { version: req.version, kind, profile: 'spec' });
	if (!own.valid) return `Invalid ${NAMES[kind]}: ${describeIssues(own.errors)}`;
	if (kind === 'location') return undefined;
	const whole = validateOcpiObject(location, { version: req.version, kind: 'location', profile: 'spec' });
	return whole.valid ? undefined : `The Location would become invalid: ${describeIssues(whole.errors)}`;
}

function get(store: CpmsStore, req: LocationsRequest, kind: OcpiObjectKind): OcpiReply {
	const found = find(req, store.location(req.version, partyKey(req.countryCode, req.partyId), req.locationId), kind);
	if (found.missing) return found.missing;
	const location = found.location!;
	if (kind === 'location') return ok(location);
	const evse = location.evses[found.evseIndex];
	return ok(kind === 'evse' ? evse : evse.connectors[found.connectorIndex]);
}

function put(store: CpmsStore, req: LocationsRequest, kind: OcpiObjectKind): OcpiReply {
	const party = partyKey(req.countryCode, req.partyId);
	const stored = store.location(req.version, party, req.locationId);
	const body = req.body;
	const mismatches = isRecord(body) ? idMismatches(req, kind, body as Json) : [];
	const own = validateOcpiObject(body, { version: req.version, kind, profile: 'spec' });
	if (mismatches.length > 0 || !own.valid) {
		const parts = [...mismatches];
		if (!own.valid) parts.push(describeIssues(own.errors));
		return invalid(`Invalid ${NAMES[kind]}: ${parts.join('; ')}`);
	}
	if (kind !== 'location') {
		// the parents must exist: an EVSE cannot be PUT into a Location the CPMS does not know
		const parentKind: OcpiObjectKind = kind === 'evse' ? 'location' : 'evse';
		const found = find(req, stored, parentKind);
		if (found.missing) return found.missing;
	}
	const object = structuredClone(body as Json);
	stampEntry(object, req.entryTime);
	const location = withObject(req, kind, stored, object);
	const problem = problemsOf(req, kind, object, location);
	if (problem) return invalid(problem);
	store.setLocation(req.version, party, req.locationId, location);
	return ok();
}

function patch(store: CpmsStore, req: LocationsRequest, kind: OcpiObjectKind): OcpiReply {
	const body = req.body;
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('The PATCH body must be a JSON object');
	const fields = body as Json;
	if (fields.last_updated === undefined) return invalid('last_updated is required in PATCH');
	const mismatches = idMismatches(req, kind, fields);
	if (mismatches.length > 0) return invalid(`Invalid ${NAMES[kind]} PATCH: ${mismatches.join('; ')}`);
	const party = partyKey(req.countryCode, req.partyId);
	const stored = store.location(req.version, party, req.locationId);
	const found = find(req, stored, kind);
	if (found.missing) return found.missing;
	const current: Json =
		kind === 'location'
			? stored!
			: kind === 'evse'
				? stored!.evses[found.evseIndex]
				: stored!.evses[found.evseIndex].connectors[found.connectorIndex];
	// PATCH replaces the given top-level fields (lists and nested objects whole), keeps the rest
	const merged: Json = { ...structuredClone(current), ...structuredClone(fields) };
	if (req.entryTime !== undefined) merged.last_updated = req.entryTime;
	const location = withObject(req, kind, stored, merged);
	const problem = problemsOf(req, kind, merged, location);
	if (problem) return invalid(`PATCH refused, nothing changed. ${problem}`);
	store.setLocation(req.version, party, req.locationId, location);
	return ok();
}

export function handleLocations(store: CpmsStore, req: LocationsRequest): OcpiReply {
	const kind = kindOf(req);
	switch (req.method) {
		case 'GET':
			return get(store, req, kind);
		case 'PUT':
			return put(store, req, kind);
		case 'PATCH':
			return patch(store, req, kind);
		default:
			return { ...fail(405, OCPI_STATUS.clientError, `${req.method} is not part of the Locations receiver interface (GET, PUT, PATCH)`), headers: { Allow: 'GET, PUT, PATCH' } };
	}
}
