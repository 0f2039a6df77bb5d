/**
 * Matching OCPI object ids (Location id, EVSE uid, Connector id, party ids): CiStrings from OCPI 2.2.1 on,
 * compared case-insensitively; case-sensitive strings in 2.1.1.
 */
import { TEXT_LIMITS } from './limits';
import type { OcpiObjectKind, OcpiVersion } from './version';

/** The longest id of each object, read from the version's limits (core/ocpi/limits.ts). */
export const ID_MAX_LENGTH: Readonly<Record<OcpiVersion, Readonly<Record<OcpiObjectKind, number>>>> = {
	'2.1.1': idLimits('2.1.1'),
	'2.2.1': idLimits('2.2.1'),
	'2.3.0': idLimits('2.3.0'),
};

function idLimits(version: OcpiVersion): Record<OcpiObjectKind, number> {
	const limits = TEXT_LIMITS[version];
	return { location: limits.locationId, evse: limits.evseUid, connector: limits.connectorId };
}

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
