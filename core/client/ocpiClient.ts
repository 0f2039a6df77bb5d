/**
 * The OCPI client for pushing Locations to a CPMS's Locations Receiver. n8n-free: the HTTP
 * transport and the sleep function are injected (n8n forbids timers in node code), and all state
 * (discovery, rate window) lives in the returned object.
 */
import { isRecord } from '../foundation/json';
import { randomUUID } from 'crypto';
import { stripMetadata } from '../sync/objectDiff';
import type { JsonObject, LocationIds, SyncLevel, SyncPlan } from '../sync/types';
import { createRedactor } from './authHeader';
import { createCircuitBreaker } from './circuitBreaker';
import { createConcurrencyLimit } from './concurrencyLimit';
import { readRegistration, type OurCredentials, type RegistrationResult } from './credentialsHandshake';
import { urlForMessage } from './errorText';
import { runPlan, type PlanExecution, type PlanRunner } from './executePlan';
import { OcpiError } from './ocpiError';
import { callOcpi, type CallResult, type CallSpec, type RequestContext } from './ocpiRequest';
import { singleObject } from './ocpiResponse';
import { createRateLimiter } from './rateLimiter';
import { pathOf, receiverUrl } from './receiverUrl';
import { CLIENT_DEFAULTS, type OcpiClientOptions } from './types';
import { echoMismatch } from './verifyEcho';
import type { OcpiVersion } from '../ocpi/version';
import {
	findEndpoint,
	givenDetailsVersion,
	locationsEndpointOrThrow,
	pickVersion,
	readEndpoints,
	readVersionDetails,
	readVersions,
	versionNamedInUrl,
	type Discovery,
	type Endpoint,
} from './versionDiscovery';

export interface OcpiClient {
	/** Versions → best mutual version → details → Locations receiver (cached per client); a details URL in the credential skips the versions step. */
	discover(): Promise<Discovery>;
	/** The object as the CPMS stores it, or undefined when it is not there (404, 2003, 200 with 3000 and no data); a failed discovery throws. */
	getLocation(ids: LocationIds): Promise<JsonObject | undefined>;
	getEvse(ids: LocationIds): Promise<JsonObject | undefined>;
	getConnector(ids: LocationIds): Promise<JsonObject | undefined>;
	get(level: SyncLevel, ids: LocationIds): Promise<JsonObject | undefined>;
	put(level: SyncLevel, ids: LocationIds, body: JsonObject): Promise<CallResult>;
	/** Refuses (without sending) a body lacking last_updated: the receiver SHALL reject it (2001). */
	patch(level: SyncLevel, ids: LocationIds, body: JsonObject): Promise<CallResult>;
	executePlan(plan: SyncPlan): Promise<PlanExecution>;
	/** One GET of a list URL the CPMS advertised (a Sender interface page), with its answer headers. */
	getPage(url: string): Promise<CallResult>;
	/** The handshake with Token A; returns Token C. Build a new client with Token C afterwards. */
	registerCredentials(input: { tokenA: string; ourCredentials: OurCredentials }): Promise<RegistrationResult>;
}

export function createOcpiClient(options: OcpiClientOptions): OcpiClient {
	const redactor = createRedactor();
	redactor.add(options.token);
	const retry = { ...CLIENT_DEFAULTS.retry, ...options.retry };
	const preference = options.versionPreference ?? CLIENT_DEFAULTS.versionPreference;
	const now = options.now ?? (() => Date.now());
	const ctx: RequestContext = {
		token: options.token,
		tokenEncoding: options.tokenEncoding,
		from: options.from,
		to: options.to,
		transport: options.transport,
		sleep: options.sleep,
		retry,
		timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
		maxRetryAfterMs: options.maxRetryAfterMs ?? CLIENT_DEFAULTS.maxRetryAfterMs,
		random: options.random ?? Math.random,
		now,
		rateLimiter: createRateLimiter(options.maxRequestsPerSecond ?? CLIENT_DEFAULTS.maxRequestsPerSecond, options.sleep, now),
		concurrency: createConcurrencyLimit(options.concurrency ?? CLIENT_DEFAULTS.concurrency),
		breaker: createCircuitBreaker(options.maxConnectionFailures ?? CLIENT_DEFAULTS.maxConnectionFailures),
		versionsUrl: options.versionsUrl,
		redact: redactor.redact,
	};
	let discovery: Promise<Discovery> | undefined;

	/** Errors are redacted where made; this also covers anything unexpected (a transport bug echoing headers). */
	async function call(spec: CallSpec): Promise<CallResult> {
		try {
			return await callOcpi(ctx, spec);
		} catch (error) {
			if (error instanceof OcpiError) throw error;
			throw new OcpiError(redactor.redact(`${spec.method} ${urlForMessage(spec.url)}: ${error instanceof Error ? error.message : String(error)}`), {
				kind: 'network',
				retryable: false,
				method: spec.method,
				path: pathOf(spec.url),
			});
		}
	}

	function discoveryOf(version: OcpiVersion, versionUrl: string, endpoints: Endpoint[]): Discovery {
		const locations = locationsEndpointOrThrow(endpoints, version);
		const credentials = findEndpoint(endpoints, version, 'credentials');
		return { version, versionUrl, endpoints, locationsUrl: locations.url, credentialsUrl: credentials?.url };
	}

	/** The credential's URL answers a versions list (then one more GET for the chosen version's details) or one version's details (used as it is). */
	async function runDiscovery(token?: string): Promise<Discovery> {
		// a details URL names its version: its token encoding (2.1.1: plain) must be right on this first request
		const first = await call({ method: 'GET', url: options.versionsUrl, routing: false, version: versionNamedInUrl(options.versionsUrl), token });
		const given = readVersionDetails(first.data);
		if (given) return discoveryOf(givenDetailsVersion(given.version, preference), options.versionsUrl, given.endpoints);
		const chosen = pickVersion(readVersions(first.data), preference);
		const details = await call({ method: 'GET', url: chosen.url, routing: false, version: chosen.version, token, advertised: true });
		return discoveryOf(chosen.version, chosen.url, readEndpoints(details.data));
	}

	function discover(): Promise<Discovery> {
		// a failed discovery is not cached: the next call tries again
		discovery ??= runDiscovery().catch((error) => {
			discovery = undefined;
			throw error;
		});
		return discovery;
	}

	async function locationCall(method: 'GET' | 'PUT' | 'PATCH', level: SyncLevel, ids: LocationIds, body: unknown, correlationId?: string): Promise<CallResult> {
		const found = await discover();
		const url = receiverUrl(found.locationsUrl, level, ids);
		// metadata (`_…`) is this package's bookkeeping and is never sent
		const sent = body === undefined ? undefined : stripMetadata(body);
		const result = await call({ method, url, body: sent, version: found.version, routing: true, correlationId, advertised: true, lookup: method === 'GET' });
		const mismatch = method === 'GET' ? undefined : echoMismatch(level, ids, result.data, found.version);
		if (mismatch) {
			throw new OcpiError(redactor.redact(`${method} ${urlForMessage(url)}: ${mismatch}`), {
				kind: 'verification',
				retryable: false,
				method,
				path: result.path,
				httpStatus: result.httpStatus,
				statusCode: result.statusCode,
				statusMessage: result.statusMessage,
				attempts: result.attempts,
			});
		}
		return result;
	}

	async function get(level: SyncLevel, ids: LocationIds): Promise<JsonObject | undefined> {
		try {
			return singleObject((await locationCall('GET', level, ids, undefined)).data);
		} catch (error) {
			if (error instanceof OcpiError && error.kind === 'notFound') return undefined;
			throw error;
		}
	}

	function checkBody(method: string, body: unknown): void {
		if (!isRecord(body)) {
			throw new OcpiError(`${method}: the body must be a JSON object`, { kind: 'usage', retryable: false, method });
		}
		if (method === 'PATCH' && typeof (body as JsonObject).last_updated !== 'string') {
			throw new OcpiError('PATCH: the body must contain last_updated (OCPI: any PATCH SHALL contain it)', { kind: 'usage', retryable: false, method });
		}
	}

	const runner: PlanRunner = {
		send: async (method, request, correlationId) => {
			if (method === 'GET') return locationCall('GET', request.level, request.ids, undefined, correlationId);
			checkBody(method, request.body);
			return locationCall(method, request.level, request.ids, request.body, correlationId);
		},
		pathFor: async (request) => pathOf(receiverUrl((await discover()).locationsUrl, request.level, request.ids)),
	};

	return {
		discover,
		get,
		getLocation: (ids) => get('location', ids),
		getEvse: (ids) => get('evse', ids),
		getConnector: (ids) => get('connector', ids),
		put: async (level, ids, body) => {
			checkBody('PUT', body);
			return locationCall('PUT', level, ids, body);
		},
		patch: async (level, ids, body) => {
			checkBody('PATCH', body);
			return locationCall('PATCH', level, ids, body);
		},
		executePlan: (plan) => runPlan(runner, plan, randomUUID()),
		getPage: async (url) => call({ method: 'GET', url, version: (await discover()).version, routing: true, advertised: true }),
		async registerCredentials({ tokenA, ourCredentials }) {
			redactor.add(tokenA);
			redactor.add(ourCredentials.token);
			const found = await runDiscovery(tokenA);
			if (!found.credentialsUrl) {
				throw new OcpiError(`The CPMS offers no credentials endpoint for OCPI ${found.version}`, { kind: 'discovery', retryable: false });
			}
			const answer = await call({ method: 'POST', url: found.credentialsUrl, body: ourCredentials, version: found.version, routing: false, token: tokenA, advertised: true });
			const registration = readRegistration(answer.data, found.version);
			redactor.add(registration.tokenC);
			return registration;
		},
	};
}
