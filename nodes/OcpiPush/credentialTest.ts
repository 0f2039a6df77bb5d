/**
 * The OCPI CPMS credential's connection test: discovery as the node does it, with the token, so a
 * wrong token fails here (the version details need it) and not only a wrong versions URL (often public). The URL may
 * be the versions URL or one version's details URL; the message says which it was.
 */
import { sleep, type ICredentialsDecrypted, type ICredentialTestFunctions, type INodeCredentialTestResult } from 'n8n-workflow';
import { createOcpiClient, type OcpiTransport } from '../../core/client';
import { readCpmsCredential } from './cpmsCredential';
import { registrationSecrets } from './registration';

interface FullResponse {
	statusCode: number;
	headers?: Record<string, string | string[] | undefined>;
	body?: unknown;
}

/**
 * The client's transport on the request helper n8n gives credential tests: every HTTP status resolves.
 * `request` is the only HTTP helper n8n gives a credential test (n8n-workflow 1.120 and 2.41 alike); n8n's lint
 * rule that prefers `httpRequest` names a helper this context does not have.
 */
function testTransport(helpers: ICredentialTestFunctions['helpers']): OcpiTransport {
	return async (call) => {
		const response = (await helpers.request({
			method: call.method,
			uri: call.url,
			headers: call.headers,
			body: call.body,
			json: false,
			simple: false,
			resolveWithFullResponse: true,
			timeout: call.timeoutMs,
		})) as FullResponse;
		return { status: response.statusCode, headers: response.headers ?? {}, body: response.body };
	};
}

export async function testCpmsCredential(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	// before the handshake there is no Token yet: discovery with Registration Token A tests the same things
	const fields = readCpmsCredential(data, data.token ? undefined : registrationSecrets(data).tokenA || undefined);
	if ('problem' in fields) return { status: 'Error', message: fields.problem };
	const client = createOcpiClient({
		versionsUrl: fields.versionsUrl,
		token: fields.token,
		tokenEncoding: fields.tokenEncoding,
		from: fields.party,
		to: fields.to,
		versionPreference: fields.versionPreference,
		transport: testTransport(this.helpers),
		sleep,
		retry: { maxAttempts: 1 },
		timeoutMs: 15_000,
	});
	try {
		const found = await client.discover();
		const given = found.versionUrl === fields.versionsUrl ? ` (the URL is the version details of OCPI ${found.version})` : '';
		return { status: 'OK', message: `Connected: OCPI ${found.version}${given}, the token was accepted; Locations receiver at ${found.locationsUrl}` };
	} catch (error) {
		return { status: 'Error', message: error instanceof Error ? error.message : String(error) };
	}
}
