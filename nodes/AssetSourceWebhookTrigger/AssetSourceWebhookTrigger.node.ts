import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import type { DedupeState } from '../../core/webhook';
import { webhookTriggerProperties } from './AssetSourceWebhookTrigger.properties';
import { readWebhookSettings } from './readWebhookSettings';
import { receiveEvent } from './receiveEvent';

const DEDUPE_KEY = 'assetSourceEvents';

export class AssetSourceWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Asset Source Webhook Trigger',
		name: 'assetSourceWebhookTrigger',
		icon: { light: 'file:assetSourceWebhookTrigger.svg', dark: 'file:assetSourceWebhookTrigger.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{"POST /" + $parameter["path"]}}',
		description: 'Receives signed change events from an asset system and emits created, updated and deleted records',
		defaults: { name: 'Asset Source Webhook Trigger' },
		inputs: [],
		outputs: ['main'],
		credentials: [
			{
				name: 'assetSourceWebhookApi',
				required: true,
				displayOptions: { show: { authentication: ['hmac', 'headerToken'] } },
			},
		],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: '={{$parameter["responseMode"]}}',
				responseCode: '={{$parameter["responseMode"] === "onReceived" ? 202 : 200}}',
				path: '={{$parameter["path"]}}',
				isFullPath: true,
			},
		],
		properties: webhookTriggerProperties,
	};

	// Nothing is registered at the asset system: its webhook URL is configured there by hand.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const settings = readWebhookSettings(this);
		const req = this.getRequestObject() as unknown as { rawBody?: Buffer | string; body?: unknown };
		const secret =
			settings.authentication === 'none' ? undefined : (await this.getCredentials<{ secret?: string }>('assetSourceWebhookApi')).secret;
		const staticData = this.getWorkflowStaticData('node');
		const reception = receiveEvent(
			settings,
			{ rawBody: req.rawBody ?? (typeof req.body === 'string' ? req.body : undefined), headers: this.getHeaderData(), secret, nowMs: Date.now() },
			staticData[DEDUPE_KEY] as DedupeState | undefined,
		);
		// Best effort: n8n saves static data changed by a webhook call; parallel deliveries may both pass.
		if (reception.kind !== 'reject' && reception.dedupe) staticData[DEDUPE_KEY] = reception.dedupe as unknown as IDataObject;
		if (reception.kind === 'run') return { workflowData: [reception.items] };

		const res = this.getResponseObject();
		res.writeHead(reception.status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(reception.body));
		return { noWebhookResponse: true };
	}
}
