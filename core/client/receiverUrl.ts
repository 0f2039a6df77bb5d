/** Locations Receiver URLs: `{endpoint}/{country_code}/{party_id}/{location_id}[/{evse_uid}[/{connector_id}]]`, segments percent-encoded. */
import type { LocationIds, SyncLevel } from '../sync/types';

export function receiverUrl(endpointUrl: string, level: SyncLevel, ids: LocationIds): string {
	const segments = [ids.country_code, ids.party_id, ids.location_id];
	if (level !== 'location') {
		if (!ids.evse_uid) throw new Error(`An ${level} URL needs evse_uid`);
		segments.push(ids.evse_uid);
	}
	if (level === 'connector') {
		if (!ids.connector_id) throw new Error('A connector URL needs connector_id');
		segments.push(ids.connector_id);
	}
	return `${endpointUrl.replace(/\/+$/, '')}/${segments.map(segment).join('/')}`;
}

/**
 * One id as one path segment. encodeURIComponent leaves `.` alone, so `.` and `..` would still be dot
 * segments that the URL parser, a proxy or the CPMS removes (`…/LOC-1/..` is `…/`): refused, whatever the
 * Mapper and Validator let through. An empty id would merge two segments.
 */
function segment(id: string): string {
	if (typeof id !== 'string' || id === '' || id === '.' || id === '..') {
		throw new Error(`The id ${JSON.stringify(id)} cannot be a URL segment: it would address another object at the CPMS`);
	}
	return encodeURIComponent(id);
}

/** Path and query without scheme and host: what results and errors show. */
export function pathOf(url: string): string {
	try {
		const parsed = new URL(url);
		return parsed.pathname + parsed.search;
	} catch {
		return url;
	}
}
