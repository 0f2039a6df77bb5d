/** The client's injected dependencies and options: no timers, no globals, everything passed in by the caller. */
import type { OcpiVersion } from '../ocpi/version';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface TransportRequest {
	method: HttpMethod;
	url: string;
	headers: Record<string, string>;
	/** JSON text, already serialised (the client controls the exact bytes). */
	body?: string;
	timeoutMs: number;
}

export interface TransportResponse {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	/** Text, bytes, parsed JSON or nothing: parsed leniently. */
	body: unknown;
}

/** Must resolve for every HTTP status (4xx/5xx included) and reject only when no answer arrived (network, timeout). */
export type OcpiTransport = (request: TransportRequest) => Promise<TransportResponse>;

export type Sleep = (ms: number) => Promise<void>;

export type TokenEncoding = 'base64' | 'plain';

export interface Party {
	country_code: string;
	party_id: string;
}

export interface RetryOptions {
	/** Attempts in total, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export interface OcpiClientOptions {
	/** The credential's URL: the CPMS's versions URL, or one version's details URL (then discovery is one request). */
	versionsUrl: string;
	token: string;
	/** How 2.2.x requests encode the token; OCPI 2.1.1 requests always send it plain. */
	tokenEncoding: TokenEncoding;
	/** Best first; the first one the CPMS also offers is used. */
	versionPreference?: OcpiVersion[];
	/** Our party (OCPI-from-* headers, 2.2.1). */
	from: Party;
	/** The CPMS party (OCPI-to-* headers, 2.2.1); omitted = no OCPI-to-* headers. */
	to?: Party;
	transport: OcpiTransport;
	sleep: Sleep;
	retry?: Partial<RetryOptions>;
	timeoutMs?: number;
	concurrency?: number;
	maxRequestsPerSecond?: number;
	/** A Retry-After longer than this is not waited for (the request fails instead). */
	maxRetryAfterMs?: number;
	/** [0, 1) like Math.random; injectable for deterministic jitter. */
	random?: () => number;
	/** Milliseconds clock for the rate limiter; tests pair it with their sleep. */
	now?: () => number;
	/** Connection failures in a row after which every further call fails at once ("CPMS unreachable"); 0 = never. */
	maxConnectionFailures?: number;
}

export const CLIENT_DEFAULTS = {
	versionPreference: ['2.3.0', '2.2.1', '2.1.1'] as OcpiVersion[],
	retry: { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 10_000 } as RetryOptions,
	timeoutMs: 30_000,
	concurrency: 4,
	// roaming hubs commonly accept 10 requests per second per party
	maxRequestsPerSecond: 10,
	maxRetryAfterMs: 120_000,
	// a blip of a few failed attempts passes; a dead CPMS stops the run in seconds
	maxConnectionFailures: 10,
};
