/**
 * Token A → B → C (credentials module): with Token A we discover the CPMS and POST our Credentials
 * (holding Token B); the CPMS answers with its Credentials holding Token C, which opens every module.
 */
import { isRecord } from '../foundation/json';
import type { OcpiVersion } from '../ocpi/version';
import { OcpiError } from './ocpiError';
import { singleObject } from './ocpiResponse';

/** 2.2.1: {token, url, roles:[{role, business_details, party_id, country_code}]}; 2.1.1: {token, url, business_details, party_id, country_code}. */
export type OurCredentials = { token: string; url: string } & Record<string, unknown>;

export interface RegistrationResult {
	/** Use this token from now on; Token A is void. */
	tokenC: string;
	version: OcpiVersion;
	/** The CPMS's versions URL from its Credentials (may differ from the one we were given). */
	url?: string;
	/** The CPMS's roles (2.2.1) or its party (2.1.1), without the token. */
	roles: Array<Record<string, unknown>>;
}

export function readRegistration(data: unknown, version: OcpiVersion): RegistrationResult {
	const credentials = singleObject(data);
	const tokenC = credentials?.token;
	if (!credentials || typeof tokenC !== 'string' || tokenC === '') {
		throw new OcpiError('The CPMS accepted the credentials but its answer holds no token (Token C)', { kind: 'format', retryable: false });
	}
	const { token: _token, url, roles, ...party } = credentials;
	const roleList = Array.isArray(roles) ? roles.filter(isRecord) : [party];
	return { tokenC, version, url: typeof url === 'string' ? url : undefined, roles: roleList };
}
