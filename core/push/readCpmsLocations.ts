/**
 * Read CPMS Locations: the CPMS's Locations Sender interface read ONCE, every Location of our party
 * turned into a ledger row (its key and the fingerprint of what the CPMS holds, verified now). Run once
 * in the parent of a batched sync, these rows let every batch skip the read for unchanged Locations
 * (CPMS Read "ledger"), and a complete read lets them create new Locations with one PUT and no GET.
 * Only keys and fingerprints are kept, never the bodies: 60,000 Locations stay a few MB.
 */
import type { OcpiClient } from '../client';
import { readSenderLocations, senderLocationsEndpoint, type SenderReadOptions } from '../client/senderRead';
import type { Party } from '../client/types';
import { fingerprintLocation } from '../sync/fingerprint';
import type { LedgerRow } from '../sync/ledger';
import { toOcpiDateTime } from '../sync/timestamps';
import { failureOf, type PushFailure } from './syncOutcome';

export interface CpmsLocationsReport {
	/** True only when a Location missing from the rows is really not at the CPMS (every page, counts add up). */
	complete: boolean;
	/** The OCPI version spoken (it decides the key's CiString rule). */
	version?: string;
	pages: number;
	/** Different Locations the CPMS listed, of any party. */
	listed: number;
	/** Rows output: the Locations of our party. */
	rows: number;
	/** X-Total-Count as the CPMS sent it (absent when it sent none). */
	total?: number;
	/** Why the read is not complete ('' when it is). */
	reason: string;
	/** Discovery failed: nothing was read. */
	failure?: PushFailure;
}

export interface CpmsLocationsRead {
	rows: LedgerRow[];
	report: CpmsLocationsReport;
}

export interface CpmsLocationsReadSettings {
	party: Party;
	now: Date;
	senderRead?: SenderReadOptions;
}

function nothingRead(reason: string, extra: Partial<CpmsLocationsReport> = {}): CpmsLocationsRead {
	return { rows: [], report: { complete: false, pages: 0, listed: 0, rows: 0, reason, ...extra } };
}

/** Never throws for the CPMS: a failed discovery or page is an incomplete report, so the caller never takes absence from it. */
export async function readCpmsLocations(client: OcpiClient, settings: CpmsLocationsReadSettings): Promise<CpmsLocationsRead> {
	let discovery;
	try {
		discovery = await client.discover();
	} catch (error) {
		const failure = failureOf(error);
		return nothingRead(`discovery failed: ${failure.message}`, { failure });
	}
	const { version } = discovery;
	const endpoint = senderLocationsEndpoint(discovery.endpoints, version);
	if (!endpoint) return nothingRead(`the CPMS offers no Locations SENDER endpoint for OCPI ${version}`, { version });
	// a filtered read cannot say what is absent: this operation always reads everything
	const options: SenderReadOptions = { ...settings.senderRead, dateFrom: undefined, dateTo: undefined, worthReading: undefined };
	const read = await readSenderLocations(client.getPage, endpoint.url, version, settings.party, options, (location) => fingerprintLocation(location, version));
	const verified = toOcpiDateTime(settings.now);
	const rows: LedgerRow[] = [];
	for (const [key, fingerprint] of read.locations) rows.push({ location_id: key, fingerprint, state: 'in_sync', reason: '', last_pushed: '', last_verified: verified });
	return {
		rows,
		report: { complete: read.complete, version, pages: read.pages, listed: read.listed, rows: rows.length, ...(read.total !== undefined ? { total: read.total } : {}), reason: read.incompleteReason ?? '' },
	};
}
