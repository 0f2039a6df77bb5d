/** The OCPI versions this package models, newest first (2.3.0 is edition 2, tagged 2026-06-18). */
export const OCPI_VERSIONS = ['2.3.0', '2.2.1', '2.1.1'] as const;
export type OcpiVersion = (typeof OCPI_VERSIONS)[number];

/** The three objects of the Locations module, outermost first. */
export const OCPI_OBJECT_KINDS = ['location', 'evse', 'connector'] as const;
export type OcpiObjectKind = (typeof OCPI_OBJECT_KINDS)[number];

export function isOcpiVersion(value: unknown): value is OcpiVersion {
	return (OCPI_VERSIONS as readonly unknown[]).includes(value);
}

/** Orders versions: negative when a is older than b. Only the versions this package models. */
export function compareOcpiVersions(a: OcpiVersion, b: OcpiVersion): number {
	return OCPI_VERSIONS.indexOf(b) - OCPI_VERSIONS.indexOf(a);
}

/**
 * 2.2 and later: Locations carry country_code, party_id and publish, ids are CiStrings, parking_type and
 * state exist. Most differences from 2.1.1 hang on this.
 */
export function hasPartyFields(version: OcpiVersion): boolean {
	return compareOcpiVersions(version, '2.2.1') >= 0;
}
