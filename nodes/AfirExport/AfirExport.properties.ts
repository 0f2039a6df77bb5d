/** What the user sets on the AFIR Export node. */
import type { INodeProperties } from 'n8n-workflow';

const forDatex = { show: { format: ['datex'] } };

export const afirExportProperties: INodeProperties[] = [
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'France: IRVE Statique (CSV)', value: 'irve', description: 'The consolidated IRVE file (schema-irve 2.3.x) for data.gouv.fr and QualiCharge' },
			{ name: 'Germany: DATEX II AFIR (JSON)', value: 'datex', description: 'The static EnergyInfrastructureTablePublication of the Mobilithek AFIR recharging profile 01-00-00' },
		],
		default: 'irve',
		description: 'The national access point format to write',
	},
	{
		displayName: 'Publisher ID',
		name: 'publisherId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. DE-NAP-AmpereLaden',
		description: 'Your national identifier as publication creator, as registered with the national access point',
		displayOptions: forDatex,
	},
	{
		displayName: 'Reference Data',
		name: 'referenceData',
		type: 'json',
		default: '{\n  "*": {}\n}',
		description:
			'Data OCPI does not carry, by Location ID, with "*" for values that hold for every Location (e.g. {"*": {"siren_amenageur": "…"}, "PAR-0001": {"code_insee_commune": "75101"}}). A Location item\'s own _afir object wins over its row.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Countries',
				name: 'countries',
				type: 'string',
				default: '',
				placeholder: 'e.g. FR, GP, MQ',
				description: 'ISO alpha-2 countries whose Locations go into the file, comma-separated. Default: FR for IRVE, DE for DATEX II. Other Locations are skipped and listed.',
			},
			{
				displayName: 'File Name',
				name: 'fileName',
				type: 'string',
				default: '',
				placeholder: 'e.g. irve-statique.csv',
				description: 'Name of the file. Leave empty for irve-statique.csv (IRVE) or afir-datex-table with the JSON extension (DATEX II).',
			},
			{
				displayName: 'Information Status',
				name: 'informationStatus',
				type: 'options',
				options: [
					{ name: 'Real', value: 'real' },
					{ name: 'Test', value: 'test' },
				],
				default: 'real',
				description: 'Whether the publication is real data or a test (DATEX II only)',
			},
			{
				displayName: 'Language',
				name: 'language',
				type: 'string',
				default: 'de',
				description: 'ISO 639-1 language of the texts (DATEX II only)',
			},
			{
				displayName: 'Location Field',
				name: 'locationField',
				type: 'string',
				default: '',
				placeholder: 'e.g. location',
				description: 'Name of the field that holds the OCPI Location, dots for nested fields. Leave empty when the whole item is the Location.',
			},
			{
				displayName: 'Output Binary Field',
				name: 'binaryPropertyName',
				type: 'string',
				default: 'data',
				description: 'Name of the binary field the file is put in',
			},
			{
				displayName: 'Previous Publication',
				name: 'previousPublication',
				type: 'json',
				default: '',
				description:
					'The last DATEX II publication sent (its JSON), e.g. from a file read before this node. Unchanged objects keep their versionG, changed ones get the next; sites that cannot be published now keep their previous state (DATEX II only).',
			},
			{
				displayName: 'Service Type',
				name: 'serviceType',
				type: 'options',
				options: [
					{ name: 'Unattended', value: 'unattended' },
					{ name: 'Physical Attendance', value: 'physicalAttendance' },
				],
				default: 'unattended',
				description: 'Whether staff attend the stations (DATEX II only)',
			},
			{
				displayName: 'Sites Not in Input',
				name: 'sitesNotInInput',
				type: 'options',
				options: [
					{ name: 'Keep From Previous Publication', value: 'keep', description: 'A site missing from this run stays published as before (safe when the input may be incomplete)' },
					{ name: 'Remove', value: 'drop', description: 'Only when the input is the complete network' },
				],
				default: 'keep',
				description: 'What happens to sites of the previous publication that this run did not receive (DATEX II only)',
			},
			{
				displayName: 'Table Name',
				name: 'tableName',
				type: 'string',
				default: '',
				description: 'Name of the energy infrastructure table (DATEX II only)',
			},
		],
	},
];
