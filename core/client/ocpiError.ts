/** The one error type the client throws: what went wrong, whether a retry could help, never a token. */
/**
 * notFound: the object is not at the CPMS (404, 2003, or 200 with 3000 and no data on a GET);
 * unreachable: not sent, the circuit breaker is open; verification: the CPMS answered a write with another object.
 */
export type OcpiErrorKind = 'ocpi' | 'http' | 'network' | 'format' | 'discovery' | 'usage' | 'notFound' | 'unreachable' | 'verification';

export interface OcpiErrorDetails {
	kind: OcpiErrorKind;
	httpStatus?: number;
	statusCode?: number;
	statusMessage?: string;
	retryable: boolean;
	method?: string;
	/** URL path without host. */
	path?: string;
	attempts?: number;
}

export class OcpiError extends Error {
	readonly kind: OcpiErrorKind;
	readonly httpStatus?: number;
	readonly statusCode?: number;
	readonly statusMessage?: string;
	readonly retryable: boolean;
	readonly method?: string;
	readonly path?: string;
	attempts: number;

	constructor(message: string, details: OcpiErrorDetails) {
		super(message);
		this.name = 'OcpiError';
		this.kind = details.kind;
		this.httpStatus = details.httpStatus;
		this.statusCode = details.statusCode;
		this.statusMessage = details.statusMessage;
		this.retryable = details.retryable;
		this.method = details.method;
		this.path = details.path;
		this.attempts = details.attempts ?? 0;
	}

	toJSON(): Record<string, unknown> {
		const { kind, httpStatus, statusCode, statusMessage, retryable, method, path, attempts } = this;
		return { name: this.name, message: this.message, kind, httpStatus, statusCode, statusMessage, retryable, method, path, attempts };
	}
}
