/** What a caller can set when starting the reference CPMS, and the defaults. */
import type { FaultSettings } from './faults';

export type TokenEncoding = 'base64' | 'plain' | 'either';
/** try: call the client's versions URL back and note the outcome; require: a failed callback fails the POST (3001); skip: never call. */
export type CallbackMode = 'try' | 'require' | 'skip';

export interface CpmsRole {
	role: string;
	country_code: string;
	party_id: string;
	business_details: { name: string };
}

export interface ReferenceCpmsOptions {
	/** 0 picks a free port (tests). */
	port?: number;
	host?: string;
	/** JSON file for locations and tokens; omitted = memory only. */
	dataFile?: string;
	/** CREDENTIALS_TOKEN_A given out of band; generated when omitted. */
	tokenA?: string;
	/** Tokens accepted on every module without a handshake (demo shortcut). */
	extraTokens?: string[];
	/** How 2.2.1 requests must encode the token in the Authorization header. 2.1.1 is always plain. */
	tokenEncoding?: TokenEncoding;
	credentialsCallback?: CallbackMode;
	/** Role the CPMS reports in its own Credentials object. */
	ownRole?: CpmsRole;
	/** Interface roles listed for the `credentials` endpoint in 2.2.1 version details (the spec lists it once). */
	credentialsEndpointRoles?: Array<'SENDER' | 'RECEIVER'>;
	/** Entries kept in the request log. */
	requestLogLimit?: number;
	faults?: Partial<FaultSettings>;
	/** Base URL advertised in versions/details; defaults to http://host:port. */
	publicUrl?: string;
	/** Behave like real receivers within the spec (lower-cased ids, [] and null for unset fields, …): see quirks.ts. */
	quirks?: boolean;
	/**
	 * Replace the last_updated of every written object (and its children) with the CPMS's own entry time, as some
	 * hubs do (spec-legal behaviour the Push must cope with). Default: keep what the client sent.
	 */
	stampEntryTime?: boolean;
	/** Offer the Locations Sender interface (2.2.1, advertised in the version details); default true. */
	senderInterface?: boolean;
	/** Most Locations per Sender page, whatever limit a client asks for (X-Limit). */
	senderPageLimit?: number;
	/** Silence console output (tests). */
	quiet?: boolean;
}

export const DEFAULTS = {
	host: '127.0.0.1',
	port: 8270,
	tokenEncoding: 'base64' as TokenEncoding,
	credentialsCallback: 'try' as CallbackMode,
	requestLogLimit: 5000,
	senderPageLimit: 1000,
	bodyLimitBytes: 5 * 1024 * 1024,
	ownRole: { role: 'OTHER', country_code: 'DE', party_id: 'RCP', business_details: { name: 'Reference CPMS' } } as CpmsRole,
	credentialsEndpointRoles: ['RECEIVER'] as Array<'SENDER' | 'RECEIVER'>,
};
