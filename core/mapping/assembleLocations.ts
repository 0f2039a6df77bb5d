/**
 * Turns the grouped tree into finished OCPI Locations: OCPI's field order, last_updated from the
 * source or the run time and never older than any child, conflicting connectors and EVSEs left
 * without connectors dropped, and the `_mapping` metadata the Push node never sends.
 */
import { laterLastUpdated } from '../ocpi/locationTree';
import type { EvseEntry, LocationEntry } from './groupedEntries';
import type { LocationCompleteness } from '../ocpi/completeness';
import type { MappingProfile } from './profile';

export interface MappingMetadata {
	profile: string;
	version: string;
	/** What the Mapper changed or assumed, and parts of contributing items it could not use. */
	notes?: string[];
	/** With one EVSE per outlet: EVSE uid → the asset system's charge point (the AFIR exports' station level). */
	chargePoints?: Record<string, string>;
}

export interface MappedLocation {
	/** `_completeness` is set once every Location is assembled (it needs the whole run's refused items). */
	location: Record<string, unknown> & { _mapping: MappingMetadata; _completeness?: LocationCompleteness };
	/** Every input item that contributed, ascending. */
	sourceIndexes: number[];
	notes: string[];
}

const EVSE_HEAD = ['uid', 'evse_id', 'status', 'status_schedule', 'capabilities'];
const EVSE_TAIL = ['floor_level', 'coordinates', 'physical_reference', 'directions', 'parking_restrictions', 'images', 'accepted_service_providers'];
const LOCATION_HEAD = ['country_code', 'party_id', 'id', 'type', 'publish', 'name', 'address', 'city', 'postal_code', 'state', 'country', 'coordinates', 'parking_type'];
const LOCATION_TAIL = ['operator', 'facilities', 'time_zone', 'charging_when_closed', 'help_phone'];

function copy(target: Record<string, unknown>, source: Record<string, unknown>, keys: readonly string[]): void {
	for (const key of keys) if (source[key] !== undefined) target[key] = source[key];
}

/**
 * Connector notes grouped by text: "400 V is line-to-line … (connectors BER-1/1, BER-1/2)" reads
 * better than one line per connector, and costs less on big Locations.
 */
type ConnectorNotes = Map<string, string[]>;

function assembleEvse(
	evse: EvseEntry,
	now: string,
	notes: { evse: string[]; connectors: ConnectorNotes },
	sources: Set<number>,
): Record<string, unknown> | undefined {
	const connectors: Record<string, unknown>[] = [];
	let childNewest: string | undefined;
	for (const connector of evse.connectors.values()) {
		if (connector.conflict !== undefined) continue;
		const stamp = connector.updated ?? now;
		connector.value.last_updated = stamp;
		childNewest = laterLastUpdated(childNewest, stamp);
		connectors.push(connector.value);
		for (const source of connector.sources) sources.add(source);
		if (connector.notes) {
			for (const note of connector.notes) {
				const places = notes.connectors.get(note);
				const place = `${evse.uid}/${connector.id}`;
				if (places) places.push(place);
				else notes.connectors.set(note, [place]);
			}
		}
	}
	if (connectors.length === 0) return undefined;
	if (evse.notes) for (const note of evse.notes) notes.evse.push(`EVSE '${evse.uid}': ${note}`);
	const value = evse.value!;
	const out: Record<string, unknown> = {};
	copy(out, value, EVSE_HEAD);
	out.connectors = connectors;
	copy(out, value, EVSE_TAIL);
	out.last_updated = laterLastUpdated(evse.updated, childNewest) ?? now;
	return out;
}

export function assembleLocation(
	location: LocationEntry,
	profile: MappingProfile,
	now: string,
	reasons: ReadonlyMap<number, string[]>,
): MappedLocation | undefined {
	if (location.failed || !location.value) return undefined;
	const notes: string[] = location.notes ? [...location.notes] : [];
	const childNotes = { evse: [] as string[], connectors: new Map() as ConnectorNotes };
	const sources = new Set<number>();
	const evses: Record<string, unknown>[] = [];
	const chargePoints: Record<string, string> = {};
	let childNewest: string | undefined;
	for (const entry of location.evses.values()) {
		if (entry.failed) continue;
		const evse = assembleEvse(entry, now, childNotes, sources);
		if (!evse) continue;
		evses.push(evse);
		chargePoints[entry.uid] = entry.chargePoint;
		childNewest = laterLastUpdated(childNewest, evse.last_updated as string);
	}
	if (evses.length === 0) return undefined;
	notes.push(...childNotes.evse);
	for (const [note, places] of childNotes.connectors) notes.push(`${note} (connector${places.length > 1 ? 's' : ''} ${places.join(', ')})`);
	const sourceIndexes = [...sources].sort((a, b) => a - b);
	// An item that contributed may still hold parts that could not be used (one bad outlet of a site): say so here.
	for (const index of sourceIndexes) {
		const skipped = reasons.get(index);
		if (skipped) for (const reason of skipped) notes.push(`not mapped from item ${index}: ${reason}`);
	}
	const value = location.value;
	const out: Record<string, unknown> = {};
	copy(out, value, LOCATION_HEAD);
	out.evses = evses;
	copy(out, value, LOCATION_TAIL);
	out.last_updated = laterLastUpdated(location.updated, childNewest) ?? now;
	const metadata: MappingMetadata = { profile: profile.name, version: profile.version };
	if (notes.length > 0) metadata.notes = notes;
	if (profile.evseGranularity === 'outlet') metadata.chargePoints = chargePoints;
	out._mapping = metadata;
	return { location: out as MappedLocation['location'], sourceIndexes, notes };
}
