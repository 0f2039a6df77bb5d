/**
 * The webhook secret's connection test. There is nothing to call: the asset system calls us, and each delivery's
 * signature or token is checked against the secret. So the test says what can be known here, that a secret is
 * set, and never shows it.
 */
import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

export async function testWebhookSecret(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
	const secret = credential.data?.secret;
	if (typeof secret !== 'string' || secret.trim() === '') return { status: 'Error', message: 'The secret is empty' };
	return {
		status: 'OK',
		message: 'The secret is set; each delivery is checked against it when it arrives (nothing to call beforehand)',
	};
}
