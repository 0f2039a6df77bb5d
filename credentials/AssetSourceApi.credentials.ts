import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

/**
 * How the Asset Source triggers reach an asset system's REST API: its base URL and one of the usual ways
 * such APIs authenticate. Only the chosen method is sent (no empty headers or query parameters for the others).
 */
export class AssetSourceApi implements ICredentialType {
	name = 'assetSourceApi';

	displayName = 'Asset Source API';

	icon = {
		light: 'file:../nodes/AssetSourcePollTrigger/assetSourcePollTrigger.svg',
		dark: 'file:../nodes/AssetSourcePollTrigger/assetSourcePollTrigger.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/ocpi-asset-connector/n8n-nodes-ocpi-asset-connector#asset-source-triggers';

	properties: INodeProperties[] = [
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://assets.example.com',
			description: 'Root of the asset system\'s API; the trigger\'s Path is appended to it',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{ name: 'None', value: 'none' },
				{ name: 'API Key in a Header', value: 'headerKey' },
				{ name: 'API Key in a Query Parameter', value: 'queryKey' },
				{ name: 'Bearer Token', value: 'bearer' },
				{ name: 'Basic Auth', value: 'basic' },
			],
			default: 'headerKey',
		},
		{
			displayName: 'Header Name',
			name: 'headerName',
			type: 'string',
			default: 'X-API-Key',
			displayOptions: { show: { authentication: ['headerKey'] } },
		},
		{
			displayName: 'Query Parameter Name',
			name: 'queryName',
			type: 'string',
			default: 'api_key',
			displayOptions: { show: { authentication: ['queryKey'] } },
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['headerKey', 'queryKey'] } },
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['bearer'] } },
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			displayOptions: { show: { authentication: ['basic'] } },
		},
		{
			displayName: 'Test Path',
			name: 'testPath',
			type: 'string',
			default: '/',
			description: 'Path requested by "Test connection"; pick one that needs authentication (e.g. /api/chargers) to check the key too',
		},
	];

	// A function rather than a generic block: a generic block cannot leave out the headers or query parameters of
	// the methods that were not chosen, so every request would carry empty ones.
	authenticate = async (credentials: ICredentialDataDecryptedObject, requestOptions: IHttpRequestOptions): Promise<IHttpRequestOptions> => {
		const options: IHttpRequestOptions = { ...requestOptions, headers: { ...requestOptions.headers } };
		switch (credentials.authentication) {
			case 'headerKey':
				options.headers![String(credentials.headerName || 'X-API-Key')] = String(credentials.apiKey ?? '');
				break;
			case 'queryKey':
				options.qs = { ...options.qs, [String(credentials.queryName || 'api_key')]: String(credentials.apiKey ?? '') };
				break;
			case 'bearer':
				options.headers!.Authorization = `Bearer ${String(credentials.token ?? '')}`;
				break;
			case 'basic':
				options.auth = { username: String(credentials.username ?? ''), password: String(credentials.password ?? '') };
				break;
			default:
				break;
		}
		return options;
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '={{$credentials.testPath || "/"}}',
			method: 'GET',
		},
	};
}
