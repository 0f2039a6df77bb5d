/** What the user sets on the OCPI Validator. */
import type { INodeProperties } from 'n8n-workflow';
import { objectKindParameter, ocpiVersionParameter } from '../shared/ocpiParameters';

export const validatorProperties: INodeProperties[] = [
	objectKindParameter,
	ocpiVersionParameter,
	{
		displayName: 'Rule Profile',
		name: 'ruleProfile',
		type: 'options',
		options: [
			{
				name: 'OCPI Specification',
				value: 'spec',
				description: 'Exactly what the OCPI specification requires',
			},
			{
				name: 'Roaming Hub (Strict)',
				value: 'strict',
				description:
					'Also requires an eMI3 evse_id, max_electric_power, operator, postal_code and opening_times, as roaming hubs do',
			},
			{
				name: 'Netherlands National Access Point',
				value: 'nl-nap',
				description: 'Also requires opening_times, energy_mix, parking_restrictions, max_electric_power and tariff_ids, as the Dutch NAP (DOT-NL) does',
			},
			{
				name: 'AFIR Static Data',
				value: 'afir',
				description: 'Also requires the static data AFIR asks of public charge points (operator, helpdesk phone, opening hours, EVSE ID, power, parking places, accepted eMSPs …)',
			},
		],
		default: 'spec',
		description: 'How demanding the checks are',
	},
	{
		displayName: 'Object Field',
		name: 'objectField',
		type: 'string',
		default: '',
		placeholder: 'e.g. location',
		description:
			'Name of the field that holds the OCPI object, dots for nested fields. Leave empty when the whole item is the object.',
	},
	{
		displayName: 'Enrichment',
		name: 'enrichment',
		type: 'collection',
		placeholder: 'Add Enrichment',
		default: {},
		description: 'Fixes applied before checking; every change made is listed in the output',
		options: [
			{
				displayName: 'Coordinates to OCPI Format',
				name: 'coordinates',
				type: 'boolean',
				default: true,
				description: 'Whether to turn coordinates given as numbers or with comma decimals into OCPI strings such as "52.370216"',
			},
			{
				displayName: 'Country to ISO Alpha-3',
				name: 'countryCodes',
				type: 'boolean',
				default: true,
				description: 'Whether to turn a country name ("Germany", "Nederland") or alpha-2 code ("DE") into the alpha-3 code OCPI wants ("DEU")',
			},
			{
				displayName: 'Defaults',
				name: 'defaults',
				type: 'boolean',
				default: true,
				description: 'Whether to fill publish and charging_when_closed with true and last_updated with the current time (UTC) where missing',
			},
			{
				displayName: 'EVSE ID Normalisation',
				name: 'evseId',
				type: 'options',
				options: [
					{ name: 'Off', value: 'off', description: 'Leave evse_id as it is' },
					{
						name: 'Strict',
						value: 'strict',
						description: 'Upper-case and turn "-" or space separators into "*" (de-abc-e123 → DE*ABC*E123)',
					},
					{
						name: 'Lenient',
						value: 'lenient',
						description: 'Also add separators to compact IDs and drop stray characters (DEABCE123 → DE*ABC*E123)',
					},
				],
				default: 'strict',
				description: 'How to bring evse_id into the eMI3 format; an ID that still does not fit is left unchanged and reported',
			},
			{
				displayName: 'Reference Data (JSON)',
				name: 'referenceData',
				type: 'json',
				default: '',
				description:
					'Fields to merge into matching objects, as an object keyed by the key field value or a list of rows that carry it, e.g. {"LOC-1": {"operator": {"name": "Acme"}}}',
			},
			{
				displayName: 'Reference Data Key Field',
				name: 'referenceKeyField',
				type: 'string',
				default: 'id',
				description: 'Field of the OCPI object whose value selects the reference data row, e.g. ID for a Location',
			},
			{
				displayName: 'Reference Data Overwrites',
				name: 'referenceOverwrite',
				type: 'boolean',
				default: false,
				description: 'Whether reference data replaces values the object already has (otherwise it only fills gaps)',
			},
			{
				displayName: 'Time Zone From Coordinates',
				name: 'timeZone',
				type: 'boolean',
				default: true,
				description: 'Whether to fill a missing time_zone with the IANA name for the coordinates (e.g. Europe/Berlin)',
			},
		],
	},
];
