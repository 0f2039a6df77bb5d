/** The fields every asset-source read shows (the polling trigger and the Asset Source node): where the list is and how it pages. */
import type { INodeProperties } from 'n8n-workflow';

const forPagination = (...kinds: string[]) => ({ show: { pagination: kinds } });

export const assetListProperties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '/api/chargers',
		required: true,
		description: 'Path of the list endpoint, appended to the credential\'s Base URL',
	},
	{
		displayName: 'Query Parameters',
		name: 'queryParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Query Parameter',
		description: 'Sent with every request, e.g. sort=updated_at or paginate=cursor',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Records Path',
		name: 'recordsPath',
		type: 'string',
		default: 'data',
		description: 'Where the list of records is in the response body, dots for nested fields; empty when the body itself is the list',
	},
];

export const assetPaginationProperties: INodeProperties[] = [
	{
		displayName: 'Pagination',
		name: 'pagination',
		type: 'options',
		options: [
			{ name: 'Cursor', value: 'cursor', description: 'A cursor from the body is sent back until it is empty' },
			{ name: 'Link Header', value: 'linkHeader', description: 'Follow the Link header\'s rel="next"' },
			{ name: 'Next URL in Body', value: 'nextUrlInBody', description: 'Follow a URL given in the body until it is empty' },
			{ name: 'None', value: 'none', description: 'One request returns everything' },
			{ name: 'Offset and Limit', value: 'offsetLimit', description: 'Requests offset=0, then the next offset, … until a short or empty page' },
			{ name: 'Page Number', value: 'pageNumber', description: 'Requests page=1, 2, … until a short or empty page' },
		],
		default: 'none',
	},
	{
		displayName: 'Page Parameter',
		name: 'pageParam',
		type: 'string',
		default: 'page',
		displayOptions: forPagination('pageNumber'),
	},
	{
		displayName: 'First Page',
		name: 'firstPage',
		type: 'number',
		default: 1,
		displayOptions: forPagination('pageNumber'),
	},
	{
		displayName: 'Offset Parameter',
		name: 'offsetParam',
		type: 'string',
		default: 'offset',
		displayOptions: forPagination('offsetLimit'),
	},
	{
		displayName: 'Page Size Parameter',
		name: 'sizeParam',
		type: 'string',
		default: 'per_page',
		description: 'Query parameter for the number of records per page; for cursors leave empty to send none',
		displayOptions: forPagination('pageNumber', 'offsetLimit', 'cursor'),
	},
	{
		displayName: 'Page Size',
		name: 'pageSize',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		displayOptions: forPagination('pageNumber', 'offsetLimit', 'cursor'),
	},
	{
		displayName: 'Cursor Path',
		name: 'cursorPath',
		type: 'string',
		default: 'next_cursor',
		description: 'Where the next cursor is in the response body',
		displayOptions: forPagination('cursor'),
	},
	{
		displayName: 'Cursor Parameter',
		name: 'cursorParam',
		type: 'string',
		default: 'cursor',
		description: 'Query parameter the cursor is sent back in',
		displayOptions: forPagination('cursor'),
	},
	{
		displayName: 'Link Relation',
		name: 'linkRel',
		type: 'string',
		default: 'next',
		displayOptions: forPagination('linkHeader'),
	},
	{
		displayName: 'Next URL Path',
		name: 'nextUrlPath',
		type: 'string',
		default: 'next',
		description: 'Where the next page\'s URL is in the response body',
		displayOptions: forPagination('nextUrlInBody'),
	},
	{
		displayName: 'Max Pages',
		name: 'maxPages',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 100,
		description: 'Stops a read after this many pages. A read that stops early is incomplete: a poll then reports no removals and continues next time; the Asset Source node marks its records incomplete.',
		displayOptions: { hide: { pagination: ['none'] } },
	},
];
