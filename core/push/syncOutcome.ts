/** What the Push reports per Location (or EVSE): the action in one word, the requests sent and the field changes. */
import { OcpiError, type RegistrationResult, type RequestResult } from '../client';
import type { LedgerRow, LedgerWrite } from '../sync/ledger';
import type { VersionConversion } from '../sync/versionConversion';
import type { FieldChange, JsonObject, StaleSkip, WithheldRemoval } from '../sync';

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

/**
 * How the Push learned what the CPMS holds for a Location: its own GET, the bulk read, the ledger (no read),
 * or completeRead: ledger rows from a complete read of the CPMS have no row for it, so it is absent.
 */
export type CpmsReadSource = 'get' | 'bulk' | 'ledger' | 'completeRead';

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
	/** Sync: where the CPMS's state came from (absent when the Location failed before any read). */
	read?: CpmsReadSource;
	/** Sync: the ledger row after this run (when rows were asked for). */
	ledger?: LedgerRow;
	/** Sync: whether that row is worth writing to the stored ledger, against the row given for the Location. */
	ledgerWrite?: LedgerWrite;
	/** Sync: the Location was converted down to the CPMS's version; what was lost or changed. */
	conversion?: VersionConversion;
	/** Get Location: the Location as the CPMS stores it. */
	location?: JsonObject;
	/** Register only: what the CPMS answered, Token C included (the one secret this node ever outputs). */
	registration?: RegistrationResult;
	failure?: PushFailure;
}

export function requestView(result: RequestResult): RequestView {
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

export function failed(locationId: string, failure: PushFailure, requests: RequestView[] = [], changes: FieldChange[] = []): PushOutcome {
	return { locationId, action: 'failed', requests, changes, failure };
}
