/** Shapes operation outcomes into output items: one per input item, failures as n8n error items. */
import { NodeApiError, NodeOperationError, type IDataObject, type INode, type INodeExecutionData, type JsonObject } from 'n8n-workflow';
import type { CpmsReadReport } from '../../core/push/runLocationSync';
import type { PushAction, PushOutcome } from './pushOperations';

export function outcomeJson(outcome: PushOutcome): IDataObject {
	const { locationId, evseUid, action, requests, changes, location, failure, registration, withheld, stale, read, ledger, conversion } = outcome;
	if (registration) {
		return {
			action,
			// Token C is a secret: it is output here, and only here, because the user must put it into the credential
			tokenC: registration.tokenC,
			notice: 'Token C is a secret: copy it into the OCPI CPMS API credential (Token) and clear Registration Token A there; this run is not saved. Token A is void now.',
			version: registration.version,
			url: registration.url,
			roles: registration.roles as IDataObject[],
		};
	}
	const json: IDataObject = { locationId };
	if (evseUid !== undefined) json.evseUid = evseUid;
	json.action = action;
	if (location !== undefined) json.location = location as IDataObject;
	if (action !== 'found' && action !== 'notFound') {
		json.requests = requests as unknown as IDataObject[];
		json.changes = changes as unknown as IDataObject[];
	}
	if (withheld) json.withheld = withheld as unknown as IDataObject[];
	if (stale) json.stale = stale as unknown as IDataObject[];
	if (read) json.read = read;
	if (ledger) json.ledger = ledger as unknown as IDataObject;
	if (conversion) json.conversion = conversion as unknown as IDataObject;
	if (failure) {
		json.error = failure.message;
		json.httpStatus = failure.httpStatus;
		json.statusCode = failure.statusCode;
		json.statusMessage = failure.statusMessage;
	}
	return json;
}

/** The CPMS and the credential do not fit together: no request was sent to the Locations module, and none can help. */
export function configurationError(node: INode, message: string, itemIndex: number): NodeOperationError {
	const description = 'Nothing was sent to the Locations module. Check the OCPI CPMS API credential: its URL (versions or version details) and OCPI Version.';
	return new NodeOperationError(node, message, { description, itemIndex });
}

/**
 * The error n8n shows for a failed Location: carries the OCPI status_code / status_message; a CPMS that does not fit
 * the credential (discovery found no common version, a pinned version the details URL lacks) is a configuration error.
 */
export function outcomeError(node: INode, outcome: PushOutcome, itemIndex: number): NodeApiError | NodeOperationError {
	const failure = outcome.failure ?? { message: `Location ${outcome.locationId} failed` };
	if (failure.configuration) return configurationError(node, outcome.locationId ? `Location ${outcome.locationId}: ${failure.message}` : failure.message, itemIndex);
	const ocpi = failure.statusCode !== undefined ? `OCPI status_code ${failure.statusCode}${failure.statusMessage ? `: ${failure.statusMessage}` : ''}` : undefined;
	const response: JsonObject = {
		message: failure.message,
		status_code: failure.statusCode ?? null,
		status_message: failure.statusMessage ?? null,
		httpStatus: failure.httpStatus ?? null,
	};
	const message = outcome.locationId || !outcome.failure ? `Location ${outcome.locationId || '(no id)'}: ${failure.message}` : failure.message;
	const error = new NodeApiError(node, response, {
		message,
		description: ocpi ?? 'No OCPI answer: see the message for what went wrong',
		httpCode: failure.httpStatus !== undefined ? String(failure.httpStatus) : undefined,
		itemIndex,
	});
	// n8n swaps a message naming ECONNREFUSED & co. for a generic one without the Location and URL: keep ours
	error.message = message;
	return error;
}

export function outcomeItem(outcome: PushOutcome, itemIndex: number): INodeExecutionData {
	return { json: outcomeJson(outcome), pairedItem: { item: itemIndex } };
}

/**
 * With continueOnFail. n8n routes items with `error` to the error output and keeps only
 * `{ error: message }` as their json, so the details travel on the error: httpCode, description
 * (OCPI status) and context (the whole outcome: locationId, statusCode, statusMessage, requests, changes).
 */
export function failedItem(node: INode, outcome: PushOutcome, itemIndex: number): INodeExecutionData {
	const error = outcomeError(node, outcome, itemIndex);
	error.context = { ...error.context, ...outcomeJson(outcome) };
	return { json: { error: error.message }, error, pairedItem: { item: itemIndex } };
}

/** Counts per action, requests sent and, for Sync, how the CPMS was read (GETs, bulk pages, ledger skips, notices). */
export function summaryItem(outcomes: PushOutcome[], dryRun: boolean, read?: CpmsReadReport): INodeExecutionData {
	const counts: Partial<Record<PushAction, number>> = {};
	let requests = 0;
	let withheldRemovals = 0;
	let staleSkips = 0;
	const sources = { get: 0, bulk: 0, ledger: 0, completeRead: 0 };
	for (const outcome of outcomes) {
		counts[outcome.action] = (counts[outcome.action] ?? 0) + 1;
		if (!dryRun) requests += outcome.requests.filter((r) => !r.skipped).length;
		withheldRemovals += outcome.withheld?.length ?? 0;
		staleSkips += outcome.stale?.length ?? 0;
		if (outcome.read) sources[outcome.read] += 1;
	}
	const json: IDataObject = { summary: true, dryRun, locations: outcomes.length, counts: counts as IDataObject, requestsSent: requests, withheldRemovals, staleSkips };
	if (read) {
		json.cpmsRead = {
			mode: read.mode,
			locationGets: sources.get,
			fromBulkRead: sources.bulk,
			skippedByLedger: sources.ledger,
			absentByCompleteRead: sources.completeRead,
			...(read.pages !== undefined ? { bulkPages: read.pages, bulkComplete: read.complete ?? false, bulkTotal: read.total ?? null } : {}),
			...(read.notice ? { notice: read.notice } : {}),
		};
	}
	return { json, pairedItem: outcomes.map((_, item) => ({ item })) };
}
