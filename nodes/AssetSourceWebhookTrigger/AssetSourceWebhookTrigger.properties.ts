/** What the user sets on the Asset Source Webhook Trigger. */
import type { INodeProperties } from 'n8n-workflow';
import { withOptionsCollection } from '../shared/optionsCollection';

/** Every field, as version 1 shows them (all at top level). */
export const webhookTriggerFields: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: 'asset-events',
		required: true,
		description: 'The webhook URL ends in this path; the asset system POSTs its events there',
	},
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'HMAC-SHA256 Signature', value: 'hmac', description: 'The asset system signs the raw body (and a timestamp) with the shared secret' },
			{ name: 'Header Token', value: 'headerToken', description: 'The asset system sends the shared secret in a header' },
			{ name: 'None', value: 'none', description: 'Anyone who knows the URL can send events' },
		],
		default: 'hmac',
	},
	{
		displayName: 'Signature Header',
		name: 'signatureHeader',
		type: 'string',
		default: 'X-Signature',
		displayOptions: { show: { authentication: ['hmac'] } },
	},
	{
		displayName: 'Signature Prefix',
		name: 'signaturePrefix',
		type: 'string',
		default: 'sha256=',
		description: 'Text before the digest in the signature header; empty for a bare hex or Base64 digest',
		displayOptions: { show: { authentication: ['hmac'] } },
	},
	{
		displayName: 'Timestamp Header',
		name: 'timestampHeader',
		type: 'string',
		default: 'X-Timestamp',
		description: 'Header with the Unix time the delivery was signed (then the signed content is the timestamp, a dot and the body); empty when the sender signs the body alone',
		displayOptions: { show: { authentication: ['hmac'] } },
	},
	{
		displayName: 'Timestamp Tolerance (Seconds)',
		name: 'toleranceSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 300,
		description: 'Deliveries signed longer ago (or further ahead) are refused, so a captured request cannot be replayed',
		displayOptions: { show: { authentication: ['hmac'] } },
	},
	{
		displayName: 'Header Name',
		name: 'authHeader',
		type: 'string',
		default: 'X-Webhook-Token',
		displayOptions: { show: { authentication: ['headerToken'] } },
	},
	{
		displayName: 'Header Scheme',
		name: 'authScheme',
		type: 'string',
		default: '',
		placeholder: 'e.g. Bearer',
		description: 'A word before the secret in the header (e.g. Bearer), if the sender writes one',
		displayOptions: { show: { authentication: ['headerToken'] } },
	},
	{
		displayName: 'Payload',
		name: 'payload',
		type: 'options',
		options: [
			{ name: 'Auto (Array or Single Record)', value: 'auto' },
			{ name: 'Array of Records', value: 'array' },
			{ name: 'Records at a Path', value: 'path', description: 'An envelope such as {"event_type": …, "data": {…}}' },
			{ name: 'Single Record', value: 'single' },
		],
		default: 'path',
	},
	{
		displayName: 'Records Path',
		name: 'recordsPath',
		type: 'string',
		default: 'data',
		description: 'Where the record (or list of records) is in the body, dots for nested fields',
		displayOptions: { show: { payload: ['path'] } },
	},
	{
		displayName: 'ID Field',
		name: 'idField',
		type: 'string',
		default: 'id',
		placeholder: 'e.g. charger_id',
		description: 'Field holding each record\'s unique ID (copied to assetId)',
	},
	{
		displayName: 'Keys Path',
		name: 'keysPath',
		type: 'string',
		default: 'keys',
		placeholder: 'e.g. keys',
		description:
			'Where an event lists the IDs of several records (e.g. {"event": "items.update", "keys": ["A", "B"], "payload": {…}}); one item is emitted per key. Empty to turn off. A list of bare IDs as the records (e.g. a delete event\'s "data": ["A", "B"]) is always accepted.',
	},
	{
		displayName: 'Fields of a Full Record',
		name: 'fullRecordFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. site_id, outlets',
		description:
			'Comma-separated fields every complete record has. A record without one of them (an event that carries only the changed fields) is emitted as a change notice with partial: true, so the workflow fetches the full record or its group instead of mapping it. A record holding only its ID is always partial.',
	},
	{
		displayName: 'Event Type Field',
		name: 'eventTypeField',
		type: 'string',
		default: 'event_type',
		description: 'Field with the event name (e.g. charger.updated), looked up in the record first and then in the body',
	},
	{
		displayName: 'Event Type Header',
		name: 'eventTypeHeader',
		type: 'string',
		default: 'X-Event-Type',
		description: 'Used when neither the record nor the body has the event type field',
	},
	{
		displayName: 'Event Names',
		name: 'eventNames',
		type: 'collection',
		placeholder: 'Add Event Names',
		default: {},
		description: 'Names the asset system uses that do not end in a usual verb (…created, …updated, …deleted are recognised without this)',
		options: [
			{ displayName: 'Created', name: 'created', type: 'string', default: '', description: 'Comma-separated event names meaning created' },
			{ displayName: 'Deleted', name: 'deleted', type: 'string', default: '', description: 'Comma-separated event names meaning deleted' },
			{ displayName: 'Updated', name: 'updated', type: 'string', default: '', description: 'Comma-separated event names meaning updated' },
		],
	},
	{
		displayName: 'Unknown Event Types',
		name: 'unknownEventType',
		type: 'options',
		options: [
			{ name: 'Treat as Updated', value: 'updated' },
			{ name: 'Ignore', value: 'ignore', description: 'Records with an unknown or missing event type are dropped' },
		],
		default: 'updated',
	},
	{
		displayName: 'Event ID Field',
		name: 'eventIdField',
		type: 'string',
		default: 'event_id',
		description: 'Field in the body with the event ID, used to drop redeliveries. Only the signed body counts: an event ID header is not covered by the signature, so it is never used.',
	},
	{
		displayName: 'Duplicate Window (Seconds)',
		name: 'dedupeWindowSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 3600,
		description: 'A delivery with an event ID received within this window (or, without an event ID, the same signed bytes) is answered but not run again; 0 turns this off',
	},
	{
		displayName: 'Respond',
		name: 'responseMode',
		type: 'options',
		options: [
			{ name: 'Immediately (202 Accepted)', value: 'onReceived' },
			{ name: 'When the Workflow Has Finished', value: 'lastNode', description: 'With the last node\'s first item' },
		],
		default: 'onReceived',
	},
];

/** Settings with a working default: in the Options collection from version 2 on. */
export const WEBHOOK_OPTIONAL = [
	'signatureHeader',
	'signaturePrefix',
	'timestampHeader',
	'toleranceSeconds',
	'authHeader',
	'authScheme',
	'keysPath',
	'fullRecordFields',
	'eventTypeField',
	'eventTypeHeader',
	'eventNames',
	'unknownEventType',
	'eventIdField',
	'dedupeWindowSeconds',
] as const;

export const webhookTriggerProperties = withOptionsCollection(webhookTriggerFields, WEBHOOK_OPTIONAL);
