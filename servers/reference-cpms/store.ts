/**
 * The CPMS's state (Locations per version and party, registration tokens) in an embedded SQLite database
 * (better-sqlite3): one row per Location, so a write costs the same with 10 or 100,000 Locations stored, and a
 * restart keeps everything. Without a data file the database lives in memory (tests start many servers).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { OCPI_VERSIONS, type OcpiVersion } from '../../core/ocpi/version';
import { openDatabase, type Database, type Statement } from './sqlite';
import { listStoredLocations, type LocationPage, type LocationPageQuery } from './senderLocations';
import { dateTimeSortKey } from './sortKey';

export type Json = Record<string, any>;

export interface Registration {
	/** The version the client registered with. */
	version: OcpiVersion;
	/** CREDENTIALS_TOKEN_B: what the CPMS uses to call the client. */
	clientToken: string;
	/** The client's versions URL. */
	clientUrl: string;
	/** 2.2.1 roles, or the 2.1.1 party fields, as the client sent them. */
	clientRoles: Json[];
	/** CREDENTIALS_TOKEN_C: what the client uses to call the CPMS. */
	serverToken: string;
	registeredAt: string;
	callback?: { ok: boolean; detail: string; endpoints?: Json[] };
}

/** A full copy of the state, as the admin view shows it (tests compare it before and after). */
export interface CpmsData {
	/** version → "CC*PID" → location id key → Location as stored. */
	locations: Record<OcpiVersion, Record<string, Record<string, Json>>>;
	registration: Registration | null;
	/** Token A values that have been used up by a handshake (they stay void across restarts). */
	voidTokensA: string[];
}


/** CiStrings (2.2.1 and 2.3.0 ids, country_code, party_id) compare case-insensitively; 2.1.1 ids are case-sensitive. */
export function idKey(version: OcpiVersion, id: string): string {
	return version === '2.1.1' ? id : id.toUpperCase();
}

export function partyKey(countryCode: string, partyId: string): string {
	return `${countryCode.toUpperCase()}*${partyId.toUpperCase()}`;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS locations (
	version TEXT NOT NULL,
	party TEXT NOT NULL,
	id_key TEXT NOT NULL,
	updated_key TEXT NOT NULL,
	body TEXT NOT NULL,
	UNIQUE (version, party, id_key)
);
CREATE INDEX IF NOT EXISTS locations_by_update ON locations (version, party, updated_key, id_key);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

// Dates compare on their sort key; without a bound the whole range matches.
const LOWEST = '';
const HIGHEST = '\uffff';
// SQLite reads a negative LIMIT as none
const NO_LIMIT = -1;

interface LocationRow {
	party: string;
	id_key: string;
	body: string;
}

export class CpmsStore {
	private readonly db: Database;
	private readonly statements: {
		get: Statement;
		upsert: Statement;
		all: Statement;
		count: Statement;
		page: Statement;
		pageTotal: Statement;
		setState: Statement;
	};
	private currentRegistration: Registration | null;
	private readonly voidTokensA: Set<string>;

	constructor(file: string | undefined) {
		if (file) mkdirSync(dirname(file), { recursive: true });
		this.db = openDatabase(file);
		this.db.exec(SCHEMA);
		this.statements = {
			get: this.db.prepare('SELECT body FROM locations WHERE version = ? AND party = ? AND id_key = ?').pluck(),
			upsert: this.db.prepare(
				`INSERT INTO locations (version, party, id_key, updated_key, body) VALUES (?, ?, ?, ?, ?)
				 ON CONFLICT (version, party, id_key) DO UPDATE SET updated_key = excluded.updated_key, body = excluded.body`,
			),
			all: this.db.prepare('SELECT party, id_key, body FROM locations WHERE version = ? ORDER BY rowid LIMIT ?'),
			count: this.db.prepare('SELECT count(*) FROM locations WHERE version = ?').pluck(),
			page: this.db
				.prepare(
					`SELECT body FROM locations WHERE version = ? AND party = ? AND updated_key >= ? AND updated_key < ?
					 ORDER BY updated_key, id_key LIMIT ? OFFSET ?`,
				)
				.pluck(),
			pageTotal: this.db.prepare('SELECT count(*) FROM locations WHERE version = ? AND party = ? AND updated_key >= ? AND updated_key < ?').pluck(),
			setState: this.db.prepare('INSERT INTO state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value'),
		};
		const state = this.db.prepare('SELECT value FROM state WHERE key = ?').pluck();
		this.currentRegistration = parsedOr(state.get('registration'), null);
		this.voidTokensA = new Set(parsedOr<string[]>(state.get('voidTokensA'), []));
	}

	location(version: OcpiVersion, party: string, id: string): Json | undefined {
		const body = this.statements.get.get(version, party, idKey(version, id)) as string | undefined;
		return body === undefined ? undefined : (JSON.parse(body) as Json);
	}

	/** One row written (insert or update in place): the cost does not grow with what is stored. */
	setLocation(version: OcpiVersion, party: string, id: string, location: Json): void {
		this.statements.upsert.run(version, party, idKey(version, id), dateTimeSortKey(location.last_updated), JSON.stringify(location));
	}

	/** A page of one party's Locations (undefined = every party), ordered by last_updated then id: the Sender interface's list. */
	listLocations(version: OcpiVersion, party: string | undefined, query: LocationPageQuery): LocationPage {
		// a client that names no party is rare (tests); it gets the in-memory answer over every party
		if (party === undefined) return listStoredLocations(this.allLocations(version), undefined, query);
		const from = query.dateFrom === undefined ? LOWEST : dateTimeSortKey(query.dateFrom);
		const to = query.dateTo === undefined ? HIGHEST : dateTimeSortKey(query.dateTo);
		const total = this.statements.pageTotal.get(version, party, from, to) as number;
		const bodies = this.statements.page.all(version, party, from, to, Math.max(0, query.limit), Math.max(0, query.offset)) as string[];
		return { total, items: bodies.map((body) => JSON.parse(body) as Json) };
	}

	countLocations(version: OcpiVersion): number {
		return this.statements.count.get(version) as number;
	}

	/** Every stored Location of a version (or the first `limit`) with its party key, in the order they first arrived. */
	allLocations(version: OcpiVersion, limit = NO_LIMIT): Array<{ party: string; location: Json }> {
		return this.rows(version, limit).map((row) => ({ party: row.party, location: JSON.parse(row.body) as Json }));
	}

	get registration(): Registration | null {
		return this.currentRegistration;
	}

	isVoidTokenA(token: string): boolean {
		return this.voidTokensA.has(token);
	}

	setRegistration(registration: Registration | null, voidTokenA?: string): void {
		this.db.transaction(() => {
			this.statements.setState.run('registration', JSON.stringify(registration));
			if (voidTokenA !== undefined && !this.voidTokensA.has(voidTokenA)) {
				this.statements.setState.run('voidTokensA', JSON.stringify([...this.voidTokensA, voidTokenA]));
			}
		})();
		this.currentRegistration = registration;
		if (voidTokenA !== undefined) this.voidTokensA.add(voidTokenA);
	}

	/** A full copy of the state: for the admin view and tests, not for anything per request. */
	get data(): CpmsData {
		const locations = Object.fromEntries(OCPI_VERSIONS.map((version) => [version, {}])) as CpmsData['locations'];
		for (const version of OCPI_VERSIONS) {
			for (const row of this.rows(version)) (locations[version][row.party] ??= {})[row.id_key] = JSON.parse(row.body) as Json;
		}
		return { locations, registration: this.currentRegistration, voidTokensA: [...this.voidTokensA] };
	}

	private rows(version: OcpiVersion, limit = NO_LIMIT): LocationRow[] {
		return this.statements.all.all(version, limit) as LocationRow[];
	}

	close(): void {
		if (this.db.open) this.db.close();
	}
}

function parsedOr<T>(value: unknown, fallback: T): T {
	return typeof value === 'string' ? (JSON.parse(value) as T) : fallback;
}
