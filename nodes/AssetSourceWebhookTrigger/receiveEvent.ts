/**
 * One webhook delivery → an answer or trigger items: authenticate over the raw body, read the records,
 * (one per key for events naming several; id-only and changed-fields-only records flagged `partial`),
 * drop a duplicate delivery (duplicateCheck.ts), map event types to created / updated / deleted. Uses only the core webhook
 * functions; no secret, signature or header value is ever put into an item or an answer.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { idKey } from '../../core/changeDetection';
import { compilePath } from '../../core/foundation/path';
import { changeNotice, extractRecords, mapEventType, verifyHeaderToken, verifySignature, type DedupeState } from '../../core/webhook';
import { checkDuplicate, type Claim } from './duplicateCheck';
import type { WebhookSettings } from './readWebhookSettings';

export interface Delivery {
	/** The body exactly as received, before any JSON parsing (n8n keeps it as req.rawBody). */
	rawBody: Buffer | string | undefined;
	headers: Record<string, string | string[] | undefined>;
	/** The shared secret from the credential; undefined when authentication is none. */
	secret?: string;
	nowMs: number;
	/** The in-process claim on a delivery key (see core/webhook/deliveryClaims.ts). */
	claim?: Claim;
}

export type Reception =
	| { kind: 'reject'; status: 400 | 401; body: IDataObject }
	| { kind: 'skip'; status: 200 | 202; body: IDataObject; dedupe?: DedupeState }
	| { kind: 'run'; items: INodeExecutionData[]; dedupe?: DedupeState };

function header(headers: Delivery['headers'], name: string): string | undefined {
	if (!name) return undefined;
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value.join(',') : value;
}

function authenticate(settings: WebhookSettings, delivery: Delivery): { ok: boolean; reason: string } {
	switch (settings.authentication) {
		case 'none':
			return { ok: true, reason: 'no authentication' };
		case 'headerToken': {
			const check = verifyHeaderToken(header(delivery.headers, settings.tokenHeader), delivery.secret ?? '', { scheme: settings.tokenScheme || undefined });
			return { ok: check.valid, reason: check.reason };
		}
		case 'hmac': {
			const check = verifySignature({
				secret: delivery.secret ?? '',
				body: delivery.rawBody,
				signature: header(delivery.headers, settings.signatureHeader),
				prefix: settings.signaturePrefix,
				timestamp: settings.timestampHeader ? header(delivery.headers, settings.timestampHeader) : undefined,
				toleranceSeconds: settings.timestampHeader ? settings.toleranceSeconds : undefined,
				nowMs: delivery.nowMs,
			});
			return { ok: check.valid, reason: check.reason };
		}
		default:
			return { ok: false, reason: 'unknown authentication setting' };
	}
}

export function receiveEvent(settings: WebhookSettings, delivery: Delivery, dedupeState: DedupeState | undefined): Reception {
	const auth = authenticate(settings, delivery);
	if (!auth.ok) return { kind: 'reject', status: 401, body: { error: 'Unauthorized', reason: auth.reason } };

	const extracted = extractRecords(delivery.rawBody, { mode: settings.payload, path: settings.recordsPath, idField: settings.idField, keysPath: settings.keysPath || undefined });
	if (!extracted.ok) return { kind: 'reject', status: 400, body: { error: 'Bad Request', reason: extracted.reason } };
	// extractRecords parsed it already, so this cannot fail
	const body: unknown = JSON.parse(Buffer.isBuffer(delivery.rawBody) ? delivery.rawBody.toString('utf8') : String(delivery.rawBody));

	const signedTimestamp = settings.authentication === 'hmac' ? header(delivery.headers, settings.timestampHeader)?.trim() || undefined : undefined;
	const raw = delivery.rawBody ?? '';
	const { eventId, dedupe, duplicate } = checkDuplicate(settings, raw, body, signedTimestamp, dedupeState, delivery.claim, delivery.nowMs);
	if (duplicate) return { kind: 'skip', status: 200, body: duplicate, dedupe };

	const typeOf = settings.eventTypeField ? compilePath(settings.eventTypeField) : () => undefined;
	const idOf = compilePath(settings.idField);
	const headerType = header(delivery.headers, settings.eventTypeHeader);
	const items: INodeExecutionData[] = [];
	for (const record of extracted.records) {
		const eventType = typeOf(record) ?? typeOf(body) ?? headerType;
		const mapped = mapEventType(eventType, settings.eventNames);
		if (!mapped.ok && settings.unknownEventType === 'ignore') continue;
		const json: IDataObject = { ...record, change: mapped.ok ? mapped.change : 'updated', assetId: idKey(idOf(record)) ?? null };
		// A change notice is not a record to map: the workflow reads the full record (or its group) instead.
		const notice = changeNotice(record, settings.idField, settings.fullRecordFields);
		if (notice.partial) Object.assign(json, { partial: true, missingFields: notice.missingFields });
		if (eventId !== undefined) json.eventId = eventId;
		if (typeof eventType === 'string') json.eventType = eventType;
		items.push({ json });
	}
	if (items.length === 0) return { kind: 'skip', status: 202, body: { status: 'ignored', reason: 'no record with a known event type' }, dedupe };
	return { kind: 'run', items, dedupe };
}
