/**
 * HMAC-SHA256 webhook signatures, one definition for the signer (the sample asset API) and the verifier
 * (the webhook trigger).
 *
 * Scheme: the signed content is the raw request body, or `${timestamp}.${body}` when a timestamp header is
 * used (timestamp = the header's exact text, Unix seconds). The signature header is
 * `<prefix><digest>`, prefix usually `sha256=`, digest hex (or base64). The verifier accepts several
 * comma- or space-separated signatures in the header (secret rotation) and refuses timestamps further than
 * `toleranceSeconds` from now, so a captured request cannot be replayed later.
 * Verification never throws and never puts the secret or the expected digest into a reason.
 */
import { createHmac, timingSafeEqual } from 'crypto';
import { epochMs } from '../foundation/dateTime';

export type DigestEncoding = 'hex' | 'base64';

export interface SignOptions {
	secret: string;
	/** The exact bytes that will be sent. */
	body: string | Buffer;
	/** Unix seconds (or any text the receiver will read back verbatim); omit to sign the body alone. */
	timestamp?: string | number;
	/** Default 'sha256='. */
	prefix?: string;
	/** Default 'hex'. */
	encoding?: DigestEncoding;
}

export interface VerifyOptions {
	secret: string;
	/** The raw body as received, before any JSON parsing. */
	body: string | Buffer | undefined;
	/** The signature header's value. */
	signature: string | string[] | undefined;
	/** Expected prefix; default 'sha256='. '' for a bare digest. */
	prefix?: string;
	/** 'auto' (default) reads 64 hex characters as hex and anything else as base64. */
	encoding?: DigestEncoding | 'auto';
	/** The timestamp header's value; required when `toleranceSeconds` is set. When present it is part of the signed content either way. */
	timestamp?: string | string[] | undefined;
	/** When set, a timestamp is required and must be within this many seconds of now (both directions). */
	toleranceSeconds?: number;
	/** Injected clock for tests; default Date.now(). */
	nowMs?: number;
}

export interface VerifyResult {
	valid: boolean;
	reason: string;
}

const SHA256_BYTES = 32;
const DEFAULT_PREFIX = 'sha256=';

/** What is signed: the body, or `${timestamp}.${body}`. */
export function signedContent(body: string | Buffer, timestamp?: string | number): Buffer {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	return timestamp === undefined ? bytes : Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), bytes]);
}

function digest(secret: string, content: Buffer): Buffer {
	return createHmac('sha256', secret).update(content).digest();
}

/** The signature header value for a body: `sha256=<hex>` by default. */
export function signPayload(options: SignOptions): string {
	const mac = digest(options.secret, signedContent(options.body, options.timestamp));
	return `${options.prefix ?? DEFAULT_PREFIX}${mac.toString(options.encoding ?? 'hex')}`;
}

function decodeDigest(text: string, encoding: DigestEncoding | 'auto'): Buffer | undefined {
	const useHex = encoding === 'hex' || (encoding === 'auto' && /^[0-9a-fA-F]{64}$/.test(text));
	if (useHex) return /^[0-9a-fA-F]+$/.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : undefined;
	// base64 or base64url, padding optional
	if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) return undefined;
	return Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

function firstValue(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value.join(',') : value;
}

/** Timestamps as Unix seconds (≥ 1e11: milliseconds); nothing but digits is a timestamp here. */
function timestampMs(text: string): number | undefined {
	return /^\d+(\.\d+)?$/.test(text) ? epochMs(Number(text)) : undefined;
}

export function verifySignature(options: VerifyOptions): VerifyResult {
	if (typeof options.secret !== 'string' || options.secret === '') return { valid: false, reason: 'no secret configured' };
	if (options.body === undefined || options.body === null) return { valid: false, reason: 'no raw body to verify' };
	const header = firstValue(options.signature)?.trim();
	if (!header) return { valid: false, reason: 'signature header missing' };

	let timestamp: string | undefined;
	const tolerance = options.toleranceSeconds;
	const timestampText = firstValue(options.timestamp)?.trim();
	if (tolerance !== undefined) {
		if (!timestampText) return { valid: false, reason: 'timestamp header missing' };
		const sentMs = timestampMs(timestampText);
		if (sentMs === undefined) return { valid: false, reason: 'timestamp header is not a Unix time' };
		const skewSeconds = Math.abs((options.nowMs ?? Date.now()) - sentMs) / 1000;
		if (!(skewSeconds <= tolerance)) return { valid: false, reason: `timestamp is ${Math.round(skewSeconds)} s from now, outside the ${tolerance} s tolerance (replay or clock skew)` };
		timestamp = timestampText;
	} else if (timestampText) {
		timestamp = timestampText;
	}

	const prefix = options.prefix ?? DEFAULT_PREFIX;
	const candidates = header.split(/[\s,]+/).filter(Boolean);
	const expected = digest(options.secret, signedContent(options.body, timestamp));
	let sawPrefix = false;
	let sawDecodable = false;
	for (const candidate of candidates) {
		if (prefix !== '' && !candidate.toLowerCase().startsWith(prefix.toLowerCase())) continue;
		sawPrefix = true;
		const received = decodeDigest(candidate.slice(prefix.length), options.encoding ?? 'auto');
		if (!received || received.length !== SHA256_BYTES) continue;
		sawDecodable = true;
		// same length is checked above: timingSafeEqual throws on a length mismatch
		if (timingSafeEqual(received, expected)) return { valid: true, reason: timestamp === undefined ? 'signature matches the body' : 'signature matches the timestamp and body' };
	}
	if (!sawPrefix) return { valid: false, reason: `signature header does not start with "${prefix}"` };
	if (!sawDecodable) return { valid: false, reason: 'signature is not a SHA-256 digest in the expected encoding' };
	return { valid: false, reason: 'signature does not match (wrong secret, or the body or timestamp was changed)' };
}
