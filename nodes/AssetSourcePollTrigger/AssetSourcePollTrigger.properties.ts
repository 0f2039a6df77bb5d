/** What the user sets on the Asset Source Polling Trigger. */
import type { INodeProperties } from 'n8n-workflow';
import { assetListProperties, assetPaginationProperties } from '../shared/assetSourceProperties';
import { withOptionsCollection } from '../shared/optionsCollection';

/** Every field, as version 1 shows them (all at top level). */
export const pollTriggerFields: INodeProperties[] = [
	...assetListProperties,
	{
		displayName: 'ID Field',
		name: 'idField',
		type: 'string',
		default: 'id',
		required: true,
		placeholder: 'e.g. charger_id',
		description: 'Field holding each record\'s unique ID',
	},
	{
		displayName: 'Updated-At Field',
		name: 'updatedAtField',
		type: 'string',
		default: 'updated_at',
		description: 'Field holding when the record last changed (ISO 8601 or Unix time); needed for incremental change detection',
	},
	{
		displayName: 'Created-At Field',
		name: 'createdAtField',
		type: 'string',
		default: 'created_at',
		description: 'Incremental only: a record created since the last poll is emitted as "created", any other as "updated". Leave empty to emit every change as "updated".',
		displayOptions: { show: { changeDetection: ['incremental'] } },
	},
	...assetPaginationProperties,
	{
		displayName: 'Change Detection',
		name: 'changeDetection',
		type: 'options',
		options: [
			{
				name: 'Incremental (Updated Since)',
				value: 'incremental',
				description: 'Ask only for records changed since the last poll; cannot see deletions',
			},
			{
				name: 'Snapshot Diff',
				value: 'snapshot',
				description: 'Pull everything and compare with the last poll: created, updated and removed records',
			},
		],
		default: 'incremental',
	},
	{
		displayName: 'Updated-Since Parameter',
		name: 'updatedSinceParam',
		type: 'string',
		default: 'updated_since',
		description: 'Query parameter the API filters by (inclusive, ISO 8601)',
		displayOptions: { show: { changeDetection: ['incremental'] } },
	},
	{
		displayName: 'Overlap (Seconds)',
		name: 'overlapSeconds',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 60,
		description: 'Each poll also asks for this many seconds before the newest change already emitted, so late writes are not missed; records already emitted are not emitted again',
		displayOptions: { show: { changeDetection: ['incremental'] } },
	},
	{
		displayName: 'Results Sorted by Updated-At',
		name: 'sortedByUpdatedAt',
		type: 'boolean',
		default: false,
		description: 'Whether the API returns the oldest change first (e.g. sort=updated_at in Query Parameters)',
		hint: 'Then a poll stopped by Max Pages continues where it stopped; otherwise it asks again from the same point and emits nothing twice',
		displayOptions: { show: { changeDetection: ['incremental'] } },
	},
	{
		displayName: 'Emit Whole Group on Change',
		name: 'emitWholeGroup',
		type: 'boolean',
		default: false,
		description: 'Whether to emit every record of a group (e.g. every charger of a site) when one of them changes',
		hint: 'Turn on before the OCPI Mapper, which builds a Location from all chargers of a site. Records that did not change come as "unchanged".',
		displayOptions: { show: { changeDetection: ['snapshot'] } },
	},
	{
		displayName: 'Group By Field',
		name: 'groupByField',
		type: 'string',
		default: 'site_id',
		required: true,
		placeholder: 'e.g. site_id',
		description: 'Field saying which group each record belongs to, e.g. the site of a charger (dots for nested fields). Records without it are emitted on their own.',
		displayOptions: { show: { changeDetection: ['snapshot'], emitWholeGroup: [true] } },
	},
	{
		displayName: 'Redeliver Unconfirmed After (Minutes)',
		name: 'redeliverAfterMinutes',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 10,
		description: 'A change whose run never reported back (n8n stopped or killed) is emitted again after this many minutes; a failed run\'s changes are emitted again by the next poll',
		hint: 'Longer than your longest run: a change still running when it expires is sent twice (the CPMS Push writes only what differs)',
	},
	{
		displayName: 'First Run',
		name: 'firstRun',
		type: 'options',
		options: [
			{ name: 'Emit All Records', value: 'emitAll', description: 'Every existing record is emitted as "created"' },
			{ name: 'Baseline Only', value: 'baseline', description: 'Existing records are only remembered; later changes are emitted' },
		],
		default: 'emitAll',
		description: 'What the first poll after activation does',
	},
];

/** Settings with a working default: in the Options collection from version 2 on. */
export const POLL_OPTIONAL = [
	'queryParameters',
	'updatedAtField',
	'createdAtField',
	'updatedSinceParam',
	'overlapSeconds',
	'sortedByUpdatedAt',
	'emitWholeGroup',
	'groupByField',
	'redeliverAfterMinutes',
	'firstRun',
	'pageParam',
	'firstPage',
	'offsetParam',
	'sizeParam',
	'pageSize',
	'cursorPath',
	'cursorParam',
	'linkRel',
	'nextUrlPath',
	'maxPages',
] as const;

export const pollTriggerProperties = withOptionsCollection(pollTriggerFields, POLL_OPTIONAL);
