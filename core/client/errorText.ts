/**
 * What an error says about the URL and the answer, so a user can act on it: the full URL (never its
 * query), where that URL came from, and the text of a non-OCPI answer (trimmed, secrets redacted).
 */

const MAX_BODY_TEXT = 300;

/** Scheme, host and path, without query or fragment (queries may carry secrets). */
export function urlForMessage(url: string): string {
	try {
		const parsed = new URL(url);
		return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
	} catch {
		return url.replace(/[?#].*$/, '');
	}
}

function origin(url: string): { protocol: string; host: string } | undefined {
	try {
		const { protocol, host } = new URL(url);
		return { protocol, host };
	} catch {
		return undefined;
	}
}

/**
 * For a URL the CPMS advertised in its versions or version details: says so, and what differs from the
 * credential's URL (its versions URL or version details URL; a CPMS behind a proxy often advertises https:// or its public host).
 */
export function advertisedNote(url: string, credentialUrl: string): string {
	const used = origin(url);
	const given = origin(credentialUrl);
	const base = ' (this URL is the one the CPMS advertises in its version information, not the URL in the credential';
	if (!used || !given) return `${base})`;
	const differences: string[] = [];
	if (used.protocol !== given.protocol) differences.push(`it advertised ${used.protocol}// where the credential says ${given.protocol}//`);
	if (used.host !== given.host) differences.push(`it advertised host ${used.host} where the credential says ${given.host}`);
	return differences.length > 0 ? `${base}: ${differences.join('; ')})` : `${base})`;
}

function bodyText(body: unknown): string | undefined {
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
	if (body !== null && typeof body === 'object') return JSON.stringify(body);
	return undefined;
}

/** The readable part of a JSON error of a web framework ({"detail": …}, {"message": …}, {"error": …}). */
function frameworkMessage(text: string): string | undefined {
	try {
		const value = JSON.parse(text) as unknown;
		if (value === null || typeof value !== 'object') return undefined;
		const record = value as Record<string, unknown>;
		for (const key of ['detail', 'message', 'error', 'title', 'status_message']) {
			if (record[key] !== undefined) return typeof record[key] === 'string' ? (record[key] as string) : JSON.stringify(record[key]);
		}
	} catch {
		// not JSON: shown as text below
	}
	return undefined;
}

/** The answer's text as a short one-liner: tags of an HTML page dropped, whitespace collapsed, cut at MAX_BODY_TEXT. */
export function answerText(body: unknown, redact: (text: string) => string): string | undefined {
	const raw = bodyText(body);
	if (raw === undefined || raw.trim() === '') return undefined;
	const text = frameworkMessage(raw) ?? raw;
	const plain = /<[a-z!/][^>]*>/i.test(text)
		? text
				.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
				.replace(/<[^>]+>/g, ' ')
				.replace(/&nbsp;/g, ' ')
		: text;
	const line = redact(plain.replace(/\s+/g, ' ').trim());
	if (line === '') return undefined;
	return line.length > MAX_BODY_TEXT ? `${line.slice(0, MAX_BODY_TEXT)}…` : line;
}

const TLS_CODES = /^(EPROTO|ERR_SSL_|ERR_TLS_|CERT_|UNABLE_TO_(GET|VERIFY)|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH)/;
const TLS_TEXT = /\b(SSL|TLS)\b|ssl3_|wrong version number|certificate/i;

/** The error and its causes, as `code` and `message` pairs (fetch and axios nest the socket error). */
function chain(error: unknown): Array<{ code?: string; message: string }> {
	const out: Array<{ code?: string; message: string }> = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth++) {
		const record = current as { code?: unknown; message?: unknown; cause?: unknown };
		out.push({ code: typeof record.code === 'string' ? record.code : undefined, message: typeof record.message === 'string' ? record.message : '' });
		current = record.cause;
	}
	return out;
}

/** A TLS handshake or certificate failure: retrying cannot help, the URL's scheme or the certificate must change. */
export function isTlsError(error: unknown): boolean {
	return chain(error).some(({ code, message }) => (code !== undefined && TLS_CODES.test(code)) || TLS_TEXT.test(message));
}

/** Why no answer came: the messages of the error and its causes, each once. */
export function networkReason(error: unknown): string {
	const parts = chain(error)
		.map(({ message }) => message)
		.filter((message, index, all) => message !== '' && all.indexOf(message) === index);
	return parts.length === 0 ? String(error) : parts.length === 1 ? parts[0] : `${parts[0]} (${parts.slice(1).join('; ')})`;
}
