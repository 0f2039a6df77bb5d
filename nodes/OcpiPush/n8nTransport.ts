/**
 * The OCPI client's transport on n8n's own HTTP helper: every HTTP status resolves (the client reads
 * OCPI status codes and decides on retries itself); only a request without an answer rejects.
 */
import type { IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';
import type { OcpiTransport } from '../../core/client';

interface FullResponse {
	statusCode: number;
	headers?: Record<string, string | string[] | undefined>;
	body?: unknown;
}

export function n8nTransport(context: IExecuteFunctions): OcpiTransport {
	return async (request) => {
		const response = (await context.helpers.httpRequest({
			method: request.method as IHttpRequestMethods,
			url: request.url,
			headers: request.headers,
			// already serialised by the client: the exact bytes it chose are sent
			body: request.body,
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: request.timeoutMs,
		})) as FullResponse;
		return { status: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}
