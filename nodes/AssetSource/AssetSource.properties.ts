/** What the user sets on the Asset Source node. */
import type { INodeProperties } from 'n8n-workflow';
import { assetListProperties, assetPaginationProperties } from '../shared/assetSourceProperties';

const GROUP_OPERATIONS = ['readGroup', 'readGroupsOfRecords'];

export const assetSourceProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Read All Records',
				value: 'readAll',
				action: 'Read all records',
				description: 'Read every record of the list, all pages (once, however many items come in)',
			},
			{
				name: 'Read One Group',
				value: 'readGroup',
				action: 'Read all records of one group',
				description: 'Read every record of a group, e.g. all chargers of a site (site_id=X), for each distinct group the items name',
			},
			{
				name: 'Read Whole Groups of Records',
				value: 'readGroupsOfRecords',
				action: 'Read the whole groups of these records',
				description: 'For records named by ID (e.g. from webhook events): find each one\'s group and read every distinct group once',
			},
		],
		default: 'readAll',
	},
	...assetListProperties,
	{
		displayName: 'Record ID',
		name: 'assetId',
		type: 'string',
		default: '={{ $json.assetId }}',
		required: true,
		description: 'The ID of the record named by each item (the webhook trigger gives it as assetId)',
		displayOptions: { show: { operation: ['readGroupsOfRecords'] } },
	},
	{
		displayName: 'Group',
		name: 'groupValue',
		type: 'string',
		default: '={{ $json.site_id }}',
		description:
			'The group of each item, e.g. its site ID. For Read Whole Groups of Records it may be empty (e.g. an event that carried only changed fields): the record is then fetched to learn its group.',
		displayOptions: { show: { operation: GROUP_OPERATIONS } },
	},
	{
		displayName: 'Group Field',
		name: 'groupField',
		type: 'string',
		default: 'site_id',
		required: true,
		placeholder: 'e.g. site_id',
		description: 'Field of a record saying which group it belongs to (dots for nested fields). Records of a group read that name another group are left out.',
		displayOptions: { show: { operation: GROUP_OPERATIONS } },
	},
	{
		displayName: 'Group Filter Parameter',
		name: 'groupParam',
		type: 'string',
		default: 'site_id',
		required: true,
		description: 'Query parameter the list endpoint filters a group by, e.g. site_id for /api/chargers?site_id=X',
		displayOptions: { show: { operation: GROUP_OPERATIONS } },
	},
	{
		displayName: 'Record Path',
		name: 'recordPath',
		type: 'string',
		default: '/api/chargers/{id}',
		required: true,
		description: 'Path of one record, {ID} standing for its ID (encoded); used only for items that carry no group',
		displayOptions: { show: { operation: ['readGroupsOfRecords'] } },
	},
	...assetPaginationProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: ['readAll'] } },
		options: [
			{
				displayName: 'Only the Values of Field',
				name: 'valuesOf',
				type: 'string',
				default: '',
				placeholder: 'e.g. site_id',
				description:
					'Output ONE item instead of one per record: {field, values: [the field of every record, in read order], missing: records without it, _read}. For long lists that a workflow only batches or joins by one field (60,000 site IDs are one item, not 60,000). Dots for nested fields.',
			},
		],
	},
];
