/** /admin/*: the request log, the fault switches and a view of the state. Unauthenticated: a local test tool. */
import type { IncomingMessage } from 'node:http';
import { faultSettingsProblems, type Faults, type FaultSettings } from './faults';
import type { RequestLog } from './requestLog';
import type { CpmsStore } from './store';

export interface AdminReply {
	status: number;
	body: unknown;
}

/** Shows only the end of a token: enough to tell tokens apart, not enough to use one. */
function redact(token: string | undefined): string | undefined {
	return token === undefined ? undefined : `…${token.slice(-4)}`;
}

export function handleAdmin(
	name: 'requests' | 'faults' | 'state',
	req: IncomingMessage,
	body: unknown,
	deps: { log: RequestLog; faults: Faults; store: CpmsStore },
): AdminReply {
	const method = req.method ?? 'GET';
	if (name === 'requests') {
		if (method === 'GET') return { status: 200, body: { counters: deps.log.counters(), requests: deps.log.list() } };
		if (method === 'DELETE') {
			deps.log.clear();
			return { status: 200, body: { cleared: true } };
		}
	}
	if (name === 'faults') {
		if (method === 'GET') return { status: 200, body: deps.faults.current() };
		if (method === 'DELETE') return { status: 200, body: deps.faults.set(null) };
		if (method === 'POST') {
			const problems = faultSettingsProblems(body);
			if (problems.length > 0) return { status: 400, body: { error: problems.join('; ') } };
			return { status: 200, body: deps.faults.set(body as Partial<FaultSettings>) };
		}
	}
	if (name === 'state' && method === 'GET') {
		const { locations, registration } = deps.store.data;
		return {
			status: 200,
			body: {
				locations,
				registration: registration && { ...registration, clientToken: redact(registration.clientToken), serverToken: redact(registration.serverToken) },
			},
		};
	}
	return { status: 405, body: { error: `${method} not supported on /admin/${name}` } };
}
