/** Our Credentials object in the shape of the version the CPMS and we share (2.2.1 roles, 2.1.1 flat). */
import type { OcpiVersion } from '../ocpi/version';
import type { OurCredentials } from './credentialsHandshake';
import type { Party } from './types';

export interface OurCredentialsInput {
	/** Token B: what the CPMS will use to call us. */
	tokenB: string;
	ourVersionsUrl: string;
	businessName: string;
}

export function ourCredentialsFor(version: OcpiVersion, party: Party, input: OurCredentialsInput): OurCredentials {
	const business_details = { name: input.businessName };
	if (version === '2.1.1') return { token: input.tokenB, url: input.ourVersionsUrl, business_details, ...party };
	return { token: input.tokenB, url: input.ourVersionsUrl, roles: [{ role: 'CPO', business_details, ...party }] };
}
