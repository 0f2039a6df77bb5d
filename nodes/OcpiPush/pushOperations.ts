/**
 * The single-object operations (EVSE status, Get Location, Register) on the core client. Sync
 * Locations runs as one sequence in core/push/runLocationSync.
 */
import { OcpiError, type OcpiClient } from '../../core/client';
import { ourCredentialsFor } from '../../core/client/ourCredentials';
import { failed, failureOf, type PushOutcome, type RequestView } from '../../core/push/syncOutcome';
import type { FieldChange, LocationIds, PlanOptions } from '../../core/sync';
import { toOcpiDateTime } from '../../core/sync/timestamps';

export type { PushAction, PushFailure, PushOutcome, RequestView } from '../../core/push/syncOutcome';

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
