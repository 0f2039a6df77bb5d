import type { ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * The shared secret an asset system uses for its webhooks: the HMAC key of signed deliveries or the
 * token it sends in a header. Kept in a credential so it never sits in workflow parameters or execution data.
 */
export class AssetSourceWebhookApi implements ICredentialType {
	name = 'assetSourceWebhookApi';

	displayName = 'Asset Source Webhook API';

	icon = {
		light: 'file:../nodes/AssetSourceWebhookTrigger/assetSourceWebhookTrigger.svg',
		dark: 'file:../nodes/AssetSourceWebhookTrigger/assetSourceWebhookTrigger.dark.svg',
	} as const;

	documentationUrl = 'https://github.com/ocpi-asset-connector/n8n-nodes-ocpi-asset-connector#asset-source-triggers';

	properties: INodeProperties[] = [
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The HMAC signing secret, or the token the asset system sends in a header',
		},
	];
}
