/** The OCPI CPMS credential's fields, read and checked once for the node and for its connection test. */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import type { Party, TokenEncoding } from '../../core/client';
import { versionPreference } from '../../core/ocpi/negotiation';
import { isOcpiVersion, type OcpiVersion } from '../../core/ocpi/version';

export interface CpmsCredential {
	/** The versions URL or one version's details URL (the client tells them apart by the answer). */
	versionsUrl: string;
	token: string;
	tokenEncoding: TokenEncoding;
	/** Our party (OCPI-from-*), upper-cased. */
	party: Party;
	/** The CPMS party (OCPI-to-*), when both fields are set. */
	to?: Party;
	/** The versions to try, best first: the pinned one alone, or all (highest common wins). */
	versionPreference: OcpiVersion[];
}

function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** The fields, or the problem a user must fix in the credential. `token` may be given instead (Register: Token A). */
export function readCpmsCredential(data: ICredentialDataDecryptedObject, tokenOverride?: string): CpmsCredential | { problem: string } {
	const versionsUrl = text(data.versionsUrl);
	const token = tokenOverride ?? (typeof data.token === 'string' ? data.token : '');
	if (!versionsUrl || !token) return { problem: 'The OCPI CPMS credential needs a versions URL (or version details URL) and a token (Register: Token A)' };
	const tokenEncoding = (data.headerEncoding ?? 'base64') as TokenEncoding;
	if (tokenEncoding !== 'base64' && tokenEncoding !== 'plain') return { problem: `Unknown token encoding '${String(tokenEncoding)}'` };
	const party = { country_code: text(data.countryCode).toUpperCase(), party_id: text(data.partyId).toUpperCase() };
	if (!party.country_code || !party.party_id) return { problem: 'The OCPI CPMS credential needs our country code and party ID' };
	const toCountry = text(data.toCountryCode).toUpperCase();
	const toParty = text(data.toPartyId).toUpperCase();
	const to = toCountry && toParty ? { country_code: toCountry, party_id: toParty } : undefined;
	const pin = text(data.ocpiVersion);
	if (pin !== '' && !isOcpiVersion(pin)) return { problem: `Unknown OCPI version '${pin}' in the credential` };
	return { versionsUrl, token, tokenEncoding, party, to, versionPreference: versionPreference(pin === '' ? undefined : pin) };
}
