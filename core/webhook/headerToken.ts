/**
 * Shared-secret header auth (e.g. `X-Webhook-Token: <token>`, or an API key). Both sides are hashed before
 * the constant-time comparison, so tokens of different lengths compare in the same time and
 * timingSafeEqual never sees a length mismatch.
 */
import { createHash, timingSafeEqual } from 'crypto';

export interface TokenCheck {
	valid: boolean;
	reason: string;
}

function sha256(text: string): Buffer {
	return createHash('sha256').update(text, 'utf8').digest();
}

export function tokensEqual(received: string, expected: string): boolean {
	return timingSafeEqual(sha256(received), sha256(expected));
}

/** `scheme` strips a leading word such as 'Bearer' (case-insensitive) from the received value. */
export function verifyHeaderToken(received: string | string[] | undefined, expected: string, options: { scheme?: string } = {}): TokenCheck {
	if (typeof expected !== 'string' || expected === '') return { valid: false, reason: 'no expected token configured' };
	let value = Array.isArray(received) ? received[0] : received;
	if (value === undefined || value === null || String(value).trim() === '') return { valid: false, reason: 'token header missing' };
	value = String(value).trim();
	if (options.scheme) {
		const match = new RegExp(`^${options.scheme.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(.+)$`, 'i').exec(value);
		if (!match) return { valid: false, reason: `token header does not start with "${options.scheme} "` };
		value = match[1].trim();
	}
	return tokensEqual(value, expected) ? { valid: true, reason: 'token matches' } : { valid: false, reason: 'token does not match' };
}
