/** The versions list and the version details: how clients discover every other URL of this CPMS. */
import type { OcpiVersion } from '../../core/ocpi/version';

export const SUPPORTED_VERSIONS: readonly OcpiVersion[] = ['2.2.1', '2.1.1'];

export function versionUrl(baseUrl: string, version: OcpiVersion): string {
	return `${baseUrl}/ocpi/${version}`;
}

export function locationsUrl(baseUrl: string, version: OcpiVersion): string {
	return `${versionUrl(baseUrl, version)}/receiver/locations`;
}

/** OCPI 2.2.1 only: 2.1.1 endpoints carry no role, so a Sender could not be told from the Receiver. */
export function senderLocationsUrl(baseUrl: string, version: OcpiVersion): string {
	return `${versionUrl(baseUrl, version)}/sender/locations`;
}

export function credentialsUrl(baseUrl: string, version: OcpiVersion): string {
	return `${versionUrl(baseUrl, version)}/credentials`;
}

export function versionsList(baseUrl: string): Array<{ version: OcpiVersion; url: string }> {
	return SUPPORTED_VERSIONS.map((version) => ({ version, url: versionUrl(baseUrl, version) }));
}

/**
 * 2.2.1 endpoints carry an InterfaceRole; the credentials module is listed once by default because
 * "the role field has no function for this module" and example 2 of version_information_endpoint
 * does "not define it twice". 2.1.1 has no roles at all.
 */
export function versionDetails(baseUrl: string, version: OcpiVersion, credentialsRoles: ReadonlyArray<'SENDER' | 'RECEIVER'>, sender = true) {
	if (version === '2.1.1') {
		return {
			version,
			endpoints: [
				{ identifier: 'credentials', url: credentialsUrl(baseUrl, version) },
				{ identifier: 'locations', url: locationsUrl(baseUrl, version) },
			],
		};
	}
	return {
		version,
		endpoints: [
			...credentialsRoles.map((role) => ({ identifier: 'credentials', role, url: credentialsUrl(baseUrl, version) })),
			...(sender ? [{ identifier: 'locations', role: 'SENDER', url: senderLocationsUrl(baseUrl, version) }] : []),
			{ identifier: 'locations', role: 'RECEIVER', url: locationsUrl(baseUrl, version) },
		],
	};
}
