import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';
import { DeliveryClaims, type DedupeState } from '../../core/webhook';
import { webhookTriggerProperties } from './AssetSourceWebhookTrigger.properties';
import { testWebhookSecret } from './credentialTest';
import { readWebhookSettings } from './readWebhookSettings';
import { receiveEvent } from './receiveEvent';

const DEDUPE_KEY = 'assetSourceEvents';

export class AssetSourceWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Asset Source Webhook Trigger',
		name: 'assetSourceWebhookTrigger',
		icon: { light: 'file:assetSourceWebhookTrigger.svg', dark: 'file:assetSourceWebhookTrigger.dark.svg' },
		group: ['trigger'],
		// 2: optional settings in an Options collection (see shared/optionsCollection.ts); 1 as published
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{"POST /" + $parameter["path"]}}',
		description: 'Receives signed change events from an asset system and emits created, updated and deleted records',
		defaults: { name: 'Asset Source Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'assetSourceWebhookApi',
				required: true,
				testedBy: 'assetSourceWebhookApiTest',
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

	methods = { credentialTest: { assetSourceWebhookApiTest: testWebhookSecret } };

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

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	constructor() {
		// n8n loads a node type once per process and gives each webhook request its own copy of the static data,
		// so the one place simultaneous requests share is this instance; it holds only the claims of deliveryClaims.ts.
		const claims = new DeliveryClaims();
		this.webhook = async function (this: IWebhookFunctions): Promise<IWebhookResponseData> {
			return await answerDelivery(this, claims);
		};
	}
}

async function answerDelivery(context: IWebhookFunctions, claims: DeliveryClaims): Promise<IWebhookResponseData> {
	const settings = readWebhookSettings(context);
	const req = context.getRequestObject() as unknown as { rawBody?: Buffer | string; body?: unknown };
	const secret =
		settings.authentication === 'none' ? undefined : (await context.getCredentials<{ secret?: string }>('assetSourceWebhookApi')).secret;
	// From here to the end of receiveEvent nothing is awaited: the duplicate check and the claim are one step.
	const nowMs = Date.now();
	const scope = `${context.getMode()}\u0000${context.getWorkflow().id ?? ''}\u0000${context.getNode().id}\u0000`;
	const staticData = context.getWorkflowStaticData('node');
	const reception = receiveEvent(
		settings,
		{
			rawBody: req.rawBody ?? (typeof req.body === 'string' ? req.body : undefined),
			headers: context.getHeaderData(),
			secret,
			nowMs,
			claim: (key, windowMs) => claims.claim(scope + key, nowMs, windowMs),
		},
		staticData[DEDUPE_KEY] as DedupeState | undefined,
	);
	// n8n saves static data changed by a webhook call, so the keys outlive a restart
	if (reception.kind !== 'reject' && reception.dedupe) staticData[DEDUPE_KEY] = reception.dedupe as unknown as IDataObject;
	if (reception.kind === 'run') return { workflowData: [reception.items] };

	const res = context.getResponseObject();
	res.writeHead(reception.status, { 'Content-Type': 'application/json; charset=utf-8' });
	res.end(JSON.stringify(reception.body));
	return { noWebhookResponse: true };
}
