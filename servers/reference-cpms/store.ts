/**
 * The CPMS's state (Locations per version and party, registration tokens), kept in memory and written
 * to a JSON file after every change: temp file + rename, so a crash never leaves half a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeJsonAtomically } from '../shared/jsonFile';
import type { OcpiVersion } from '../../core/ocpi/version';
import { listStoredLocations, type LocationPage, type LocationPageQuery } from './senderLocations';

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

export interface CpmsData {
	/** version → "CC*PID" → location id key → Location as stored. */
	locations: Record<OcpiVersion, Record<string, Record<string, Json>>>;
	registration: Registration | null;
	/** Token A values that have been used up by a handshake (they stay void across restarts). */
	voidTokensA: string[];
}

export function emptyData(): CpmsData {
	return { locations: { '2.2.1': {}, '2.1.1': {} }, registration: null, voidTokensA: [] };
}

/** CiStrings (2.2.1 ids, country_code, party_id) compare case-insensitively; 2.1.1 ids are case-sensitive. */
export function idKey(version: OcpiVersion, id: string): string {
	return version === '2.2.1' ? id.toUpperCase() : id;
}

export function partyKey(countryCode: string, partyId: string): string {
	return `${countryCode.toUpperCase()}*${partyId.toUpperCase()}`;
}

export class CpmsStore {
	data: CpmsData;

	constructor(private readonly file: string | undefined) {
		this.data = file && existsSync(file) ? load(file) : emptyData();
	}

	location(version: OcpiVersion, party: string, id: string): Json | undefined {
		return this.data.locations[version][party]?.[idKey(version, id)];
	}

	setLocation(version: OcpiVersion, party: string, id: string, location: Json): void {
		const parties = this.data.locations[version];
		(parties[party] ??= {})[idKey(version, id)] = location;
		this.save();
	}

	setRegistration(registration: Registration | null, voidTokenA?: string): void {
		this.data.registration = registration;
		if (voidTokenA !== undefined && !this.data.voidTokensA.includes(voidTokenA)) this.data.voidTokensA.push(voidTokenA);
		this.save();
	}

	/** Every stored Location of a version with its party key, for the web page and admin view. */
	allLocations(version: OcpiVersion): Array<{ party: string; location: Json }> {
		const out: Array<{ party: string; location: Json }> = [];
		for (const [party, byId] of Object.entries(this.data.locations[version])) {
			for (const location of Object.values(byId)) out.push({ party, location });
		}
		return out;
	}

	/** One page of a party's Locations (undefined = every party) by last_updated then id: the Sender interface's list. */
	listLocations(version: OcpiVersion, party: string | undefined, query: LocationPageQuery): LocationPage {
		return listStoredLocations(this.allLocations(version), party, query);
	}

	save(): void {
		if (!this.file) return;
		writeJsonAtomically(this.file, this.data);
	}
}

function load(file: string): CpmsData {
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CpmsData>;
	const base = emptyData();
	return {
		locations: { '2.2.1': parsed.locations?.['2.2.1'] ?? {}, '2.1.1': parsed.locations?.['2.1.1'] ?? {} },
		registration: parsed.registration ?? base.registration,
		voidTokensA: Array.isArray(parsed.voidTokensA) ? parsed.voidTokensA : [],
	};
}
