/**
 * Verified writes: when a receiver answers a PUT or PATCH with an object, it must be the object
 * addressed. A receiver that matched the URL to another object (ids compared the wrong way, a
 * normalised path) has changed that one instead: the write fails rather than being reported done.
 */
import type { OcpiVersion } from '../ocpi/version';
import { sameId } from '../ocpi/ids';
import type { LocationIds, SyncLevel } from '../sync/types';
import { singleObject } from './ocpiResponse';

const NAMES: Record<SyncLevel, string> = { location: 'Location', evse: 'EVSE', connector: 'Connector' };

/** The id fields an answer at `level` must carry (when it carries them) and the values addressed. */
function expectedIds(level: SyncLevel, ids: LocationIds, version: OcpiVersion): Array<[field: string, value: string]> {
	if (level === 'evse') return [['uid', ids.evse_uid ?? '']];
	if (level === 'connector') return [['id', ids.connector_id ?? '']];
	const own: Array<[string, string]> = [['id', ids.location_id]];
	return version === '2.1.1' ? own : [...own, ['country_code', ids.country_code], ['party_id', ids.party_id]];
}

/** A message when the echoed object is another one than addressed, undefined when it is ours (or nothing was echoed). */
export function echoMismatch(level: SyncLevel, ids: LocationIds, data: unknown, version: OcpiVersion): string | undefined {
	const echoed = singleObject(data);
	if (!echoed) return undefined;
	const wrong = expectedIds(level, ids, version).filter(([field, value]) => typeof echoed[field] === 'string' && !sameId(echoed[field], value, version));
	if (wrong.length === 0) return undefined;
	const said = wrong.map(([field, value]) => `${field} "${String(echoed[field])}" where "${value}" was addressed`).join(', ');
	return `the CPMS changed another object: it answered with the ${NAMES[level]} ${said}`;
}
