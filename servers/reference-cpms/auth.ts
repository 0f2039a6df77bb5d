/**
 * Token authentication. 2.2.1 sends `Authorization: Token <base64(token)>`, 2.1.1 the token itself;
 * since many 2.2.x parties still send it plain, the 2.2.1 rule is configurable.
 */
import type { OcpiVersion } from '../../core/ocpi/version';
import type { TokenEncoding } from './options';
import type { CpmsStore } from './store';

export type TokenKind = 'tokenA' | 'registered' | 'extra';

export interface AuthConfig {
	tokenA: string;
	extraTokens: readonly string[];
	tokenEncoding: TokenEncoding;
}

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes only real base64 (Buffer.from alone accepts almost anything and would let plain tokens pass). */
export function decodeBase64Strictly(text: string): string | undefined {
	if (!BASE64.test(text) || text.length % 4 === 1) return undefined;
	const bytes = Buffer.from(text, 'base64');
	if (bytes.toString('base64').replace(/=+$/, '') !== text.replace(/=+$/, '')) return undefined;
	return bytes.toString('utf8');
}

export function encodeToken(token: string): string {
	return Buffer.from(token, 'utf8').toString('base64');
}

/** The token values the header may stand for. No version (the versions list) accepts either form: the client has not chosen one yet. */
export function tokenCandidates(header: string | undefined, version: OcpiVersion | undefined, encoding: TokenEncoding): string[] {
	const match = /^Token\s+(\S+)\s*$/i.exec(header ?? '');
	if (!match) return [];
	const raw = match[1];
	const mode: TokenEncoding = version === '2.1.1' ? 'plain' : version === undefined ? 'either' : encoding;
	const decoded = mode === 'plain' ? undefined : decodeBase64Strictly(raw);
	const out: string[] = [];
	if (mode !== 'base64') out.push(raw);
	if (decoded !== undefined) out.push(decoded);
	return out;
}

export function tokenAIsUsable(store: CpmsStore, config: AuthConfig): boolean {
	return config.tokenA !== '' && !store.isVoidTokenA(config.tokenA);
}

/** Which kind of token the request carries, or undefined for none/unknown (→ HTTP 401). */
export function authenticate(
	header: string | undefined,
	version: OcpiVersion | undefined,
	store: CpmsStore,
	config: AuthConfig,
): { kind: TokenKind; token: string } | undefined {
	for (const token of tokenCandidates(header, version, config.tokenEncoding)) {
		if (store.registration?.serverToken === token) return { kind: 'registered', token };
		if (config.extraTokens.includes(token)) return { kind: 'extra', token };
		if (token === config.tokenA && tokenAIsUsable(store, config)) return { kind: 'tokenA', token };
	}
	return undefined;
}
