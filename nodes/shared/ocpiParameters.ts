/** Parameters several nodes share, so the choice reads the same everywhere in the editor. */
import type { INodeProperties } from 'n8n-workflow';

export const ocpiVersionParameter: INodeProperties = {
	displayName: 'OCPI Version',
	name: 'ocpiVersion',
	type: 'options',
	options: [
		{ name: '2.3.0', value: '2.3.0', description: 'Newest OCPI version (edition 2, for AFIR: parking places, help phone, accepted eMSPs)' },
		{ name: '2.2.1', value: '2.2.1', description: 'Current OCPI version (Locations with country_code, party_ID, publish)' },
		{ name: '2.1.1', value: '2.1.1', description: 'Older version still used by many roaming partners' },
	],
	default: '2.2.1',
	description: 'The OCPI version the objects follow',
};

export const objectKindParameter: INodeProperties = {
	displayName: 'Object Type',
	name: 'objectKind',
	type: 'options',
	options: [
		{ name: 'Location', value: 'location', description: 'A site with its EVSEs and connectors' },
		{ name: 'EVSE', value: 'evse', description: 'One EVSE with its connectors' },
		{ name: 'Connector', value: 'connector', description: 'One connector' },
	],
	default: 'location',
	description: 'Which OCPI object each item holds',
};
