/** What the user sets on the CPMS OCPI Push node. */
import type { INodeProperties } from 'n8n-workflow';

const EVSE_OPERATIONS = ['setEvseStatus', 'removeEvse'];

const EVSE_STATUSES = ['AVAILABLE', 'BLOCKED', 'CHARGING', 'INOPERATIVE', 'OUTOFORDER', 'PLANNED', 'REMOVED', 'RESERVED', 'UNKNOWN'];

export const pushProperties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Get Location',
				value: 'getLocation',
				description: 'Read a Location back as the CPMS stores it',
				action: 'Get a location from the CPMS',
			},
			{
				name: 'Remove EVSE',
				value: 'removeEvse',
				description: 'Mark an EVSE as REMOVED (OCPI never deletes)',
				action: 'Remove an EVSE',
			},
			{
				name: 'Set EVSE Status',
				value: 'setEvseStatus',
				description: 'PATCH the status of one EVSE',
				action: 'Set the status of an EVSE',
			},
			{
				name: 'Sync Locations',
				value: 'syncLocations',
				description: 'Bring the CPMS to the incoming Locations with the fewest PUT and PATCH requests',
				action: 'Sync locations to the CPMS',
			},
		],
		default: 'syncLocations',
	},
	{
		displayName: 'Location ID',
		name: 'locationId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. LOC-1',
		description: 'ID of the Location at the CPMS (our country code and party ID come from the credential)',
		displayOptions: { show: { operation: [...EVSE_OPERATIONS, 'getLocation'] } },
	},
	{
		displayName: 'EVSE UID',
		name: 'evseUid',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. LOC-1-EVSE-1',
		description: 'UID of the EVSE within the Location',
		displayOptions: { show: { operation: EVSE_OPERATIONS } },
	},
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: EVSE_STATUSES.map((status) => ({ name: status, value: status })),
		default: 'AVAILABLE',
		description: 'The EVSE status to send',
		displayOptions: { show: { operation: ['setEvseStatus'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Add Summary Item',
				name: 'addSummaryItem',
				type: 'boolean',
				default: false,
				description: 'Whether to add one last item counting the Locations per action',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
			},
			{
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 4,
				description: 'How many Locations are synced at the same time',
			},
			{
				displayName: 'Dry Run',
				name: 'dryRun',
				type: 'boolean',
				default: false,
				description: 'Whether to only plan: the Locations are read from the CPMS, nothing is written, and each item lists the requests that would be sent',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
			},
			{
				displayName: 'Max Attempts',
				name: 'maxAttempts',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 4,
				description: 'Attempts per request in total, the first included; retries wait with backoff and honour Retry-After',
			},
			{
				displayName: 'Max Requests per Second',
				name: 'maxRequestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description: 'Upper bound on requests to the CPMS (roaming hubs commonly allow 10 per second)',
			},
			{
				displayName: 'Removed EVSEs',
				name: 'removedEvses',
				type: 'options',
				options: [
					{
						name: 'Mark REMOVED',
						value: 'markRemoved',
						description: 'An EVSE the CPMS has but the Location no longer lists gets status REMOVED',
					},
					{
						name: 'Ignore',
						value: 'ignore',
						description: 'Leave such EVSEs as they are at the CPMS',
					},
				],
				default: 'markRemoved',
				description: 'What happens to EVSEs missing from an incoming Location',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeoutMs',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30000,
				description: 'How long one request may take before it counts as failed (and may be retried)',
			},
		],
	},
];
