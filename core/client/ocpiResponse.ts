/** Lenient parsing of OCPI answers: `data` may be an object, an array or absent; only status_code is a must. */
import { isRecord } from '../foundation/json';

export interface OcpiEnvelope {
	data?: unknown;
	status_code: number;
	status_message?: string;
	timestamp?: string;
}

export type ParsedBody = { kind: 'envelope'; envelope: OcpiEnvelope } | { kind: 'invalid'; reason: string };

function bodyText(body: unknown): string | undefined {
	if (typeof body === 'string') return body;
	if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
	return undefined;
}

export function parseOcpiBody(body: unknown): ParsedBody {
	let value = body;
	const text = bodyText(body);
	if (text !== undefined) {
		if (text.trim() === '') return { kind: 'invalid', reason: 'empty body' };
		try {
			value = JSON.parse(text);
		} catch {
			return { kind: 'invalid', reason: 'the body is not JSON' };
		}
	}
	if (value === null || value === undefined) return { kind: 'invalid', reason: 'empty body' };
	if (!isRecord(value)) return { kind: 'invalid', reason: 'the body is not an OCPI response object' };
	const envelope = value;
	const code = typeof envelope.status_code === 'string' ? Number(envelope.status_code) : envelope.status_code;
	if (typeof code !== 'number' || !Number.isInteger(code)) return { kind: 'invalid', reason: 'the OCPI response has no status_code' };
	return {
		kind: 'envelope',
		envelope: {
			data: envelope.data,
			status_code: code,
			status_message: typeof envelope.status_message === 'string' ? envelope.status_message : undefined,
			timestamp: typeof envelope.timestamp === 'string' ? envelope.timestamp : undefined,
		},
	};
}

/** Header lookup ignoring case (transports differ in how they spell names). */
export function headerValue(headers: Record<string, string | string[] | undefined> | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() !== wanted || value === undefined) continue;
		return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** A single object from `data`; some receivers (py-ocpi) wrap it in a list. */
export function singleObject(data: unknown): Record<string, unknown> | undefined {
	const value = Array.isArray(data) ? data[0] : data;
	return isRecord(value) ? value : undefined;
}
