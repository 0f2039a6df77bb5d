export { signedContent, signPayload, verifySignature, type DigestEncoding, type SignOptions, type VerifyOptions, type VerifyResult } from './signature';
export { tokensEqual, verifyHeaderToken, type TokenCheck } from './headerToken';
export { changeNotice, type ChangeNotice } from './changeNotice';
export { extractRecords, idOnlyRecord, type PayloadMode, type PayloadOptions, type PayloadResult } from './payload';
export { mapEventType, type ChangeKind, type EventTypeMapping, type EventTypeResult } from './eventType';
export { acceptEventId, deliveryKey, DEFAULT_MAX_ENTRIES, type DedupeState, type DedupeOptions, type DedupeResult, type DeliveryKeyInput } from './dedupe';
export { DeliveryClaims, DEFAULT_MAX_CLAIMS } from './deliveryClaims';
