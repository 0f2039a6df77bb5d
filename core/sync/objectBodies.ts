/** Request bodies: PUT bodies are whole objects, PATCH bodies only changed fields; both stamped, both without metadata. */
import { isRecord } from '../foundation/json';
import { laterLastUpdated } from '../ocpi/locationTree';
import { stripMetadata } from './objectDiff';
import type { JsonObject } from './types';

const CHILDREN: Record<string, string | undefined> = { evses: 'connectors' };

/** Gives children without last_updated the parent's stamp (required on EVSE and Connector). */
function fillChildStamps(list: unknown, stamp: string, grandChildren: string | undefined): unknown {
	if (!Array.isArray(list)) return list;
	return list.map((child) => {
		if (!isRecord(child)) return child;
		const out: JsonObject = { ...child, last_updated: typeof child.last_updated === 'string' ? child.last_updated : stamp };
		if (grandChildren) out[grandChildren] = fillChildStamps(out[grandChildren], out.last_updated as string, undefined);
		return out;
	});
}

function newestChildStamp(object: JsonObject, stamp: string): string {
	let newest = stamp;
	for (const key of ['evses', 'connectors']) {
		const list = object[key];
		if (!Array.isArray(list)) continue;
		for (const child of list) if (isRecord(child)) newest = laterLastUpdated(newest, newestChildStamp(child, child.last_updated as string));
	}
	return newest;
}

/**
 * A whole object for PUT. A parent's last_updated covers its children ("this Location or one of
 * its EVSEs/Connectors"), so it is raised to the newest child.
 */
export function putBody(object: JsonObject, stamp: string): JsonObject {
	const out: JsonObject = { ...stripMetadata(object), last_updated: stamp };
	if ('evses' in out) out.evses = fillChildStamps(out.evses, stamp, CHILDREN.evses);
	if ('connectors' in out) out.connectors = fillChildStamps(out.connectors, stamp, undefined);
	out.last_updated = newestChildStamp(out, stamp);
	return out;
}

/** Only the changed fields (sent whole, even when nested) plus last_updated, which every PATCH SHALL contain. */
export function patchBody(object: JsonObject, fields: readonly string[], stamp: string): JsonObject {
	const out: JsonObject = {};
	for (const field of fields) out[field] = stripMetadata(object[field]);
	out.last_updated = stamp;
	return out;
}
