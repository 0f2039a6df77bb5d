/** Maps a URL path onto what the CPMS should do with it; no I/O here. */
import { isOcpiVersion, type OcpiVersion } from '../../core/ocpi/version';
import { decodeSegment } from '../shared/http';

export type Route =
	| { kind: 'page' }
	| { kind: 'admin'; name: 'requests' | 'faults' | 'state' }
	| { kind: 'versions' }
	| { kind: 'details'; version: OcpiVersion }
	| { kind: 'credentials'; version: OcpiVersion }
	| { kind: 'senderLocations'; version: OcpiVersion }
	| {
			kind: 'locations';
			version: OcpiVersion;
			countryCode: string;
			partyId: string;
			locationId: string;
			evseUid?: string;
			connectorId?: string;
	  }
	| { kind: 'ocpiNotFound'; version?: string; reason: string }
	| { kind: 'notFound' };

export function isOcpiRoute(route: Route): boolean {
	return route.kind === 'versions' || route.kind === 'details' || route.kind === 'credentials' || route.kind === 'senderLocations' || route.kind === 'locations' || route.kind === 'ocpiNotFound';
}

export function routeOf(pathname: string): Route {
	// a trailing slash is common in OCPI URLs (the spec examples have them); both forms work
	const raw = pathname.replace(/\/+$/, '').split('/').filter((s, i) => i > 0 || s !== '');
	if (raw.length === 0) return { kind: 'page' };
	const segments = raw.map(decodeSegment);
	if (segments.some((s) => s === undefined || s === '')) return raw[0] === 'ocpi' ? { kind: 'ocpiNotFound', reason: 'Malformed path' } : { kind: 'notFound' };
	const parts = segments as string[];
	if (parts[0] === 'admin' && parts.length === 2 && (parts[1] === 'requests' || parts[1] === 'faults' || parts[1] === 'state')) {
		return { kind: 'admin', name: parts[1] };
	}
	if (parts[0] !== 'ocpi') return { kind: 'notFound' };
	if (parts.length === 2 && parts[1] === 'versions') return { kind: 'versions' };
	const version = parts[1];
	if (version === undefined) return { kind: 'ocpiNotFound', reason: 'No such OCPI path' };
	if (!isOcpiVersion(version)) return { kind: 'ocpiNotFound', version, reason: `Unsupported OCPI version "${version}"` };
	if (parts.length === 2) return { kind: 'details', version };
	if (parts.length === 3 && parts[2] === 'credentials') return { kind: 'credentials', version };
	if (parts.length === 4 && parts[2] === 'sender' && parts[3] === 'locations' && version === '2.2.1') return { kind: 'senderLocations', version };
	if (parts[2] === 'receiver' && parts[3] === 'locations' && parts.length >= 7 && parts.length <= 9) {
		const [countryCode, partyId, locationId, evseUid, connectorId] = parts.slice(4);
		return { kind: 'locations', version, countryCode, partyId, locationId, evseUid, connectorId };
	}
	return { kind: 'ocpiNotFound', version, reason: 'No such OCPI path (the Locations receiver wants /{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]])' };
}
