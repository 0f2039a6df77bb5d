/** Test-only node and credential proving the harness's credentials helper: generic authenticate, real HTTP. */
import type {
	ICredentialType,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

export class HarnessApi implements ICredentialType {
	name = 'harnessApi';
	displayName = 'Harness API';
	properties = [
		{ displayName: 'Base URL', name: 'baseUrl', type: 'string' as const, default: '' },
		{ displayName: 'Token', name: 'token', type: 'string' as const, typeOptions: { password: true }, default: '' },
	];
	// OCPI style: "Authorization: Token <credentials token>".
	authenticate = {
		type: 'generic' as const,
		properties: { headers: { Authorization: '={{"Token " + $credentials.token}}' } },
	};
}

export class HarnessHttpProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness HTTP Probe',
		name: 'harnessHttpProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls one URL with credentials (test only)',
		defaults: { name: 'Harness HTTP Probe' },
		inputs: ['main'],
		outputs: ['main'],
		credentials: [{ name: 'harnessApi', required: true }],
		properties: [{ displayName: 'Path', name: 'path', type: 'string', default: '/' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('harnessApi');
		const out: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < this.getInputData().length; itemIndex++) {
			const path = this.getNodeParameter('path', itemIndex) as string;
			const body = await this.helpers.httpRequestWithAuthentication.call(this, 'harnessApi', {
				method: 'GET' as IHttpRequestMethods,
				url: `${baseUrl}${path}`,
				json: true,
			});
			out.push({ json: body, pairedItem: { item: itemIndex } });
		}
		return [out];
	}
}
