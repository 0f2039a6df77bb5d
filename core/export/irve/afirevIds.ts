/**
 * AFIREV identifiers as IRVE and QualiCharge want them: without separators, `FR` + the 3-character
 * operating-unit prefix + `E…` for a charge point, `P…` for a station (https://afirev.fr/fr/informations-generales/).
 */
const SEPARATORS = /[*\-\s]/g;

export const AFIREV_PDC_PATTERN = /^FR[A-Z0-9]{3}E[A-Z0-9]+$/;
export const AFIREV_STATION_PATTERN = /^FR[A-Z0-9]{3}P[A-Z0-9]+$/;

/** `FR*A68*E680210015` → `FRA68E680210015`. */
export function compactId(id: string): string {
	return id.replace(SEPARATORS, '').toUpperCase();
}

/** The operating-unit prefix (`FRA68`) of a compact French EVSE id, or undefined. */
export function operatorPrefix(compactEvseId: string): string | undefined {
	return AFIREV_PDC_PATTERN.test(compactEvseId) ? compactEvseId.slice(0, 5) : undefined;
}

/**
 * A station id from the operating unit's prefix and the Location id (letters and digits only), e.g.
 * `FRA68` + `PAR-0001` → `FRA68PPAR0001`. The operator assigns pool ids under its prefix; the Location id is
 * the stable key it already uses. An id that would be empty or too long for the schema (35) gives undefined.
 */
export function stationIdFrom(prefix: string, locationId: string): string | undefined {
	const suffix = locationId.toUpperCase().replace(/[^A-Z0-9]/g, '');
	const id = `${prefix}P${suffix}`;
	return suffix === '' || id.length > 35 ? undefined : id;
}
