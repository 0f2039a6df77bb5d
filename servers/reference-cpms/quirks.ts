/**
 * `--quirks`: the reference CPMS behaves like real OCPI receivers do, within the spec but not our way,
 * so the sync is tested against them: CiString ids stored lower-cased (2.2.1), `[]` and `null` for
 * unset optional fields plus the spec's default charging_when_closed, DateTimes echoed in another valid
 * form, written objects echoed back, unknown EVSEs/Connectors answered HTTP 200 + 3000 and an unknown
 * Location HTTP 200 + 2003 (no data), single objects wrapped in a one-element list, endpoint URLs
 * advertised on another base than the versions URL, and `/credentials` redirected to `/credentials/`.
 */
import { hasPartyFields, type OcpiObjectKind, type OcpiVersion } from '../../core/ocpi/version';
import { envelope, OCPI_STATUS, type OcpiReply } from './envelope';
import { handleLocations, kindOf, type LocationsRequest } from './locations';
import type { CpmsStore, Json } from './store';

/** The advertised base: every versions and endpoint URL goes through it, the versions URL given out does not. */
export const QUIRKS_BASE_PATH = '/cpms';

const CI_STRING_FIELDS = new Set(['id', 'uid', 'country_code', 'party_id', 'evse_id', 'tariff_ids']);
const DATE_TIME_FIELDS = new Set(['last_updated', 'period_begin', 'period_end']);
const UTC_Z = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?Z$/;

/** Optional fields a receiver fills when unset: lists with [], the rest with null (2.2.1 names). */
const UNSET_FIELDS: Record<OcpiObjectKind, { lists: string[]; values: string[] }> = {
	location: {
		lists: ['publish_allowed_to', 'related_locations', 'directions', 'facilities', 'images'],
		values: ['name', 'postal_code', 'state', 'parking_type', 'operator', 'suboperator', 'owner', 'opening_times', 'energy_mix'],
	},
	evse: {
		lists: ['status_schedule', 'capabilities', 'directions', 'parking_restrictions', 'images'],
		values: ['evse_id', 'floor_level', 'coordinates', 'physical_reference'],
	},
	connector: { lists: ['tariff_ids'], values: ['max_electric_power', 'terms_and_conditions'] },
};

/** Stored lower-cased, as receivers that normalise CiStrings do (2.2.1 only: 2.1.1 ids are case-sensitive). */
function lowerCaseIds(value: unknown, field = ''): unknown {
	if (Array.isArray(value)) return value.map((item) => lowerCaseIds(item, field));
	if (typeof value === 'string') return CI_STRING_FIELDS.has(field) ? value.toLowerCase() : value;
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, lowerCaseIds(item, key)]));
}

/** `2026-11-01T08:00:00Z` → `2026-11-01T08:00:00.000`: the same instant, no Z (UTC by the spec), with a fraction. */
function otherDateTimeForm(value: unknown, field = ''): unknown {
	if (Array.isArray(value)) return value.map((item) => otherDateTimeForm(item, field));
	if (typeof value === 'string') {
		const match = DATE_TIME_FIELDS.has(field) ? UTC_Z.exec(value) : null;
		return match ? `${match[1]}${match[2] ?? '.000'}` : value;
	}
	if (value === null || typeof value !== 'object') return value;
	return Object.fromEntries(Object.entries(value as Json).map(([key, item]) => [key, otherDateTimeForm(item, key)]));
}

function withUnsetFields(object: Json, kind: OcpiObjectKind): Json {
	const out: Json = { ...object };
	for (const field of UNSET_FIELDS[kind].lists) out[field] ??= [];
	for (const field of UNSET_FIELDS[kind].values) out[field] ??= null;
	if (kind === 'location') {
		out.charging_when_closed ??= true;
		if (Array.isArray(out.evses)) out.evses = out.evses.map((evse: Json) => withUnsetFields(evse, 'evse'));
	}
	if (kind === 'evse' && Array.isArray(out.connectors)) out.connectors = out.connectors.map((connector: Json) => withUnsetFields(connector, 'connector'));
	return out;
}

/** The stored object at the request's level, as the receiver shows it. */
function shown(store: CpmsStore, req: LocationsRequest, kind: OcpiObjectKind): Json | undefined {
	const reply = handleLocations(store, { ...req, method: 'GET', body: undefined });
	const object = reply.body.status_code === OCPI_STATUS.success ? (reply.body.data as Json) : undefined;
	if (!object) return undefined;
	return otherDateTimeForm(hasPartyFields(req.version) ? withUnsetFields(object, kind) : object) as Json;
}

/** A Sender page lists each Location the way this receiver shows one ([] and null for unset fields, other DateTime forms). */
export function quirkySenderPage(reply: OcpiReply, version: OcpiVersion): OcpiReply {
	const data = reply.body.data;
	if (!Array.isArray(data)) return reply;
	const listed = data.map((location: Json) => otherDateTimeForm(hasPartyFields(version) ? withUnsetFields(location, 'location') : location));
	return { ...reply, body: { ...reply.body, data: listed } };
}

function answered(data: unknown, statusCode: number = OCPI_STATUS.success, message?: string): OcpiReply {
	return { http: 200, body: envelope(statusCode, data, message) };
}

/** The Locations receiver with the quirks: stores through the normal handler, answers the way quirky receivers do. */
export function quirkyLocations(store: CpmsStore, req: LocationsRequest): OcpiReply {
	const kind = kindOf(req);
	if (req.method === 'GET') {
		const object = shown(store, req, kind);
		if (object) return answered([object]);
		return kind === 'location' ? answered(null, OCPI_STATUS.unknownLocation, 'Location not found') : answered(undefined, OCPI_STATUS.serverError, 'Object not found');
	}
	const body = hasPartyFields(req.version) ? lowerCaseIds(req.body) : req.body;
	const reply = handleLocations(store, { ...req, body });
	if (reply.body.status_code !== OCPI_STATUS.success) return reply;
	return answered(shown(store, req, kind));
}

/** The path without the advertised base, so both forms reach the same route. */
export function withoutQuirksBase(pathname: string): string {
	return pathname === QUIRKS_BASE_PATH || pathname.startsWith(`${QUIRKS_BASE_PATH}/`) ? pathname.slice(QUIRKS_BASE_PATH.length) || '/' : pathname;
}

/** `/ocpi/{version}/credentials` answers a redirect to the same path with a slash (307 keeps method and body). */
export function credentialsRedirect(pathname: string): OcpiReply | undefined {
	if (!/\/ocpi\/[^/]+\/credentials$/.test(pathname)) return undefined;
	return { http: 307, body: envelope(OCPI_STATUS.success, undefined, 'Moved: use the path with a trailing slash'), headers: { Location: `${pathname}/` } };
}
