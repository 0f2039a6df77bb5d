/** The webhook trigger's parameters as plain settings for the core webhook functions. */
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import type { EventTypeMapping, PayloadMode } from '../../core/webhook';
import { versionedReader } from '../shared/optionsCollection';
import { WEBHOOK_OPTIONAL, webhookTriggerFields } from './AssetSourceWebhookTrigger.properties';

export type WebhookAuthentication = 'none' | 'headerToken' | 'hmac';

export interface WebhookSettings {
	authentication: WebhookAuthentication;
	signatureHeader: string;
	signaturePrefix: string;
	timestampHeader: string;
	toleranceSeconds: number;
	tokenHeader: string;
	tokenScheme: string;
	payload: PayloadMode;
	recordsPath: string;
	idField: string;
	/** '' = off. */
	keysPath: string;
	fullRecordFields: string[];
	eventTypeField: string;
	eventTypeHeader: string;
	eventNames: EventTypeMapping;
	unknownEventType: 'updated' | 'ignore';
	eventIdField: string;
	dedupeWindowSeconds: number;
}

function names(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

export function readWebhookSettings(context: IWebhookFunctions): WebhookSettings {
	// wherever the node's version shows them: top level, or the Options collection
	const read = versionedReader(context.getNode(), (name, fallback) => context.getNodeParameter(name, fallback as string), webhookTriggerFields, WEBHOOK_OPTIONAL);
	const text = (name: string, fallback = '') => String(read(name, fallback) ?? fallback).trim();
	const number = (name: string, fallback: number) => {
		const value = Number(read(name, fallback));
		return Number.isFinite(value) ? value : fallback;
	};
	const authentication = text('authentication', 'hmac') as WebhookAuthentication;
	const eventNames = read('eventNames', {}) as IDataObject;
	return {
		authentication,
		signatureHeader: authentication === 'hmac' ? text('signatureHeader', 'X-Signature') : '',
		signaturePrefix: authentication === 'hmac' ? String(read('signaturePrefix', 'sha256=') ?? '') : '',
		timestampHeader: authentication === 'hmac' ? text('timestampHeader', '') : '',
		toleranceSeconds: authentication === 'hmac' ? number('toleranceSeconds', 300) : 300,
		tokenHeader: authentication === 'headerToken' ? text('authHeader', 'X-Webhook-Token') : '',
		tokenScheme: authentication === 'headerToken' ? text('authScheme', '') : '',
		payload: text('payload', 'path') as PayloadMode,
		recordsPath: text('recordsPath', 'data'),
		idField: text('idField', 'id'),
		keysPath: text('keysPath', ''),
		fullRecordFields: names(read('fullRecordFields', '')),
		eventTypeField: text('eventTypeField', ''),
		eventTypeHeader: text('eventTypeHeader', ''),
		eventNames: { created: names(eventNames.created), updated: names(eventNames.updated), deleted: names(eventNames.deleted) },
		unknownEventType: text('unknownEventType', 'updated') === 'ignore' ? 'ignore' : 'updated',
		eventIdField: text('eventIdField', ''),
		dedupeWindowSeconds: Math.max(0, number('dedupeWindowSeconds', 3600)),
	};
}
