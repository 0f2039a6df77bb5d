import type { IAuthenticateGeneric, ICredentialType, INodeProperties } from 'n8n-workflow';

/**
 * How this package reaches a CPMS's OCPI interface: its versions URL (or one version's details URL), the token the CPMS gave us
 * (Token C after the handshake) and the parties for the OCPI-from/to routing headers.
 */
export class OcpiCpmsApi implements ICredentialType {
	name = 'ocpiCpmsApi';

	displayName = 'OCPI CPMS API';

	icon = { light: 'file:../nodes/OcpiPush/ocpiPush.svg', dark: 'file:../nodes/OcpiPush/ocpiPush.dark.svg' } as const;

	documentationUrl = 'https://github.com/ocpi-asset-connector/n8n-nodes-ocpi-asset-connector#cpms-ocpi-push';

	properties: INodeProperties[] = [
		{
			displayName: 'Versions URL or Version Details URL',
			name: 'versionsUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://cpms.example.com/ocpi/versions',
			description:
				'The CPMS\'s OCPI versions URL (e.g. …/ocpi/versions), or the details URL of one version (e.g. …/ocpi/2.2.1) if that is what the CPMS gave you. Every other URL is discovered from it; a details URL saves one request per run and fixes the version to that one.',
		},
		{
			displayName: 'Token',
			name: 'token',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'The token the CPMS accepts from us: Token C, which Register (Token A → C) shows once; empty until then',
		},
		{
			displayName: 'Registration Token A',
			name: 'registrationTokenA',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for Register (Token A → C): the token the CPMS gave you out of band (CREDENTIALS_TOKEN_A). Void after the handshake: clear it then.',
		},
		{
			displayName: 'Our Token B',
			name: 'ourTokenB',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for Register (Token A → C): the token the CPMS will use when it calls us; a long random value you keep',
		},
		{
			displayName: 'Token Encoding',
			// Not "tokenEncoding": n8n's scanner takes every field whose name holds "token" for a secret.
			name: 'headerEncoding',
			type: 'options',
			options: [
				{ name: 'Base64 (OCPI 2.2.1)', value: 'base64', description: 'Authorization: Token <base64 of the token>, as OCPI 2.2.1 requires' },
				{ name: 'Plain (OCPI 2.1.1 and Receivers That Expect It)', value: 'plain', description: 'Authorization: Token <token> as given' },
			],
			default: 'base64',
			description: 'How the token is written in the Authorization header of OCPI 2.2.1 requests (2.1.1 requests always send it plain)',
		},
		{
			displayName: 'OCPI Version',
			name: 'ocpiVersion',
			type: 'options',
			options: [
				{ name: 'Highest Common', value: '', description: 'The highest version both sides speak (2.3.0, then 2.2.1, then 2.1.1)' },
				{ name: '2.3.0', value: '2.3.0' },
				{ name: '2.2.1', value: '2.2.1', description: '2.3.0 Locations are converted down, with a report of what was lost' },
				{ name: '2.1.1', value: '2.1.1' },
			],
			default: '',
			description: 'Pin the OCPI version to speak with this CPMS; a CPMS that does not offer it fails the connection',
		},
		{
			displayName: 'Our Country Code',
			name: 'countryCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. DE',
			description: 'Our party\'s ISO 3166-1 alpha-2 country code (OCPI-from-country-code)',
		},
		{
			displayName: 'Our Party ID',
			name: 'partyId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ACM',
			description: 'Our three-character party ID (OCPI-from-party-id)',
		},
		{
			displayName: 'Receiving Party Country Code',
			name: 'toCountryCode',
			type: 'string',
			default: '',
			description: 'Country code of the CPMS party (OCPI-to-country-code); leave empty to send no OCPI-to headers',
		},
		{
			displayName: 'Receiving Party ID',
			name: 'toPartyId',
			type: 'string',
			default: '',
			description: 'Party ID of the CPMS party (OCPI-to-party-id); leave empty to send no OCPI-to headers',
		},
	];

	// No `test` request here: n8n would prefer it to the node's test (OcpiPush methods.credentialTest), which
	// runs discovery with the token; a GET of the versions URL alone passes with a wrong token on many CPMSs.

	// The nodes build this header themselves (through the OCPI client, which also redacts the token);
	// it is declared here so other HTTP nodes (HTTP Request with a predefined credential) can use it too.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization:
					'={{ $credentials.headerEncoding === "base64" ? "Token " + $credentials.token.base64Encode() : "Token " + $credentials.token }}',
			},
		},
	};
}
