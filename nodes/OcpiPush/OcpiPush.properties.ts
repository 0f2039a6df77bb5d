/** What the user sets on the CPMS OCPI Push node. */
import type { INodeProperties } from 'n8n-workflow';
import { STATUSES as EVSE_STATUSES } from '../../core/ocpi/v221/enums';

const EVSE_OPERATIONS = ['setEvseStatus', 'removeEvse'];

/** The model's status list in Title Case for the editor ("OUTOFORDER" → "Out of Order"); the value stays OCPI's. */
function statusLabel(status: string): string {
	if (status === 'OUTOFORDER') return 'Out of Order';
	return status.charAt(0) + status.slice(1).toLowerCase();
}

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
				action: 'Get location from CPMS',
			},
			{
				name: 'Read CPMS Locations',
				value: 'readCpmsLocations',
				description:
					'Read every Location the CPMS holds for our party once (its Locations Sender interface, page by page) and output one compact ledger row per Location (key and fingerprint, no bodies), then a read report saying whether the read was complete. Runs once per execution, whatever the input. Feed the rows to Sync Locations (CPMS Read "Sync Ledger").',
				action: 'Read CPMS locations',
			},
			{
				name: 'Register (Token A → C)',
				value: 'register',
				description: 'Credentials handshake: trade Token A for Token C, shown once for you to put into the credential',
				action: 'Register with CPMS',
			},
			{
				name: 'Remove EVSE',
				value: 'removeEvse',
				description: 'Mark an EVSE as REMOVED (OCPI never deletes)',
				action: 'Remove EVSE',
			},
			{
				name: 'Set EVSE Status',
				value: 'setEvseStatus',
				description: 'PATCH the status of one EVSE',
				action: 'Set EVSE status',
			},
			{
				name: 'Sync Locations',
				value: 'syncLocations',
				description: 'Bring the CPMS to the incoming Locations with the fewest PUT and PATCH requests',
				action: 'Sync locations to CPMS',
			},
		],
		default: 'syncLocations',
	},
	{
		displayName: 'CPMS Read',
		name: 'cpmsRead',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'One GET per Location',
				value: 'perObject',
				description: 'Read each Location from the CPMS before planning its writes: one request per Location and run, whatever changed',
			},
			{
				name: 'Bulk Read (Locations Sender)',
				value: 'bulk',
				description:
					'Read every Location the CPMS holds for our party once per run, page by page, from its Locations Sender interface (OCPI 2.2.1, found in its version details). Falls back to one GET per Location, with a notice, when the CPMS offers none. Locations a failed page did not cover are read one by one, never taken as absent.',
			},
			{
				name: 'Sync Ledger',
				value: 'ledger',
				description:
					'Skip the read and any write for Locations whose fingerprint equals their ledger row (Options > Ledger Rows: the stored ledger, or the rows of Read CPMS Locations); the others are read one by one, or created with one PUT when the rows come from a complete CPMS read, and every row is read again after the verify interval',
			},
		],
		default: 'perObject',
		description: 'How the Push learns what the CPMS holds before it plans the writes',
		displayOptions: { show: { operation: ['syncLocations'] } },
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
		// OCPI's values, shown in Title Case as n8n lists options (OUTOFORDER → Out of Order)
		options: EVSE_STATUSES.map((status) => ({ name: statusLabel(status), value: status })),
		default: 'AVAILABLE',
		description: 'The EVSE status to send',
		displayOptions: { show: { operation: ['setEvseStatus'] } },
	},
	{
		displayName: 'Token A and Token B come from the OCPI CPMS API credential. Token C, a secret, is output only when this run is not saved (Workflow settings: do not save manual executions): copy it into the credential\'s Token.',
		name: 'registerNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { operation: ['register'] } },
	},
	{
		displayName: 'Our Versions URL',
		name: 'ourVersionsUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://ocpi.example.com/versions',
		description: 'Our OCPI versions endpoint, sent in our Credentials; the CPMS may call it back with Token B',
		displayOptions: { show: { operation: ['register'] } },
	},
	{
		displayName: 'Business Name',
		name: 'businessName',
		type: 'string',
		required: true,
		default: '',
		description: 'Our business name, sent in our Credentials (business_details.name)',
		displayOptions: { show: { operation: ['register'] } },
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
				displayName: 'Clock Tolerance (Seconds)',
				name: 'clockToleranceSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 5,
				description:
					'How much newer the CPMS must be before data counts as older, and how long before a complete read an EVSE must have last changed to be marked REMOVED: covers clocks of the asset system, n8n and the CPMS that differ by seconds',
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
				displayName: 'CPMS Last Updated',
				name: 'cpmsLastUpdated',
				type: 'options',
				options: [
					{
						name: 'Kept as Sent',
						value: 'kept',
						description: 'The CPMS stores the last_updated we send (the asset system\'s change time)',
					},
					{
						name: 'Replaced by the CPMS',
						value: 'replaced',
						description: 'The CPMS (or a hub) stamps its own entry time: its last_updated cannot tell older from newer, so nothing is skipped as stale',
					},
				],
				default: 'kept',
				description: 'Whether the CPMS keeps the last_updated this node sends',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
			},
			{
				displayName: 'Data Older Than the CPMS',
				name: 'olderThanCpms',
				type: 'options',
				options: [
					{
						name: 'Skip and Report Stale',
						value: 'skipOlder',
						description: 'An object the CPMS holds with a newer last_updated is not overwritten (an event overtaken by a later one)',
					},
					{
						name: 'Overwrite (Asset System Wins)',
						value: 'assetWins',
						description: 'Write the asset data whatever its age, to repair drift on purpose (the full compare)',
					},
				],
				default: 'skipOlder',
				description: 'What happens when the CPMS holds a newer state than the data pushed',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
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
				displayName: 'Ledger Rows',
				name: 'ledgerRows',
				type: 'json',
				default: '[]',
				placeholder: "={{ $('Read sync ledger').all().map(item => item.json) }}",
				description:
					'CPMS Read "Sync Ledger": the ledger as an array of rows (columns location_id, fingerprint, state, reason, last_pushed, last_verified), as n8n\'s Data table node returns them or as Read CPMS Locations outputs them. A Location without a row is read from the CPMS, unless Rows Come From a Complete CPMS Read is on.',
				displayOptions: { show: { '/operation': ['syncLocations'], '/cpmsRead': ['ledger'] } },
			},
			{
				displayName: 'Locations Without Completeness Mark',
				name: 'unmarkedLocations',
				type: 'options',
				options: [
					{
						name: 'Treat as Incomplete (Withhold Removals)',
						value: 'incomplete',
						description: 'A missing EVSE proves nothing: it is left as it is and reported',
					},
					{
						name: 'Treat as Complete (Full Export)',
						value: 'complete',
						description: 'You state that each such Location lists every EVSE of its site, so missing EVSEs are marked REMOVED',
					},
				],
				default: 'incomplete',
				description: 'For Locations that do not come from the OCPI Mapper (no _completeness field): is each one a complete read of its site?',
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
				typeOptions: { minValue: 0.01, numberPrecision: 2 },
				default: 10,
				description: 'Upper bound on requests to the CPMS (roaming hubs commonly allow 10 per second, some 3.3); a fraction spaces requests evenly (3.3 = one every 303 ms)',
			},
			{
				displayName: 'OCPI Version of the Rows',
				name: 'cpmsVersion',
				type: 'string',
				default: '',
				placeholder: "={{ $('Read CPMS Locations').last().json.version }}",
				description:
					'When Ledger Rows come from Read CPMS Locations: the version its report names. The Locations are prepared in it until one needs a read or a write, which discovers the CPMS and checks it. Empty: the version whose ID rule made the rows\' keys (2.2.1 unless a key keeps a lower-case ID: 2.1.1). Either way a batch with nothing to do sends no request at all.',
				displayOptions: { show: { '/operation': ['syncLocations'], '/cpmsRead': ['ledger'] } },
			},
			{
				displayName: 'Output',
				name: 'output',
				type: 'options',
				options: [
					{
						name: 'Every Location',
						value: 'everyLocation',
						description: 'One item per Location with its requests and field changes (large at network scale)',
					},
					{
						name: 'Ledger Rows',
						value: 'ledgerRows',
						description:
							'One compact item per Location: the ledger columns plus ledger_write (insert, update or none: write only rows that are not none), action and request and change counts. Failed Locations are rows with state "failed" when the node continues on error.',
					},
					{
						name: 'Problems and Summary',
						value: 'problemsAndSummary',
						description: 'Only Locations that failed, were withheld or skipped as stale (as ledger rows), then one summary item',
					},
				],
				default: 'everyLocation',
				description: 'What the node outputs for Sync Locations',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
			},
			{
				displayName: 'Removed EVSEs',
				name: 'removedEvses',
				type: 'options',
				options: [
					{
						name: 'Mark REMOVED (Complete Reads Only)',
						value: 'markRemoved',
						description:
							'An EVSE the CPMS has but the Location no longer lists gets status REMOVED, only when the Location was built from a complete read of its site; otherwise it is left as it is and reported under withheld',
					},
					{
						name: 'Ignore',
						value: 'ignore',
						description: 'Leave such EVSEs as they are at the CPMS',
					},
				],
				default: 'markRemoved',
				description: 'What happens to EVSEs missing from an incoming Location. An EVSE the asset data marks REMOVED (e.g. decommissioned) is always sent.',
				displayOptions: { show: { '/operation': ['syncLocations'] } },
			},
			{
				displayName: 'Row Format',
				name: 'rowFormat',
				type: 'options',
				options: [
					{
						name: 'One Item per Location',
						value: 'itemPerLocation',
						description: 'One ledger row item per Location the CPMS holds, then the read report',
					},
					{
						name: 'One Item With All Fingerprints',
						value: 'fingerprints',
						description:
							'One item {fingerprints: {location_id: fingerprint}, last_verified}, then the read report: at 60,000 Locations two items instead of 60,001, so a workflow that joins them stays small in memory and execution data. Each Location\'s row is state in_sync, that fingerprint, verified at last_verified.',
					},
				],
				default: 'itemPerLocation',
				description: 'How Read CPMS Locations outputs the rows',
				displayOptions: { show: { '/operation': ['readCpmsLocations'] } },
			},
			{
				displayName: 'Rows Come From a Complete CPMS Read',
				name: 'ledgerIsCompleteRead',
				type: 'boolean',
				default: false,
				description:
					'Whether Ledger Rows are the rows of a Read CPMS Locations whose report said complete: then a Location without a row is known absent at the CPMS and is created with one PUT, no GET. Set it by an expression from the report\'s "complete" field (the last item of Read CPMS Locations); when off, a Location without a row is read first.',
				displayOptions: { show: { '/operation': ['syncLocations'], '/cpmsRead': ['ledger'] } },
			},
			{
				displayName: 'Stop After Connection Failures',
				name: 'maxConnectionFailures',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 10,
				description: 'After this many connection failures in a row (no answer at all), the remaining requests are not tried and fail at once with "CPMS unreachable", so a run against a dead CPMS ends quickly; the next run tries again',
			},
			{
				displayName: 'Stored Ledger Rows',
				name: 'storedLedgerRows',
				type: 'json',
				default: '[]',
				placeholder: "={{ $('Read sync ledger').all().map(item => item.json) }}",
				description:
					'When Ledger Rows come from Read CPMS Locations: the ledger as stored (the Data table\'s rows). Each output row\'s ledger_write then says whether the stored row must be inserted or updated, and last_pushed carries over. Not set: ledger_write compares with Ledger Rows.',
				displayOptions: { show: { '/operation': ['syncLocations'], '/cpmsRead': ['ledger'] } },
			},
			{
				displayName: 'Timeout (Ms)',
				name: 'timeoutMs',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 30000,
				description: 'How long one request may take before it counts as failed (and may be retried)',
			},
			{
				displayName: 'Verify Against CPMS Every (Days)',
				name: 'verifyEveryDays',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 2 },
				default: 7,
				description:
					'CPMS Read "Sync Ledger": a Location whose ledger row was last read from the CPMS longer ago than this is read again (and repaired if the CPMS changed behind the ledger\'s back); 0 reads every Location on every run',
				displayOptions: { show: { '/operation': ['syncLocations'], '/cpmsRead': ['ledger'] } },
			},
		],
	},
];
