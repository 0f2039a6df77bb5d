/**
 * The Authorization header. OCPI 2.2.1 sends `Token <base64(token)>` (RFC 4648 of the UTF-8 token,
 * clarified in 2.2.1-d2); 2.1.1 and many 2.2 platforms send the token plain, hence the option.
 */
import type { OcpiVersion } from '../ocpi/version';
import type { TokenEncoding } from './types';

/** Buffer's base64 has no line breaks and no trailing newline (unlike the d2 example `…Cg==`). */
export function encodeTokenBase64(token: string): string {
	return Buffer.from(token, 'utf8').toString('base64');
}

/** 2.1.1 has no encoding rule: always plain there. */
export function effectiveEncoding(encoding: TokenEncoding, version: OcpiVersion | undefined): TokenEncoding {
	return version === '2.1.1' ? 'plain' : encoding;
}

export function authorizationHeader(token: string, encoding: TokenEncoding): string {
	return `Token ${encoding === 'base64' ? encodeTokenBase64(token) : token}`;
}

/** Replaces every token (and its base64 form) in a text: tokens must never reach an error or a log. */
export function createRedactor(): { add(secret: string | undefined): void; redact(text: string): string } {
	const secrets = new Set<string>();
	return {
		add(secret) {
			if (!secret) return;
			secrets.add(secret);
			secrets.add(encodeTokenBase64(secret));
		},
		redact(text) {
			let out = text;
			// longest first so a token inside another one cannot leave a tail behind
			for (const secret of [...secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
			return out;
		},
	};
}
