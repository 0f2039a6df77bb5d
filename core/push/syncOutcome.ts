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

/** One request as the Push reports it: the client's RequestResult without the plan level (a reason only where the plan gave one), plus what a Dry Run would send. */
export type RequestView = Omit<RequestResult, 'level' | 'reason'> & {
	reason?: string;
	/** Dry Run only: what would be sent. */
	body?: JsonObject;
};

export interface PushFailure {
	message: string;
	httpStatus?: number;
	statusCode?: number;
	statusMessage?: string;
	/** The CPMS and the credential do not fit (no common version, a pin the details URL lacks, no Locations receiver): no request can help. */
	configuration?: boolean;
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
	const { level: _level, ...view } = result;
	return view;
}

/** Any error of a step, as the item and NodeApiError show it (OcpiError messages are already token-free). */
export function failureOf(error: unknown): PushFailure {
	if (error instanceof OcpiError) {
		const configuration = error.kind === 'discovery' ? { configuration: true } : {};
		return { message: error.message, httpStatus: error.httpStatus, statusCode: error.statusCode, statusMessage: error.statusMessage, ...configuration };
	}
	return { message: error instanceof Error ? error.message : String(error) };
}

export function failed(locationId: string, failure: PushFailure, requests: RequestView[] = [], changes: FieldChange[] = []): PushOutcome {
	return { locationId, action: 'failed', requests, changes, failure };
}
