/** The OCPI response envelope and the status codes this server answers with. */
import type { ServerResponse } from 'node:http';
import { sendJson } from '../shared/http';

export const OCPI_STATUS = {
	success: 1000,
	clientError: 2000,
	invalidParameters: 2001,
	notEnoughInformation: 2002,
	unknownLocation: 2003,
	serverError: 3000,
	unableToUseClientApi: 3001,
	unsupportedVersion: 3002,
	noMatchingEndpoints: 3003,
} as const;

export interface OcpiEnvelope {
	data?: unknown;
	status_code: number;
	status_message?: string;
	timestamp: string;
}

/** UTC with a Z, as the spec wants (never an offset). */
export function ocpiTimestamp(date = new Date()): string {
	return date.toISOString();
}

export function envelope(statusCode: number, data?: unknown, statusMessage?: string): OcpiEnvelope {
	// key order as in the spec's table: data, status_code, status_message, timestamp
	return {
		...(data !== undefined ? { data } : {}),
		status_code: statusCode,
		...(statusMessage !== undefined ? { status_message: statusMessage } : {}),
		timestamp: ocpiTimestamp(),
	};
}

/** What a handler decided; the server writes it and logs the OCPI status code. */
export interface OcpiReply {
	http: number;
	body: OcpiEnvelope;
	headers?: Record<string, string>;
}

export const ok = (data?: unknown, message?: string): OcpiReply => ({ http: 200, body: envelope(OCPI_STATUS.success, data, message) });
export const fail = (http: number, statusCode: number, message: string): OcpiReply => ({ http, body: envelope(statusCode, undefined, message) });

export function writeReply(res: ServerResponse, reply: OcpiReply, extraHeaders: Record<string, string>): void {
	sendJson(res, reply.http, reply.body, { ...extraHeaders, ...reply.headers });
}
