/** What the user sets on the OCPI Mapper: either the whole profile as JSON, or the same settings field by field. */
import type { INodeProperties } from 'n8n-workflow';
import { ocpiVersionParameter } from '../shared/ocpiParameters';
import { SUGGESTED_EVSE_UID } from '../../core/mapping';
import { targetFieldOptions, transformOptions } from './mapperFieldOptions';
import { mapperOptions, powerUnitSetting, profileNameSetting, profileVersionSetting } from './mapperOptions';

const inEditor = { show: { mode: ['editor'] } };
/** Version 1 keeps its layout (profile name, version and power unit at the top); version 2 has them in Options. */
const inEditorV1 = { show: { mode: ['editor'], '@version': [1] } };

export const mapperProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Configure in Editor', value: 'editor', description: 'Set keys, fields and value maps here' },
			{
				name: 'Import Profile (JSON)',
				value: 'profile',
				description: 'Use a mapping profile exported earlier, kept and reviewed like code',
			},
		],
		default: 'editor',
	},
	{
		displayName: 'Mapping Profile (JSON)',
		name: 'profileJson',
		type: 'json',
		default: '',
		required: true,
		displayOptions: { show: { mode: ['profile'] } },
		description: 'A profile with format, name, version, shape, keys, fields and value maps; see the README for the format',
	},
	{ ...profileNameSetting, displayOptions: inEditorV1 },

	{ ...profileVersionSetting, displayOptions: inEditorV1 },

	{
		displayName: 'Input Shape',
		name: 'shape',
		type: 'options',
		options: [
			{ name: 'One Item per Charge Point', value: 'chargePoints', description: 'Each item is a charge point with a list of connectors' },
			{ name: 'One Item per Connector (Flat Rows)', value: 'rows', description: 'Each item is one connector; rows are grouped by the key fields' },
			{ name: 'One Item per Site', value: 'sites', description: 'Each item is a site with charge points, each with connectors' },
		],
		default: 'rows',
		displayOptions: inEditor,
	},
	{
		displayName: 'Location Key Field',
		name: 'locationKey',
		type: 'string',
		default: 'site_id',
		required: true,
		displayOptions: inEditor,
		description: 'Field holding the site ID; becomes the Location ID. Dots for nested fields (siteRef.code); or drag the field here from the input.',
	},
	{
		displayName: 'Charge Point Key Field',
		name: 'chargePointKey',
		type: 'string',
		default: 'charger_id',
		required: true,
		displayOptions: inEditor,
		description: 'Field holding the charge point ID; the EVSE uid is built from it. Drag it here from the input, or type its name.',
	},
	{
		displayName: 'Connector Key Field',
		name: 'connectorKey',
		type: 'string',
		default: 'no',
		required: true,
		displayOptions: inEditor,
		description: 'Field holding the connector or outlet number within its charge point; the connector ID is built from it',
	},
	{ ...ocpiVersionParameter, displayOptions: inEditor },
	{
		displayName: 'Party Country Code',
		name: 'partyCountryCode',
		type: 'string',
		default: '',
		placeholder: 'e.g. DE',
		displayOptions: { show: { mode: ['editor'], ocpiVersion: ['2.3.0', '2.2.1'] } },
		description: 'Country code of your OCPI party (CPO), as in your OCPI credentials',
	},
	{
		displayName: 'Party ID',
		name: 'partyId',
		type: 'string',
		default: '',
		placeholder: 'e.g. ABC',
		displayOptions: { show: { mode: ['editor'], ocpiVersion: ['2.3.0', '2.2.1'] } },
		description: 'Three-character party ID of your OCPI party (CPO)',
	},
	{
		displayName: 'Charge Points Field',
		name: 'chargePointsPath',
		type: 'string',
		default: 'chargePoints',
		displayOptions: { show: { mode: ['editor'], shape: ['sites'] } },
		description: 'Field of a site that holds its list of charge points',
	},
	{
		displayName: 'Connectors Field',
		name: 'connectorsPath',
		type: 'string',
		default: 'connectors',
		displayOptions: { show: { mode: ['editor'], shape: ['chargePoints', 'sites'] } },
		description: 'Field of a charge point that holds its list of connectors or outlets',
	},
	{
		displayName: 'EVSE Granularity',
		name: 'evseGranularity',
		type: 'options',
		options: [
			{ name: 'One EVSE per Charge Point', value: 'chargePoint', description: 'All connectors of a charge point form one EVSE' },
			{
				name: 'One EVSE per Outlet',
				value: 'outlet',
				description: 'A dual-socket charger is two EVSEs; outlets sharing a bay (CCS + CHAdeMO) stay one EVSE',
			},
		],
		default: 'chargePoint',
		displayOptions: inEditor,
	},
	{
		displayName: 'Bay Field',
		name: 'evseGroupKey',
		type: 'string',
		default: '',
		placeholder: 'e.g. bay',
		displayOptions: { show: { mode: ['editor'], evseGranularity: ['outlet'] } },
		description: 'Field naming the EVSE (bay, side) an outlet belongs to; outlets with the same value charge one at a time and form one EVSE. Read from the outlet, else from its charge point, else from the site. Empty: every outlet is its own EVSE.',
	},
	{
		displayName: 'EVSE UID',
		name: 'evseUid',
		type: 'options',
		options: [
			{
				name: 'Charge Point ID, Bay Added Only When It Has More EVSEs',
				value: SUGGESTED_EVSE_UID,
				description: 'CP-18 for a charger that is one EVSE; CP-17-L and CP-17-R for a twin charger',
			},
			{ name: 'Charge Point ID and Bay, Always', value: '{chargePoint}-{bay}', description: 'CP-18-1, CP-17-L, CP-17-R (the uids of node version 1)' },
			{ name: 'Custom Template', value: 'custom', description: 'Write your own from {chargePoint}, {bay}, {connector} and {location}' },
		],
		default: SUGGESTED_EVSE_UID,
		displayOptions: { show: { mode: ['editor'], evseGranularity: ['outlet'], '@version': [2] } },
		description: 'How EVSE uids are written. {bay} is the bay field, or the connector number when there is none.',
	},
	{
		displayName: 'EVSE UID Template',
		name: 'evseUidTemplate',
		type: 'string',
		default: SUGGESTED_EVSE_UID,
		placeholder: 'e.g. {location}-{chargePoint}[-{bay}]',
		displayOptions: { show: { mode: ['editor'], evseGranularity: ['outlet'], evseUid: ['custom'], '@version': [2] } },
		description: 'Placeholders {chargePoint}, {bay}, {connector}, {location}; a part in [brackets] is written only when the charge point has more than one EVSE',
	},

	{ ...powerUnitSetting, displayOptions: inEditorV1 },

	{
		displayName: 'Field Mappings',
		name: 'fieldMappings',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Field Mapping',
		default: {},
		displayOptions: inEditor,
		description: 'Where each OCPI field comes from. Fields not listed are auto-mapped from common names (street → address, plug → standard, kw → max_electric_power).',
		options: [
			{
				displayName: 'Mapping',
				name: 'mapping',
				values: [
					{
						displayName: 'OCPI Field',
						name: 'target',
						type: 'options',
						options: targetFieldOptions,
						default: 'location.name',
						description: 'The Location, EVSE or Connector field to fill (each option says what it holds)',
					},
					{
						displayName: 'Source',
						name: 'source',
						type: 'string',
						default: '',
						placeholder: 'e.g. voltsLN | voltsLL | voltsDC',
						description:
							'Field of the record (dots for nested fields); several separated by | to take the first filled one; or an expression, where $outlet, $chargePoint and $site are the levels of this record (the item variable still means the whole item). Empty: only the default is used.',
					},
					{
						displayName: 'Transform',
						name: 'transform',
						type: 'options',
						options: transformOptions,
						default: '',
						description: 'How the source value becomes the OCPI value',
					},
					{
						displayName: 'Default',
						name: 'default',
						type: 'string',
						default: '',
						description: 'Used when the source is empty; goes through the transform too',
					},
				],
			},
		],
	},
	{
		displayName: 'Value Map Additions',
		name: 'valueMapEntries',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Value',
		default: {},
		displayOptions: inEditor,
		description: 'Your own spellings on top of the built-in presets (Typ 2, CCS, in service …); yours win',
		options: [
			{
				displayName: 'Entry',
				name: 'entry',
				values: [
					{
						displayName: 'Map',
						name: 'map',
						type: 'options',
						options: [
							{ name: 'Connector Standard', value: 'connectorStandard', description: 'Plug names → OCPI ConnectorType (optionally with SOCKET or CABLE)' },
							{ name: 'Status', value: 'status', description: 'Status words → OCPI Status' },
						],
						default: 'connectorStandard',
					},
					{
						displayName: 'From',
						name: 'from',
						type: 'string',
						default: '',
						placeholder: 'e.g. Typ 3',
						description: 'The text as it appears in your data (case and spacing do not matter)',
					},
					{
						displayName: 'To',
						name: 'to',
						type: 'string',
						default: '',
						placeholder: 'e.g. IEC_62196_T3C',
						description: 'The OCPI value',
					},
				],
			},
		],
	},
	...mapperOptions,
];
