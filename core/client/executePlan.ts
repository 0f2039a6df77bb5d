/**
 * Runs one Location's SyncPlan in order. A failure stops that Location's remaining requests (they
 * build on each other); a PATCH answered 2003 "unknown object" is recovered as transport_and_format
 * §PATCH advises: GET it, and when it is really missing, PUT the whole object.
 */
import type { PlannedRequest, SyncPlan } from '../sync/types';
import { OcpiError } from './ocpiError';
import type { CallResult } from './ocpiRequest';
import type { HttpMethod } from './types';

export interface RequestResult {
	method: HttpMethod;
	level: PlannedRequest['level'];
	/** Without host. */
	path: string;
	httpStatus?: number;
	statusCode?: number;
	statusMessage?: string;
	ok: boolean;
	attempts: number;
	/** Why it was sent: the plan's reason, or the recovery step. */
	reason: string;
	/** Not sent because an earlier request of the Location failed. */
	skipped?: boolean;
	error?: string;
}

export interface PlanExecution {
	locationId: string;
	/** Every planned change reached the CPMS. */
	ok: boolean;
	results: RequestResult[];
}

/** What executePlan needs from the client (kept narrow so it can be tested alone). */
export interface PlanRunner {
	send(method: 'GET' | 'PUT' | 'PATCH', request: Pick<PlannedRequest, 'level' | 'ids'> & { body?: unknown }, correlationId: string): Promise<CallResult>;
	pathFor(request: Pick<PlannedRequest, 'level' | 'ids'>): Promise<string>;
}

function success(result: CallResult, level: PlannedRequest['level'], reason: string): RequestResult {
	const { method, path, httpStatus, statusCode, statusMessage, attempts } = result;
	return { method, level, path, httpStatus, statusCode, statusMessage, ok: true, attempts, reason };
}

function failure(error: unknown, method: HttpMethod, level: PlannedRequest['level'], path: string, reason: string): RequestResult {
	if (error instanceof OcpiError) {
		const { httpStatus, statusCode, statusMessage, attempts } = error;
		return { method, level, path: error.path ?? path, httpStatus, statusCode, statusMessage, ok: false, attempts, reason, error: error.message };
	}
	return { method, level, path, ok: false, attempts: 0, reason, error: error instanceof Error ? error.message : String(error) };
}

/** The CPMS does not know the object: a PATCH answered 2003 / 404, or a GET that found nothing (however said). */
function isUnknownObject(error: unknown): boolean {
	return error instanceof OcpiError && (error.kind === 'notFound' || error.statusCode === 2003 || (error.statusCode === undefined && error.httpStatus === 404));
}

async function attemptRequest(runner: PlanRunner, request: PlannedRequest, correlationId: string, results: RequestResult[]): Promise<boolean> {
	const path = await runner.pathFor(request);
	try {
		results.push(success(await runner.send(request.method, request, correlationId), request.level, request.reason));
		return true;
	} catch (error) {
		results.push(failure(error, request.method, request.level, path, request.reason));
		if (request.method !== 'PATCH' || !request.fullObject || !isUnknownObject(error)) return false;
	}
	// PATCH of an object the CPMS does not know: make sure it is missing, then PUT it whole
	try {
		results.push(success(await runner.send('GET', request, correlationId), request.level, 'check after PATCH failed'));
		return false; // it exists, so the PATCH failure stands
	} catch (error) {
		results.push(failure(error, 'GET', request.level, path, 'check after PATCH failed'));
		if (!isUnknownObject(error)) return false;
	}
	try {
		const put = await runner.send('PUT', { ...request, body: request.fullObject }, correlationId);
		results.push(success(put, request.level, 'PUT of the whole object: the CPMS did not know it'));
		return true;
	} catch (error) {
		results.push(failure(error, 'PUT', request.level, path, 'PUT of the whole object: the CPMS did not know it'));
		return false;
	}
}

export async function runPlan(runner: PlanRunner, plan: SyncPlan, correlationId: string): Promise<PlanExecution> {
	const results: RequestResult[] = [];
	let ok = true;
	for (const request of plan.requests) {
		if (!ok) {
			const path = await runner.pathFor(request).catch(() => '');
			results.push({ method: request.method, level: request.level, path, ok: false, attempts: 0, reason: request.reason, skipped: true });
			continue;
		}
		ok = await attemptRequest(runner, request, correlationId, results);
	}
	return { locationId: plan.locationId, ok, results };
}
