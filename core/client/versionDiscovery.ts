/**
 * Versions → version details → endpoint: how every URL is found (never hard-coded paths). The credential may
 * hold either the versions URL or one version's details URL (many CPMSs hand operators the latter): the answer's
 * shape tells which, and a details URL saves the versions request.
 */
import { isRecord } from '../foundation/json';
import { isOcpiVersion, type OcpiVersion } from '../ocpi/version';
import { OcpiError } from './ocpiError';

export interface OfferedVersion {
	version: string;
	url: string;
}

export interface Endpoint {
	identifier: string;
	role?: string;
	url: string;
}

export interface Discovery {
	version: OcpiVersion;
	versionUrl: string;
	endpoints: Endpoint[];
	/** Locations RECEIVER (2.2.1) / `locations` (2.1.1). */
	locationsUrl: string;
	credentialsUrl?: string;
}

function objects(value: unknown): Array<Record<string, unknown>> {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function readVersions(data: unknown): OfferedVersion[] {
	// some servers wrap the list as {versions:[…]}
	const list = Array.isArray(data) ? data : objects([data])[0]?.versions;
	return objects(list)
		.filter((v) => typeof v.version === 'string' && typeof v.url === 'string')
		.map((v) => ({ version: v.version as string, url: v.url as string }));
}

export function pickVersion(offered: OfferedVersion[], preference: readonly OcpiVersion[]): OfferedVersion & { version: OcpiVersion } {
	for (const wanted of preference) {
		const match = offered.find((o) => o.version === wanted);
		if (match && isOcpiVersion(match.version)) return { ...match, version: match.version };
	}
	const names = offered.map((o) => o.version).join(', ') || 'none';
	throw new OcpiError(`No common OCPI version: the CPMS offers ${names}; this client speaks ${preference.join(', ')}`, {
		kind: 'discovery',
		retryable: false,
	});
}

/** The details object of a version details answer: some servers wrap it in an array. */
function detailsObject(data: unknown): Record<string, unknown> | undefined {
	const details = Array.isArray(data) ? data[0] : data;
	return isRecord(details) ? details : undefined;
}

/** A version details object ({version, endpoints}), or undefined for anything else (a versions list). */
export function readVersionDetails(data: unknown): { version: string; endpoints: Endpoint[] } | undefined {
	const details = detailsObject(data);
	if (!details || typeof details.version !== 'string' || !Array.isArray(details.endpoints)) return undefined;
	return { version: details.version, endpoints: readEndpoints(details) };
}

/**
 * The version of a details URL given in the credential: one this client speaks and the preference allows. A pinned
 * version that differs cannot be reached from here (a details URL names one version), so it fails with what to change.
 */
export function givenDetailsVersion(version: string, preference: readonly OcpiVersion[]): OcpiVersion {
	if (isOcpiVersion(version) && preference.includes(version)) return version;
	const speaks = preference.join(', ') || 'none';
	const why = isOcpiVersion(version) ? `this connection is pinned to OCPI ${speaks}` : `this client speaks ${speaks}`;
	throw new OcpiError(
		`The credential's URL is the version details of OCPI ${version}, but ${why}: put the CPMS's versions URL in the credential, or the details URL of a version it speaks`,
		{ kind: 'discovery', retryable: false },
	);
}

/** An OCPI version named by the URL's last path segment (…/ocpi/2.1.1): only a hint for the token encoding of the first request. */
export function versionNamedInUrl(url: string): OcpiVersion | undefined {
	const last = url.replace(/[?#].*$/, '').replace(/\/+$/, '').split('/').pop() ?? '';
	return isOcpiVersion(last) ? last : undefined;
}

export function readEndpoints(data: unknown): Endpoint[] {
	return objects(detailsObject(data)?.endpoints)
		.filter((e) => typeof e.identifier === 'string' && typeof e.url === 'string')
		.map((e) => ({ identifier: e.identifier as string, url: e.url as string, ...(typeof e.role === 'string' ? { role: e.role } : {}) }));
}

/** 2.2.1: identifier and role must match; 2.1.1 endpoints have no roles. */
export function findEndpoint(endpoints: Endpoint[], version: OcpiVersion, identifier: string, role?: 'SENDER' | 'RECEIVER'): Endpoint | undefined {
	return endpoints.find((e) => e.identifier === identifier && (version === '2.1.1' || role === undefined || e.role?.toUpperCase() === role));
}

export function describeEndpoints(endpoints: Endpoint[]): string {
	const names = endpoints.map((e) => (e.identifier === 'locations' && e.role ? `locations (${e.role})` : e.identifier));
	return [...new Set(names)].join(', ') || 'nothing';
}

export function locationsEndpointOrThrow(endpoints: Endpoint[], version: OcpiVersion): Endpoint {
	const found = findEndpoint(endpoints, version, 'locations', 'RECEIVER');
	if (found) return found;
	const what = version === '2.1.1' ? 'locations endpoint' : 'locations RECEIVER endpoint';
	throw new OcpiError(`The CPMS offers no ${what} for OCPI ${version}; it offers: ${describeEndpoints(endpoints)}`, { kind: 'discovery', retryable: false });
}
