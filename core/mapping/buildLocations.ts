/**
 * Groups connector records into Locations and EVSEs by their keys, in one pass.
 * - Location and EVSE fields are read from the first record of each (later rows only add connectors).
 * - Two records claiming the same connector with different data are a conflict: the connector is
 *   left out and both items are reported; identical repeats are merged and noted.
 * - Every item ends up either in the sources of a Location or with reasons why it could not be used.
 */
import { sameJson } from '../foundation/json';
import { urlIdProblem } from '../ocpi/formats';
import { ID_MAX_LENGTH } from '../ocpi/ids';
import type { OcpiObjectKind } from '../ocpi/version';
import type { CompiledMapping, LabelledField } from './compileMapping';
import { comparedFields, firstRecord, noteDisagreements } from './disagreements';
import type { ConnectorEntry, EvseEntry, LocationEntry, ParentEntry } from './groupedEntries';
import { mapConnector } from './mapConnector';
import { mapEvse } from './mapEvse';
import { mapLocation } from './mapLocation';
import type { IdValues } from './idTemplates';
import type { ConnectorRecord, Scope } from './shapes';
import { cleanText, isBlank, quote } from './transforms';

/** Ids go into the CPMS URL: printable ASCII only, in every version. */
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

/** Why a key cannot be an OCPI id that goes into the CPMS URL, or undefined; `maxLength` is the version's (core/ocpi/ids). */
function idProblem(id: string, what: string, maxLength: number): string | undefined {
	const unsafe = urlIdProblem(id);
	if (unsafe !== undefined) return `${what} ${quote(id)} cannot be used: the id ${unsafe}; map another key or correct the source data`;
	if (!PRINTABLE_ASCII.test(id) || id.length > maxLength) {
		return `${what} ${quote(id)} is not an OCPI id (at most ${maxLength} plain ASCII characters): shorten it or map another key`;
	}
	return undefined;
}
/** How a Location's or an EVSE's own fields are read (see readOwnFields); one of each per run. */
interface OwnFields {
	kind: 'location' | 'evse';
	idName: string;
	map: typeof mapLocation;
	fields: LabelledField[];
	scope: Scope;
	/** How a disagreement note names the object (built only when a record disagrees). */
	label(id: string): string;
	/** How a reason names the object. */
	where(id: string, locationId: string): string;
}

const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/;
/** A key that cleaning would not change: printable ASCII without spaces at either end. */
const CLEAN_KEY = /^[\x21-\x7E](?:[\x20-\x7E]*[\x21-\x7E])?$/;

export class LocationGrouper {
	readonly locations = new Map<string, LocationEntry>();
	/** Reasons per item index; an item may collect several (one per failed connector of a site). */
	readonly reasons = new Map<number, string[]>();

	private readonly locationOwn: OwnFields;
	private readonly evseOwn: OwnFields;
	/** The id template's values, filled per record (render keeps nothing of it). */
	private readonly idValues: IdValues = { location: '', chargePoint: '', bay: '', connector: '' };
	/** Bays per charge point (by raw location and charge point key): decides `[...]` parts of id templates. */
	private readonly bays = new Map<string, Set<string>>();

	constructor(private readonly mapping: CompiledMapping) {
		const locationLabel = (id: string) => `location '${id}'`;
		this.locationOwn = { kind: 'location', idName: 'location id', map: mapLocation, fields: comparedFields(mapping.fields.location), scope: 'site', label: locationLabel, where: locationLabel };
		// With one EVSE per outlet the EVSE's fields may come from the outlet; otherwise from the charge point.
		const evseScope = mapping.profile.evseGranularity === 'outlet' ? 'outlet' : 'chargePoint';
		this.evseOwn = {
			kind: 'evse',
			idName: 'EVSE uid',
			map: mapEvse,
			fields: comparedFields(mapping.fields.evse),
			scope: evseScope,
			label: () => 'the EVSE',
			where: (uid, locationId) => `EVSE '${uid}' at location '${locationId}'`,
		};
	}

	private idMax(kind: OcpiObjectKind): number {
		return ID_MAX_LENGTH[this.mapping.profile.ocpiVersion][kind];
	}

	reject(sourceIndex: number, reason: string): void {
		const list = this.reasons.get(sourceIndex);
		if (list) {
			if (!list.includes(reason)) list.push(reason);
		} else this.reasons.set(sourceIndex, [reason]);
	}

	private keyOf(record: ConnectorRecord, raw: unknown, what: string, path: string): string | undefined {
		if (isBlank(raw)) {
			this.reject(record.sourceIndex, `no ${what} key: '${path}' is empty`);
			return undefined;
		}
		if (typeof raw === 'string' && CLEAN_KEY.test(raw)) return raw;
		// cleaning would turn a control character into a space: another id, so it is refused instead
		if (typeof raw === 'string' && CONTROL_CHARACTER.test(raw.trim())) {
			this.reject(record.sourceIndex, idProblem(raw.trim(), `${what} key`, this.idMax('connector')) ?? `${what} key ${quote(raw)} holds a control character`);
			return undefined;
		}
		if (typeof raw === 'number' && Number.isInteger(raw)) return String(raw);
		const text = cleanText(raw, `${what} key`);
		if (!text.ok) {
			this.reject(record.sourceIndex, text.reason);
			return undefined;
		}
		return text.value;
	}

	private checkedId(record: ConnectorRecord, id: string, what: string): string | undefined {
		const problem = idProblem(id, what, this.idMax('connector'));
		if (problem === undefined) return id;
		this.reject(record.sourceIndex, problem);
		return undefined;
	}

	private bayOf(record: ConnectorRecord, connectorKey: string): string {
		const group = this.mapping.keys.evseGroup?.(record);
		return isBlank(group) ? connectorKey : String(group).trim();
	}

	/**
	 * Counts the EVSEs of each charge point before any uid is written. With one item per charge point or site
	 * the count is the charge point's own; with flat rows it is what this input holds (see the README on
	 * partial reads).
	 */
	countEvses(records: readonly ConnectorRecord[]): void {
		if (this.mapping.profile.evseGranularity !== 'outlet') return;
		const { keys } = this.mapping;
		for (const record of records) {
			const connector = keys.connector(record);
			if (isBlank(connector)) continue;
			const id = chargePointIdentity(keys.location(record), keys.evse(record));
			let bays = this.bays.get(id);
			if (!bays) this.bays.set(id, (bays = new Set()));
			bays.add(this.bayOf(record, String(connector).trim()));
		}
	}

	add(record: ConnectorRecord): void {
		const { keys, profile, ids } = this.mapping;
		const locationKey = this.keyOf(record, keys.location(record), 'location', profile.keys.locationId);
		if (locationKey === undefined) return;
		const location = this.locationFor(record, locationKey);
		if (!location) return;
		const chargePointKey = this.keyOf(record, keys.evse(record), 'charge point', profile.keys.evseId);
		const connectorKey = this.keyOf(record, keys.connector(record), 'connector', profile.keys.connectorId);
		if (chargePointKey === undefined || connectorKey === undefined) return;
		const bay = profile.evseGranularity === 'outlet' ? this.bayOf(record, connectorKey) : '';
		// bays are counted only with one EVSE per outlet: otherwise no key string to build per record
		const many = this.bays.size > 0 && (this.bays.get(chargePointIdentity(keys.location(record), keys.evse(record)))?.size ?? 1) > 1;
		const values = this.idValues;
		values.location = locationKey;
		values.chargePoint = chargePointKey;
		values.bay = bay;
		values.connector = connectorKey;
		const uid = ids.evseUid.render(values, many);
		if (!this.ownsUid(record, location, uid, chargePointKey, bay)) return;
		const evse = this.evseFor(record, location, uid, chargePointKey, bay);
		if (!evse) return;
		const connectorId = this.checkedId(record, ids.connectorId.render(values, many), 'connector id');
		if (connectorId === undefined) return;
		this.addConnector(record, location, evse, connectorId);
	}

	/**
	 * False (and the record refused) when another charge point or bay already has this uid: two EVSEs must never
	 * share one. The EVSE entry keeps the charge point and bay its uid was first written for.
	 */
	private ownsUid(record: ConnectorRecord, location: LocationEntry, uid: string, chargePoint: string, bay: string): boolean {
		const earlier = location.evses.get(uid);
		if (earlier === undefined) return true;
		// the same owner named alike: the words are built only when the parts differ
		if (earlier.chargePoint === chargePoint && earlier.bay === bay) return true;
		const owner = { chargePoint, bay };
		if (ownerText(earlier) === ownerText(owner)) return true;
		this.reject(
			record.sourceIndex,
			`EVSE uid '${uid}' at location '${location.id}' is written for ${ownerText(earlier)} and for ${ownerText(owner)}: change the EVSE UID template (${this.mapping.ids.evseUid.template}) so they differ`,
		);
		return false;
	}

	private locationFor(record: ConnectorRecord, key: string): LocationEntry | undefined {
		let location = this.locations.get(key);
		const created = !location;
		if (!location) {
			location = { id: key, evses: new Map(), ...UNREAD };
			this.locations.set(key, location);
		}
		return this.readOwnFields(location, created, record, this.locationOwn, key, key) ? location : undefined;
	}

	private evseFor(record: ConnectorRecord, location: LocationEntry, uid: string, chargePoint: string, bay: string): EvseEntry | undefined {
		let evse = location.evses.get(uid);
		const created = !evse;
		if (!evse) {
			evse = { uid, chargePoint, bay, connectors: new Map(), ...UNREAD };
			location.evses.set(uid, evse);
		}
		return this.readOwnFields(evse, created, record, this.evseOwn, uid, location.id) ? evse : undefined;
	}

	/**
	 * A Location's or EVSE's own fields: a new one maps them from this record (or keeps why it cannot), a known
	 * one notes where this record disagrees with its first. False, with the record rejected, when they failed.
	 */
	private readOwnFields(entry: ParentEntry, created: boolean, record: ConnectorRecord, own: OwnFields, id: string, locationId: string): boolean {
		if (created) {
			const problem = idProblem(id, own.idName, this.idMax(own.kind));
			if (problem !== undefined) entry.failed = [problem];
			else {
				const out = own.map(this.mapping, record, id);
				if (out.reasons) entry.failed = out.reasons;
				entry.value = out.value;
				entry.updated = out.updated;
				entry.notes = out.notes;
				entry.first = firstRecord(own.fields, record, own.scope);
			}
		} else if (entry.first) {
			noteDisagreements(entry, own.fields, entry.first, record, own.scope, own.label, id);
		}
		if (!entry.failed) return true;
		const where = own.where(id, locationId);
		for (const reason of entry.failed) this.reject(record.sourceIndex, `${where}: ${reason}`);
		return false;
	}

	private addConnector(record: ConnectorRecord, location: LocationEntry, evse: EvseEntry, id: string): void {
		const out = mapConnector(this.mapping, record, id);
		if (out.reasons) {
			for (const reason of out.reasons) this.reject(record.sourceIndex, `${connectorPlace(id, evse, location)}: ${reason}`);
			return;
		}
		const earlier = evse.connectors.get(id);
		if (!earlier) {
			evse.connectors.set(id, { id, value: out.value, updated: out.updated, sources: [record.sourceIndex], notes: out.notes, conflict: undefined });
			return;
		}
		if (earlier.sources.includes(record.sourceIndex)) {
			this.reject(record.sourceIndex, `${connectorPlace(id, evse, location)} appears twice in the same item: give each connector its own number`);
			return;
		}
		const difference = earlier.conflict ?? differenceOf(earlier.value, out.value);
		earlier.sources.push(record.sourceIndex);
		if (difference === undefined) {
			(earlier.notes ??= []).push(`described by items ${earlier.sources.join(', ')} with the same data (merged)`);
			return;
		}
		earlier.conflict = difference;
	}

	/** Reports conflicting connectors on every item that described them (called once, after all records). */
	reportConflicts(): void {
		for (const location of this.locations.values()) {
			for (const evse of location.evses.values()) {
				for (const connector of evse.connectors.values()) {
					if (connector.conflict === undefined) continue;
					const items = connector.sources.join(' and ');
					const reason = `items ${items} describe connector '${connector.id}' of EVSE '${evse.uid}' at location '${location.id}' differently (${connector.conflict}): correct the source data so they agree, or give them different connector numbers`;
					for (const source of connector.sources) this.reject(source, reason);
				}
			}
		}
	}
}

interface UidOwner {
	chargePoint: string;
	bay: string;
}

/** A Location's or EVSE's own fields before its first record is read: every entry gets the same shape from the start. */
const UNREAD = { value: undefined, updated: undefined, failed: undefined, notes: undefined, first: undefined } as const;

function ownerText({ chargePoint, bay }: UidOwner): string {
	return `charge point '${chargePoint}'${bay ? ` bay '${bay}'` : ''}`;
}

function chargePointIdentity(location: unknown, chargePoint: unknown): string {
	return `${String(location ?? '').trim()}\u0000${String(chargePoint ?? '').trim()}`;
}

function connectorPlace(id: string, evse: EvseEntry, location: LocationEntry): string {
	return `connector '${id}' of EVSE '${evse.uid}' at location '${location.id}'`;
}

/** The first field two versions of a connector disagree on, e.g. "max_electric_power 22000 vs 11000". */
function differenceOf(a: Record<string, unknown>, b: Record<string, unknown>): string | undefined {
	const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
	for (const key of keys) {
		if (!sameJson(a[key], b[key])) return `${key} ${JSON.stringify(a[key]) ?? 'missing'} vs ${JSON.stringify(b[key]) ?? 'missing'}`;
	}
	return undefined;
}

export type { ConnectorEntry };
