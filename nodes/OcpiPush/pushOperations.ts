/**
 * What each operation does with the core client, one Location (or EVSE) at a time. The CPMS itself
 * is the sync state: every Sync GETs the Location as the CPMS holds it and plans against that.
 */
import { OcpiError, type OcpiClient, type OurCredentials, type RegistrationResult, type RequestResult } from '../../core/client';
import { pathOf, receiverUrl } from '../../core/client/receiverUrl';
import {
	planLocationSync,
	type FieldChange,
	type JsonObject,
	type LocationIds,
	type PlanOptions,
	type StalenessPolicy,
	type StaleSkip,
	type WithheldRemoval,
} from '../../core/sync';
import { toOcpiDateTime } from '../../core/sync/timestamps';
import { forCpmsVersion, type VersionConversion } from '../../core/sync/versionConversion';

/** partial: something was withheld or skipped as stale (beside any writes); stale: the only difference was older than the CPMS. */
export type PushAction =
	| 'created'
	| 'updated'
	| 'partial'
	| 'stale'
	| 'unchanged'
	| 'removed'
	| 'failed'
	| 'planned'
	| 'found'
	| 'notFound'
	| 'registered';

export interface RequestView {
	method: string;
	path: string;
	httpStatus?: number;
	statusCode?: number;
	statusMessage?: string;
	ok: boolean;
	attempts: number;
	reason?: string;
	skipped?: boolean;
	error?: string;
	/** Dry Run only: what would be sent. */
	body?: JsonObject;
}

export interface PushFailure {
	message: string;
	httpStatus?: number;
	statusCode?: number;
	statusMessage?: string;
}

export interface PushOutcome {
	locationId: string;
	evseUid?: string;
	action: PushAction;
	requests: RequestView[];
	changes: FieldChange[];
	/** Sync: EVSEs missing from the Location left untouched (incomplete input), and why. */
	withheld?: WithheldRemoval[];
	/** Sync: objects the CPMS holds in a newer state, not overwritten. */
	stale?: StaleSkip[];
	/** Sync: the Location was converted down to the CPMS's version; what was lost or changed. */
	conversion?: VersionConversion;
	/** Get Location: the Location as the CPMS stores it. */
	location?: JsonObject;
	/** Register only: what the CPMS answered, Token C included (the one secret this node ever outputs). */
	registration?: RegistrationResult;
	failure?: PushFailure;
}

export interface SyncSettings {
	removedEvsePolicy: PlanOptions['removedEvsePolicy'];
	dryRun: boolean;
	party: PlanOptions['party'];
	now: Date;
	assumeCompleteWithoutMark: boolean;
	staleness: StalenessPolicy;
}

/** What a sync did, in one word: withheld removals and stale skips are never hidden behind `updated`. */
function syncAction(done: PushAction, requests: number, withheld: number, stale: number): PushAction {
	if (withheld === 0 && stale === 0) return done;
	if (done === 'planned') return done;
	return requests === 0 && withheld === 0 ? 'stale' : 'partial';
}

function requestView(result: RequestResult): RequestView {
	const { method, path, httpStatus, statusCode, statusMessage, ok, attempts, reason, skipped, error } = result;
	return { method, path, httpStatus, statusCode, statusMessage, ok, attempts, reason, skipped, error };
}

/** Any error of a step, as the item and NodeApiError show it (OcpiError messages are already token-free). */
export function failureOf(error: unknown): PushFailure {
	if (error instanceof OcpiError) {
		return { message: error.message, httpStatus: error.httpStatus, statusCode: error.statusCode, statusMessage: error.statusMessage };
	}
	return { message: error instanceof Error ? error.message : String(error) };
}

function failed(locationId: string, failure: PushFailure, requests: RequestView[] = [], changes: FieldChange[] = []): PushOutcome {
	return { locationId, action: 'failed', requests, changes, failure };
}

function idOf(location: unknown): string {
	const id = location !== null && typeof location === 'object' ? (location as JsonObject).id : undefined;
	return typeof id === 'string' ? id : '';
}

export async function syncLocation(client: OcpiClient, location: unknown, settings: SyncSettings): Promise<PushOutcome> {
	const locationId = idOf(location);
	try {
		const discovery = await client.discover();
		const converted = forCpmsVersion(location, discovery.version);
		if (converted.refused) return { ...failed(locationId, { message: converted.refused }), conversion: converted.conversion };
		location = converted.location;
		const options: PlanOptions = {
			version: discovery.version,
			removedEvsePolicy: settings.removedEvsePolicy,
			now: settings.now,
			party: settings.party,
			assumeCompleteWithoutMark: settings.assumeCompleteWithoutMark,
			staleness: settings.staleness,
		};
		// planning against nothing checks the Location and yields its receiver ids before anything is sent
		const { ids } = planLocationSync(location, undefined, options);
		const known = await client.getLocation(ids);
		const plan = planLocationSync(location, known, options);
		const { withheld, stale } = plan;
		const { conversion } = converted;
		const outcome = (done: PushAction, requests: RequestView[]): PushOutcome => ({
			locationId,
			// what the conversion lost never reaches the CPMS: the sync is partial, not done
			action: conversion && done !== 'planned' ? 'partial' : syncAction(done, plan.requests.length, withheld.length, stale.length),
			requests,
			changes: plan.changes,
			withheld,
			stale,
			...(conversion ? { conversion } : {}),
		});
		if (plan.requests.length === 0) return outcome('unchanged', []);
		if (settings.dryRun) {
			const requests = plan.requests.map((request) => ({
				method: request.method,
				path: pathOf(receiverUrl(discovery.locationsUrl, request.level, request.ids)),
				ok: true,
				attempts: 0,
				reason: request.reason,
				body: request.body,
			}));
			return outcome('planned', requests);
		}
		const execution = await client.executePlan(plan);
		const requests = execution.results.map(requestView);
		if (!execution.ok) {
			const first = execution.results.find((result) => !result.ok && !result.skipped);
			const failure: PushFailure = {
				message: first?.error ?? `Location ${locationId}: the CPMS did not accept every change`,
				httpStatus: first?.httpStatus,
				statusCode: first?.statusCode,
				statusMessage: first?.statusMessage,
			};
			return { ...failed(locationId, failure, requests, plan.changes), withheld, stale, ...(conversion ? { conversion } : {}) };
		}
		return outcome(plan.action === 'create' ? 'created' : 'updated', requests);
	} catch (error) {
		return failed(locationId, failureOf(error));
	}
}

export interface EvseTarget {
	locationId: string;
	evseUid: string;
	status: string;
}

/**
 * GETs the EVSE first: a mistyped uid must fail ("does not exist"), not be reported done, and an
 * EVSE that already has the status needs no write.
 */
export async function setEvseStatus(client: OcpiClient, party: NonNullable<PlanOptions['party']>, target: EvseTarget, now: Date): Promise<PushOutcome> {
	const { locationId, evseUid, status } = target;
	const ids: LocationIds = { ...party, location_id: locationId, evse_uid: evseUid };
	let change: FieldChange = { path: `evses[${evseUid}].status`, from: undefined, to: status };
	try {
		const evse = await client.getEvse(ids);
		if (!evse) {
			const failure = { message: `EVSE "${evseUid}" does not exist at the CPMS (Location ${party.country_code}/${party.party_id}/${locationId}); nothing was written` };
			return { ...failed(locationId, failure, [], [change]), evseUid };
		}
		change = { ...change, from: evse.status };
		if (evse.status === status) return { locationId, evseUid, action: 'unchanged', requests: [], changes: [] };
		const result = await client.patch('evse', ids, { status, last_updated: toOcpiDateTime(now) });
		const { method, path, httpStatus, statusCode, statusMessage, attempts } = result;
		const request: RequestView = { method, path, httpStatus, statusCode, statusMessage, ok: true, attempts };
		return { locationId, evseUid, action: status === 'REMOVED' ? 'removed' : 'updated', requests: [request], changes: [change] };
	} catch (error) {
		const failure = failureOf(error);
		const request: RequestView | undefined =
			error instanceof OcpiError && error.method === 'PATCH'
				? { method: 'PATCH', path: error.path ?? '', httpStatus: error.httpStatus, statusCode: error.statusCode, statusMessage: error.statusMessage, ok: false, attempts: error.attempts, error: error.message }
				: undefined;
		return { ...failed(locationId, failure, request ? [request] : [], [change]), evseUid };
	}
}

export async function getLocation(client: OcpiClient, party: NonNullable<PlanOptions['party']>, locationId: string): Promise<PushOutcome> {
	try {
		const location = await client.getLocation({ ...party, location_id: locationId });
		return { locationId, action: location ? 'found' : 'notFound', requests: [], changes: [], location };
	} catch (error) {
		return failed(locationId, failureOf(error));
	}
}

export interface RegisterInput {
	tokenA: string;
	tokenB: string;
	ourVersionsUrl: string;
	businessName: string;
}

/** Our Credentials object in the shape of the version the CPMS and we share (2.2.1 roles, 2.1.1 flat). */
function ourCredentialsFor(version: string, party: NonNullable<PlanOptions['party']>, input: RegisterInput): OurCredentials {
	const business_details = { name: input.businessName };
	if (version === '2.1.1') return { token: input.tokenB, url: input.ourVersionsUrl, business_details, ...party };
	return { token: input.tokenB, url: input.ourVersionsUrl, roles: [{ role: 'CPO', business_details, ...party }] };
}

/** Credentials handshake with Token A: the client must have been made with Token A. */
export async function register(client: OcpiClient, party: NonNullable<PlanOptions['party']>, input: RegisterInput): Promise<PushOutcome> {
	try {
		const { version } = await client.discover();
		const registration = await client.registerCredentials({ tokenA: input.tokenA, ourCredentials: ourCredentialsFor(version, party, input) });
		return { locationId: '', action: 'registered', requests: [], changes: [], registration };
	} catch (error) {
		return failed('', failureOf(error));
	}
}
