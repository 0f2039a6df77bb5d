/**
 * Duplicate detection for one delivery: the key from signed content (never from a header), the window kept in
 * static data (survives restarts), and the in-process claim that makes simultaneous copies run once.
 */
import type { IDataObject } from 'n8n-workflow';
import { idKey } from '../../core/changeDetection';
import { compilePath } from '../../core/foundation/path';
import { acceptEventId, deliveryKey, type DedupeState } from '../../core/webhook';
import type { WebhookSettings } from './readWebhookSettings';

/** Takes the key for `windowMs` unless another request of this process holds it; false for a duplicate. */
export type Claim = (key: string, windowMs: number) => boolean;

export interface DuplicateCheck {
	/** The event id from the body, for the emitted items. */
	eventId?: string;
	/** The static data to keep. */
	dedupe?: DedupeState;
	/** The answer for a duplicate; undefined when the delivery is new. */
	duplicate?: IDataObject;
}

export function checkDuplicate(
	settings: WebhookSettings,
	rawBody: Buffer | string,
	body: unknown,
	signedTimestamp: string | undefined,
	state: DedupeState | undefined,
	claim: Claim | undefined,
	nowMs: number,
): DuplicateCheck {
	const eventId = settings.eventIdField ? idKey(compilePath(settings.eventIdField)(body)) : undefined;
	if (settings.dedupeWindowSeconds <= 0) return { eventId };
	const key = deliveryKey({ body: rawBody, bodyEventId: eventId, signedTimestamp });
	const check = acceptEventId(state, key, { windowSeconds: settings.dedupeWindowSeconds, nowMs });
	const what = eventId !== undefined ? { eventId } : { delivery: key };
	if (!check.accept) return { eventId, dedupe: check.nextState, duplicate: { status: 'duplicate', ...what, reason: check.reason } };
	if (claim && !claim(key, settings.dedupeWindowSeconds * 1000)) {
		const reason = 'the same delivery is being received at this moment by another request';
		return { eventId, dedupe: check.nextState, duplicate: { status: 'duplicate', ...what, reason } };
	}
	return { eventId, dedupe: check.nextState };
}
