/**
 * The sync ledger: one row per Location with the fingerprint of what the CPMS last ACCEPTED. A Location
 * whose desired fingerprint equals its row's, with state in_sync and a recent enough read of the CPMS,
 * needs neither a GET nor a write. The ledger is a cache of the CPMS's state, never its truth: a row
 * becomes in_sync only after the CPMS accepted the write (echo checked), and a periodic verify reads
 * the CPMS again. A Location without a row proves nothing about the CPMS: it is read.
 */
import type { OcpiVersion } from '../ocpi/version';
import { instantMs } from '../foundation/dateTime';
import type { LocationIds } from './types';

export type LedgerState = 'in_sync' | 'pending' | 'failed';

/** The columns of a ledger row, as an n8n Data table stores them (strings; absent = empty). */
export interface LedgerRow {
	/** The key: country_code*party_id*id (upper case for OCPI 2.2.1, whose ids are CiStrings). */
	location_id: string;
	/** Of the Location as last accepted by the CPMS; empty when never accepted. */
	fingerprint: string;
	state: LedgerState;
	reason: string;
	/** OCPI DateTime of the last accepted write; empty when never written. */
	last_pushed: string;
	/** OCPI DateTime of the last time the CPMS was actually read for this Location; empty when never. */
	last_verified: string;
}

export interface Ledger {
	rows: Map<string, LedgerRow>;
	/** Rows that could not be read (no key, unknown state): they count as absent, so their Locations are read. */
	ignored: number;
}

const STATES: readonly LedgerState[] = ['in_sync', 'pending', 'failed'];

export function ledgerKey(ids: Pick<LocationIds, 'country_code' | 'party_id' | 'location_id'>, version: OcpiVersion): string {
	const id = version === '2.1.1' ? ids.location_id : ids.location_id.toUpperCase();
	return `${ids.country_code.toUpperCase()}*${ids.party_id.toUpperCase()}*${id}`;
}

function text(value: unknown): string {
	if (typeof value === 'string') return value;
	// a Data table may hand back dates as Date objects
	if (value instanceof Date) return value.toISOString();
	return value === undefined || value === null ? '' : String(value);
}

/** Reads rows as the Data table node returns them; `version` normalises keys the way ledgerKey writes them. */
export function readLedger(input: unknown, version: OcpiVersion): Ledger {
	const rows = new Map<string, LedgerRow>();
	let ignored = 0;
	for (const raw of Array.isArray(input) ? input : []) {
		const row = raw !== null && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
		// Read CPMS Locations ends its rows with its report: all its items may be passed as they are
		if (row.readReport === true) continue;
		const key = text(row.location_id);
		const state = text(row.state) as LedgerState;
		const parts = key.split('*');
		if (parts.length < 3 || parts.some((part) => part === '') || !STATES.includes(state)) {
			ignored += 1;
			continue;
		}
		const [country_code, party_id, ...rest] = parts;
		const normalised = ledgerKey({ country_code, party_id, location_id: rest.join('*') }, version);
		rows.set(normalised, {
			location_id: normalised,
			fingerprint: text(row.fingerprint),
			state,
			reason: text(row.reason),
			last_pushed: text(row.last_pushed),
			last_verified: text(row.last_verified),
		});
	}
	return { rows, ignored };
}

/** Why the CPMS must be read for this Location, or undefined when the row says it holds exactly this content. */
export function ledgerReadReason(row: LedgerRow | undefined, fingerprint: string, now: Date, verifyEveryDays: number): string | undefined {
	if (!row) return 'no ledger row';
	if (row.state !== 'in_sync') return `ledger state ${row.state}`;
	if (row.fingerprint !== fingerprint) return 'changed since the last accepted write';
	// a Data table may hand the date back in another form (Date, epoch): any instant counts
	const verified = instantMs(row.last_verified);
	if (verified === undefined) return 'never verified against the CPMS';
	if (now.getTime() - verified >= verifyEveryDays * 86_400_000) return `last verified ${row.last_verified}: verify due`;
	return undefined;
}

/** What the stored ledger needs for a row: insert (no row was given), update (it changed), none. */
export type LedgerWrite = 'insert' | 'update' | 'none';

/**
 * Only rows that changed are written (a Data table upserts about 75 ms per row). A later last_verified alone is
 * written once the stored one is older than half the verify interval, so the stored date never lets a verify fall due
 * needlessly, and an unchanged network is not rewritten on every run.
 */
export function ledgerWrite(given: LedgerRow | undefined, next: LedgerRow, now: Date, verifyEveryDays: number): LedgerWrite {
	if (!given) return 'insert';
	if (given.state !== next.state || given.fingerprint !== next.fingerprint || given.reason !== next.reason || given.last_pushed !== next.last_pushed) return 'update';
	if (given.last_verified === next.last_verified) return 'none';
	const verified = instantMs(given.last_verified);
	return verified === undefined || now.getTime() - verified >= (verifyEveryDays * 86_400_000) / 2 ? 'update' : 'none';
}
