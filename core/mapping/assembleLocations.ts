/**
 * Turns the grouped tree into finished OCPI Locations: OCPI's field order, last_updated from the
 * source or the run time and never older than any child, conflicting connectors and EVSEs left
 * without connectors dropped, and the `_mapping` metadata the Push node never sends.
 */
import type { EvseEntry, LocationEntry } from './groupedEntries';
import type { LocationCompleteness } from '../ocpi/completeness';
import type { MappingProfile } from './profile';
import { stampOf, strictMsOf, takeNewer, type NewestStamp } from './newestStamp';

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

interface ChildNotes {
	evse?: string[];
	connectors?: ConnectorNotes;
}

/** The items behind a Location, ascending without repeats; records arrive in input order, so sorting is rarely needed. */
class SourceList {
	readonly list: number[] = [];
	private sorted = true;

	add(index: number): void {
		const last = this.list.length === 0 ? -1 : this.list[this.list.length - 1];
		if (index === last) return;
		if (index < last) this.sorted = false;
		this.list.push(index);
	}

	ascending(): number[] {
		return this.sorted ? this.list : [...new Set(this.list)].sort((a, b) => a - b);
	}
}

function noteConnector(notes: ChildNotes, texts: readonly string[], place: string): void {
	const connectors = (notes.connectors ??= new Map());
	for (const note of texts) {
		const places = connectors.get(note);
		if (places) places.push(place);
		else connectors.set(note, [place]);
	}
}

/** The EVSE with its usable connectors, or undefined when none is left; `newest` ends as its last_updated. */
function assembleEvse(evse: EvseEntry, now: NewestStamp, notes: ChildNotes, sources: SourceList, newest: NewestStamp): Record<string, unknown> | undefined {
	const connectors: Record<string, unknown>[] = [];
	const childNewest: NewestStamp = { text: undefined, ms: undefined };
	for (const connector of evse.connectors.values()) {
		if (connector.conflict !== undefined) continue;
		const stamp = connector.updated ?? now.text;
		connector.value.last_updated = stamp;
		takeNewer(childNewest, stamp, connector.updated === undefined ? now.ms : strictMsOf(stamp));
		connectors.push(connector.value);
		for (const source of connector.sources) sources.add(source);
		if (connector.notes) noteConnector(notes, connector.notes, `${evse.uid}/${connector.id}`);
	}
	if (connectors.length === 0) return undefined;
	if (evse.notes) for (const note of evse.notes) (notes.evse ??= []).push(`EVSE '${evse.uid}': ${note}`);
	const value = evse.value!;
	const out: Record<string, unknown> = {};
	copy(out, value, EVSE_HEAD);
	out.connectors = connectors;
	copy(out, value, EVSE_TAIL);
	newest.text = evse.updated;
	newest.ms = strictMsOf(evse.updated);
	takeNewer(newest, childNewest.text, childNewest.ms);
	if (newest.text === undefined) Object.assign(newest, now);
	out.last_updated = newest.text;
	return out;
}

export function assembleLocation(
	location: LocationEntry,
	profile: MappingProfile,
	now: NewestStamp,
	reasons: ReadonlyMap<number, string[]>,
): MappedLocation | undefined {
	if (location.failed || !location.value) return undefined;
	const notes: string[] = location.notes ? [...location.notes] : [];
	const childNotes: ChildNotes = {};
	const sources = new SourceList();
	const evses: Record<string, unknown>[] = [];
	const byOutlet = profile.evseGranularity === 'outlet';
	const chargePoints: Record<string, string> = {};
	const childNewest: NewestStamp = { text: undefined, ms: undefined };
	const evseStamp: NewestStamp = { text: undefined, ms: undefined };
	for (const entry of location.evses.values()) {
		if (entry.failed) continue;
		const evse = assembleEvse(entry, now, childNotes, sources, evseStamp);
		if (!evse) continue;
		evses.push(evse);
		if (byOutlet) chargePoints[entry.uid] = entry.chargePoint;
		takeNewer(childNewest, evseStamp.text, evseStamp.ms);
	}
	if (evses.length === 0) return undefined;
	if (childNotes.evse) notes.push(...childNotes.evse);
	if (childNotes.connectors) for (const [note, places] of childNotes.connectors) notes.push(`${note} (connector${places.length > 1 ? 's' : ''} ${places.join(', ')})`);
	const sourceIndexes = sources.ascending();
	// An item that contributed may still hold parts that could not be used (one bad outlet of a site): say so here.
	if (reasons.size > 0) {
		for (const index of sourceIndexes) {
			const skipped = reasons.get(index);
			if (skipped) for (const reason of skipped) notes.push(`not mapped from item ${index}: ${reason}`);
		}
	}
	const value = location.value;
	const out: Record<string, unknown> = {};
	copy(out, value, LOCATION_HEAD);
	out.evses = evses;
	copy(out, value, LOCATION_TAIL);
	const newest = stampOf(location.updated);
	takeNewer(newest, childNewest.text, childNewest.ms);
	out.last_updated = newest.text ?? now.text;
	const metadata: MappingMetadata = { profile: profile.name, version: profile.version };
	if (notes.length > 0) metadata.notes = notes;
	if (byOutlet) metadata.chargePoints = chargePoints;
	out._mapping = metadata;
	return { location: out as MappedLocation['location'], sourceIndexes, notes };
}
