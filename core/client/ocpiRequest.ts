/**
 * One OCPI call with retries: headers, rate and concurrency limits, status checks and backoff.
 * Every OCPI answer's status_code is checked, whatever the HTTP status says.
 */
import { randomUUID } from 'crypto';
import type { OcpiVersion } from '../ocpi/version';
import { authorizationHeader, effectiveEncoding } from './authHeader';
import type { CircuitBreaker } from './circuitBreaker';
import type { ConcurrencyLimit } from './concurrencyLimit';
import { advertisedNote, answerText, isTlsError, networkReason, urlForMessage } from './errorText';
import { OcpiError } from './ocpiError';
import { headerValue, parseOcpiBody, type OcpiEnvelope } from './ocpiResponse';
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
	/** The URL comes from the CPMS's versions / version details, not from the credential (errors say so). */
	advertised?: boolean;
	/** A GET of one object: "not there", however the CPMS says it, is a notFound error, never retried. */
	lookup?: boolean;
}

export interface CallResult {
	method: HttpMethod;
	path: string;
	httpStatus: number;
	statusCode: number;
	statusMessage?: string;
	data: unknown;
	attempts: number;
	/** The answer's HTTP headers (pagination: Link, X-Total-Count, X-Limit). */
	headers?: Record<string, string | string[] | undefined>;
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
	breaker: CircuitBreaker;
	/** The credential's URL (versions or version details), to tell where an advertised URL differs from it. */
	versionsUrl: string;
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

/** "Not there", however a receiver says it on a GET: HTTP 404, OCPI 2003, or HTTP 200 with 3000/2003 and no data. */
function isNotFoundAnswer(status: number, envelope: OcpiEnvelope | undefined): boolean {
	if (status === 404 || envelope?.status_code === 2003) return true;
	const data = envelope?.data;
	const noData = data === undefined || data === null || (Array.isArray(data) && data.length === 0);
	return status >= 200 && status < 300 && envelope?.status_code === 3000 && noData;
}

function where(spec: CallSpec): string {
	return `${spec.method} ${urlForMessage(spec.url)}`;
}

function noAnswer(ctx: RequestContext, spec: CallSpec, cause: unknown): OcpiError {
	const tls = isTlsError(cause);
	const origin = spec.advertised ? advertisedNote(spec.url, ctx.versionsUrl) : '';
	const hint = tls ? '. A TLS error is not retried: check the URL\'s scheme (https:// to a plain-HTTP server fails like this) and the certificate' : '';
	const message = `${where(spec)}: no answer from the CPMS: ${networkReason(cause)}${origin}${hint}`;
	return new OcpiError(ctx.redact(message), { method: spec.method, path: pathOf(spec.url), kind: 'network', retryable: !tls });
}

async function attempt(ctx: RequestContext, spec: CallSpec, correlationId: string): Promise<AttemptOutcome> {
	const path = pathOf(spec.url);
	const at = where(spec);
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
		return { error: noAnswer(ctx, spec, cause) };
	}

	const status = response.status;
	const parsed = parseOcpiBody(response.body);
	const envelope = parsed.kind === 'envelope' ? parsed.envelope : undefined;
	const statusMessage = envelope?.status_message === undefined ? undefined : ctx.redact(envelope.status_message);
	const details = { ...base, httpStatus: status, statusCode: envelope?.status_code, statusMessage };
	const said = envelope ? `, OCPI ${envelope.status_code}${statusMessage ? ` ${statusMessage}` : ''}` : '';
	// a non-OCPI answer (a framework's {"detail": …}, an HTML page, a proxy's text) is shown as it is
	const text = envelope ? undefined : answerText(response.body, ctx.redact);
	const shown = text === undefined ? '' : `: ${text}`;

	if (status === 401) {
		return { error: new OcpiError(`${at}: HTTP 401 Unauthorized${said}${shown}. ${unauthorizedHint(ctx, spec)}`, { ...details, kind: 'http', retryable: false }) };
	}
	if (spec.lookup && isNotFoundAnswer(status, envelope)) {
		return { error: new OcpiError(`${at}: not at the CPMS (HTTP ${status}${said})`, { ...details, kind: 'notFound', retryable: false }) };
	}
	if (isRetryableHttpStatus(status)) {
		const waitMs = status === 429 ? retryAfterMs(headerValue(response.headers, 'retry-after'), ctx.now()) : undefined;
		const retryable = waitMs === undefined || waitMs <= ctx.maxRetryAfterMs;
		const note = retryable ? '' : ` (Retry-After ${Math.round((waitMs ?? 0) / 1000)} s is longer than the ${ctx.maxRetryAfterMs / 1000} s this client waits)`;
		return { error: new OcpiError(`${at}: HTTP ${status}${said}${shown}${note}`, { ...details, kind: 'http', retryable }), waitMs };
	}
	if (!envelope) {
		const reason = parsed.kind === 'invalid' ? parsed.reason : 'unreadable';
		return { error: new OcpiError(`${at}: HTTP ${status}, not an OCPI response (${reason})${shown}`, { ...details, kind: 'format', retryable: false }) };
	}
	const code = envelope.status_code;
	if (code >= 1000 && code < 2000 && status >= 200 && status < 300) {
		return { result: { ...base, httpStatus: status, statusCode: code, statusMessage, data: envelope.data, headers: response.headers } };
	}
	const retryable = isRetryableOcpiStatus(code);
	return { error: new OcpiError(`${at}: HTTP ${status}${said}`, { ...details, kind: 'ocpi', retryable }) };
}

/** Sends with retries; throws an OcpiError (attempts set) once retries are spent or the error cannot pass by retrying. */
export async function callOcpi(ctx: RequestContext, spec: CallSpec): Promise<CallResult> {
	const correlationId = spec.correlationId ?? randomUUID();
	const maxAttempts = Math.max(1, Math.floor(ctx.retry.maxAttempts));
	for (let attemptNo = 1; ; attemptNo++) {
		const outcome = await ctx.concurrency.run(async () => {
			// checked after the wait for a slot: other calls may have found the CPMS unreachable meanwhile
			ctx.breaker.check(where(spec), { method: spec.method, path: pathOf(spec.url) });
			await ctx.rateLimiter.acquire();
			return attempt(ctx, spec, correlationId);
		});
		if ('error' in outcome && outcome.error.kind === 'network') ctx.breaker.noAnswer(outcome.error.message);
		else ctx.breaker.answered();
		if ('result' in outcome) return { ...outcome.result, attempts: attemptNo };
		outcome.error.attempts = attemptNo;
		if (!outcome.error.retryable || attemptNo >= maxAttempts) throw outcome.error;
		// Retry-After wins over our own backoff: the server said when it can take us again
		await ctx.sleep(outcome.waitMs ?? backoffDelayMs(attemptNo, ctx.retry, ctx.random));
	}
}
