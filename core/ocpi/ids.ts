/**
 * Matching OCPI object ids (Location id, EVSE uid, Connector id, party ids): CiStrings from OCPI 2.2.1 on,
 * compared case-insensitively; case-sensitive strings in 2.1.1.
 */
import type { OcpiObjectKind, OcpiVersion } from './version';

/** The longest id of each object: CiString(36) in 2.2.1; string(39) for Location and EVSE, string(36) for Connector in 2.1.1. */
export const ID_MAX_LENGTH: Readonly<Record<OcpiVersion, Readonly<Record<OcpiObjectKind, number>>>> = {
	'2.2.1': { location: 36, evse: 36, connector: 36 },
	'2.1.1': { location: 39, evse: 39, connector: 36 },
};

export function isCiVersion(version: OcpiVersion | undefined): boolean {
	return version !== '2.1.1';
}

/** The key under which an id is matched: lower case for CiStrings (2.2.1), as is for 2.1.1 strings. */
export function idKey(id: unknown, version?: OcpiVersion): string {
	const text = String(id ?? '');
	return isCiVersion(version) ? text.toLowerCase() : text;
}

export function sameId(a: unknown, b: unknown, version?: OcpiVersion): boolean {
	return idKey(a, version) === idKey(b, version);
}
