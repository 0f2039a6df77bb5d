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
	return `${endpointUrl.replace(/\/+$/, '')}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
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
