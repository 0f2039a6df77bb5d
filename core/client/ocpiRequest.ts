/**
 * One OCPI call with retries: headers, rate and concurrency limits, status checks and backoff.
 * Every OCPI answer's status_code is checked, whatever the HTTP status says.
 */
import { randomUUID } from 'crypto';
import type { OcpiVersion } from '../ocpi/version';
import { authorizationHeader, effectiveEncoding } from './authHeader';
import type { ConcurrencyLimit } from './concurrencyLimit';
import { OcpiError } from './ocpiError';
import { headerValue, parseOcpiBody } from './ocpiResponse';
import type { RateLimiter } from './rateLimiter';
import { pathOf } from './receiverUrl';
import { backoffDelayMs, isRetryableHttpStatus, isRetryableOcpiStatus, retryAfterMs } from './retryPolicy';
import type { HttpMethod, OcpiTransport, Party, RetryOptions, Sleep, TokenEncoding } from './types';

export interface CallSpec {
	method: HttpMethod;
	url: string;
	body?: unknown;
	/** Decides the token encoding (2.1.1 plain) and whether routing headers are sent (2.2.x only). */
	version?: OcpiVersion;
	/** Functional modules (locations) carry OCPI-from/to-*; versions and credentials SHALL NOT. */
	routing: boolean;
	correlationId?: string;
	/** Overrides the client's token (Token A during the handshake). */
	token?: string;
}

export interface CallResult {
	method: HttpMethod;
	path: string;
	httpStatus: number;
	statusCode: number;
	statusMessage?: string;
	data: unknown;
	attempts: number;
}

export interface RequestContext {
	token: string;
	tokenEncoding: TokenEncoding;
	from: Party;
	to?: Party;
	transport: OcpiTransport;
	sleep: Sleep;
	retry: RetryOptions;
	timeoutMs: number;
	maxRetryAfterMs: number;
	random: () => number;
	now: () => number;
	rateLimiter: RateLimiter;
	concurrency: ConcurrencyLimit;
	redact: (text: string) => string;
}

type AttemptOutcome = { result: Omit<CallResult, 'attempts'> } | { error: OcpiError; waitMs?: number };

function headersFor(ctx: RequestContext, spec: CallSpec, correlationId: string): Record<string, string> {
	const encoding = effectiveEncoding(ctx.tokenEncoding, spec.version);
	const headers: Record<string, string> = {
		Authorization: authorizationHeader(spec.token ?? ctx.token, encoding),
		Accept: 'application/json',
		'X-Request-ID': randomUUID(),
		'X-Correlation-ID': correlationId,
	};
	if (spec.body !== undefined) headers['Content-Type'] = 'application/json';
	if (spec.routing && spec.version !== '2.1.1') {
		headers['OCPI-from-country-code'] = ctx.from.country_code;
		headers['OCPI-from-party-id'] = ctx.from.party_id;
		if (ctx.to) {
			headers['OCPI-to-country-code'] = ctx.to.country_code;
			headers['OCPI-to-party-id'] = ctx.to.party_id;
		}
	}
	return headers;
}

function unauthorizedHint(ctx: RequestContext, spec: CallSpec): string {
	const used = effectiveEncoding(ctx.tokenEncoding, spec.version);
	const other = used === 'base64' ? 'plain' : 'base64';
	const sent = used === 'base64' ? 'base64-encoded (the OCPI 2.2.1 rule)' : 'plain, not encoded';
	return `The token was sent ${sent}; if the token is right, try token encoding "${other}" (many platforms expect the other form). After a credentials handshake use Token C, not Token A.`;
}

async function attempt(ctx: RequestContext, spec: CallSpec, correlationId: string): Promise<AttemptOutcome> {
	const path = pathOf(spec.url);
	const where = `${spec.method} ${path}`;
	const base = { method: spec.method, path };
	let response;
	try {
		response = await ctx.transport({
			method: spec.method,
			url: spec.url,
			headers: headersFor(ctx, spec, correlationId),
			body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
			timeoutMs: ctx.timeoutMs,
		});
	} catch (cause) {
		const reason = cause instanceof Error ? `${cause.message}${cause.cause instanceof Error ? ` (${cause.cause.message})` : ''}` : String(cause);
		return { error: new OcpiError(ctx.redact(`${where}: no answer from the CPMS: ${reason}`), { ...base, kind: 'network', retryable: true }) };
	}

	const status = response.status;
	const parsed = parseOcpiBody(response.body);
	const envelope = parsed.kind === 'envelope' ? parsed.envelope : undefined;
	const statusMessage = envelope?.status_message === undefined ? undefined : ctx.redact(envelope.status_message);
	const details = { ...base, httpStatus: status, statusCode: envelope?.status_code, statusMessage };
	const said = envelope ? `, OCPI ${envelope.status_code}${statusMessage ? ` ${statusMessage}` : ''}` : '';

	if (status === 401) {
		return { error: new OcpiError(`${where}: HTTP 401 Unauthorized${said}. ${unauthorizedHint(ctx, spec)}`, { ...details, kind: 'http', retryable: false }) };
	}
	if (isRetryableHttpStatus(status)) {
		const waitMs = status === 429 ? retryAfterMs(headerValue(response.headers, 'retry-after'), ctx.now()) : undefined;
		const retryable = waitMs === undefined || waitMs <= ctx.maxRetryAfterMs;
		const note = retryable ? '' : ` (Retry-After ${Math.round((waitMs ?? 0) / 1000)} s is longer than the ${ctx.maxRetryAfterMs / 1000} s this client waits)`;
		return { error: new OcpiError(`${where}: HTTP ${status}${said}${note}`, { ...details, kind: 'http', retryable }), waitMs };
	}
	if (!envelope) {
		const reason = parsed.kind === 'invalid' ? parsed.reason : 'unreadable';
		return { error: new OcpiError(`${where}: HTTP ${status}: not an OCPI response (${reason})`, { ...details, kind: 'format', retryable: false }) };
	}
	const code = envelope.status_code;
	if (code >= 1000 && code < 2000 && status >= 200 && status < 300) {
		return { result: { ...base, httpStatus: status, statusCode: code, statusMessage, data: envelope.data } };
	}
	const retryable = isRetryableOcpiStatus(code);
	return { error: new OcpiError(`${where}: HTTP ${status}${said}`, { ...details, kind: 'ocpi', retryable }) };
}

/** Sends with retries; throws an OcpiError (attempts set) once retries are spent or the error cannot pass by retrying. */
export async function callOcpi(ctx: RequestContext, spec: CallSpec): Promise<CallResult> {
	const correlationId = spec.correlationId ?? randomUUID();
	const maxAttempts = Math.max(1, Math.floor(ctx.retry.maxAttempts));
	for (let attemptNo = 1; ; attemptNo++) {
		const outcome = await ctx.concurrency.run(async () => {
			await ctx.rateLimiter.acquire();
			return attempt(ctx, spec, correlationId);
		});
		if ('result' in outcome) return { ...outcome.result, attempts: attemptNo };
		outcome.error.attempts = attemptNo;
		if (!outcome.error.retryable || attemptNo >= maxAttempts) throw outcome.error;
		// Retry-After wins over our own backoff: the server said when it can take us again
		await ctx.sleep(outcome.waitMs ?? backoffDelayMs(attemptNo, ctx.retry, ctx.random));
	}
}
