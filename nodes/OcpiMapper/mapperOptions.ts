/**
 * The Mapper's Options collection. Version 1 keeps its own (profile name, version and power unit are top-level
 * parameters there); version 2 gathers every optional setting here, with the coverage preview.
 */
import type { INodeProperties } from 'n8n-workflow';
import { DEFAULT_CONNECTOR_ID } from '../../core/mapping';

const optionsV1: INodeProperties = {
	displayName: 'Options',
	displayOptions: { show: { '@version': [1] } },
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Auto-Map Common Names',
			name: 'autoMap',
			type: 'boolean',
			default: true,
			displayOptions: { show: { '/mode': ['editor'] } },
			description: 'Whether to fill fields without a mapping from common source names (site_name, street, zip, plug, kw, lat, lon …)',
		},
		{
			displayName: 'Decimal Separator',
			name: 'decimalSeparator',
			type: 'options',
			options: [
				{ name: 'Guess', value: '', description: 'Tell from the text; "22.000" is read as 22000 and noted' },
				{ name: 'Comma (22,5)', value: ',' },
				{ name: 'Point (22.5)', value: '.' },
			],
			default: '',
			displayOptions: { show: { '/mode': ['editor'] } },
			description: 'How numbers in the source write decimals',
		},
		{
			displayName: 'Input Is a Complete Read',
			name: 'inputIsComplete',
			type: 'boolean',
			default: false,
			description:
				'Whether the input holds every record of every site it names (e.g. a full CSV export). Only a complete Location lets the Push mark EVSEs missing from it REMOVED; without this, each record must carry a complete-read mark (_read) from the Asset Source nodes.',
		},
		{
			displayName: 'Output Profile Instead',
			name: 'outputProfile',
			type: 'boolean',
			default: false,
			description:
				'Whether to output the effective mapping profile (with auto-mapped sources written in) as one item on Locations instead of mapping, to copy into Import Profile mode or version control',
		},
		{
			displayName: 'Records Field',
			name: 'recordsPath',
			type: 'string',
			default: '',
			placeholder: 'e.g. items or data.records',
			displayOptions: { show: { '/mode': ['editor'] } },
			description: 'A list inside each item that holds the records (an export or an API page), so no Split Out node is needed. Empty: each item is one record.',
		},
	],
};

const inEditor = { show: { '/mode': ['editor'] } };

export const powerUnitSetting: INodeProperties = {
	displayName: 'Power Unit',
	name: 'powerUnit',
	type: 'options',
	options: [
		{ name: 'kW', value: 'kW' },
		{ name: 'MW', value: 'MW' },
		{ name: 'W', value: 'W' },
	],
	default: 'kW',
	description: 'Unit of power values written without one (22 means 22 kW); values like "22 kW" carry their own',
};

export const profileVersionSetting: INodeProperties = {
	displayName: 'Profile Version',
	name: 'profileVersion',
	type: 'string',
	default: '1.0.0',
	description: 'Written into every Location as _mapping.version; raise it when you change the mapping',
};

export const profileNameSetting: INodeProperties = {
	displayName: 'Profile Name',
	name: 'profileName',
	type: 'string',
	default: 'asset-mapping',
	description: 'Written into every Location as _mapping.profile',
};

/** Settings that are top-level parameters in version 1. */
const movedIntoOptions: INodeProperties[] = [
	{ ...profileNameSetting, displayOptions: inEditor },
	{ ...profileVersionSetting, displayOptions: inEditor },
	{ ...powerUnitSetting, displayOptions: inEditor },
	{
		displayName: 'Connector ID Template',
		name: 'connectorIdTemplate',
		type: 'string',
		default: DEFAULT_CONNECTOR_ID,
		displayOptions: inEditor,
		description: 'How connector IDs are written: {connector} is the connector key; {bay}, {chargePoint}, {location} may be added',
	},
	{
		displayName: 'Output Coverage Preview Instead',
		name: 'coveragePreview',
		type: 'boolean',
		default: false,
		description:
			'Whether to output, instead of Locations, one item per OCPI field saying where its value comes from on the first records (mapped, auto-mapped, default, preset or none)',
	},
];

const optionsV2: INodeProperties = {
	...optionsV1,
	displayOptions: { show: { '@version': [2] } },
	options: [...movedIntoOptions, ...(optionsV1.options as INodeProperties[])].sort((a, b) => a.displayName.localeCompare(b.displayName)),
};

export const mapperOptions: INodeProperties[] = [optionsV1, optionsV2];
