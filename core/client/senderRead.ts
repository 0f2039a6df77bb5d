/**
 * The bulk read: every Location the CPMS holds for our party, from its Locations Sender interface
 * (OCPI 2.2.1 mod_locations §Sender GET list: offset/limit, Link rel="next", X-Total-Count, X-Limit),
 * page by page. The read counts as complete only when every page arrived, the last one had no next
 * link and the number of distinct Locations equals the CPMS's total (X-Total-Count, needed once there is more
 * than one page); anything less and the caller must
 * read the Locations it did not see one by one (absent from a partial read proves nothing).
 */
import { linkWithRel } from '../changeDetection/linkHeader';
import { isRecord } from '../foundation/json';
import { ledgerKey } from '../sync/ledger';
import type { JsonObject } from '../sync/types';
import type { OcpiVersion } from '../ocpi/version';
import { OcpiError } from './ocpiError';
import type { CallResult } from './ocpiRequest';
import { headerValue } from './ocpiResponse';
import type { Party } from './types';
import { findEndpoint, type Endpoint } from './versionDiscovery';

export interface SenderReadOptions {
	/** Asked of the CPMS per page; it may answer with fewer (X-Limit). */
	pageLimit?: number;
	/** Only Locations changed in [dateFrom, dateTo) (OCPI DateTime); a filtered read is never complete for absence. */
	dateFrom?: string;
	dateTo?: string;
	/** A safety stop against a Link loop; 0 = none. */
	maxPages?: number;
	/** Asked after the first page with the number of pages the whole read takes: false stops there (the caller GETs instead). */
	worthReading?: (pages: number) => boolean;
}

export interface SenderRead<T = JsonObject> {
	/** Locations of our party (or what `keep` made of each) by ledgerKey (COUNTRY*PARTY*ID, CiString rules of the version). */
	locations: Map<string, T>;
	/** True only when a Location missing from `locations` is really not at the CPMS. */
	complete: boolean;
	pages: number;
	/** Different Locations listed, of any party (what X-Total-Count counts). */
	listed: number;
	/** X-Total-Count of the last page read, when the CPMS sent one. */
	total?: number;
	/** Why the read is not complete, for the run's notice. */
	incompleteReason?: string;
	/** Stopped after the first page on purpose (worthReading said no): not a problem to report. */
	notWorthReading?: boolean;
}

export const SENDER_READ_DEFAULTS = { pageLimit: 1000, maxPages: 100_000 };

/** The Locations Sender endpoint of the version details; OCPI 2.1.1 endpoints carry no role, so there is none to find. */
export function senderLocationsEndpoint(endpoints: Endpoint[], version: OcpiVersion): Endpoint | undefined {
	return version === '2.1.1' ? undefined : findEndpoint(endpoints, version, 'locations', 'SENDER');
}

export function firstSenderPageUrl(endpointUrl: string, options: SenderReadOptions): string {
	const url = new URL(endpointUrl);
	url.searchParams.set('offset', '0');
	url.searchParams.set('limit', String(options.pageLimit ?? SENDER_READ_DEFAULTS.pageLimit));
	if (options.dateFrom) url.searchParams.set('date_from', options.dateFrom);
	if (options.dateTo) url.searchParams.set('date_to', options.dateTo);
	return url.toString();
}

function totalOf(result: CallResult): number | undefined {
	const value = Number(headerValue(result.headers, 'x-total-count'));
	return Number.isInteger(value) && value >= 0 ? value : undefined;
}

/** Every Link header line (a transport may give repeated headers as an array). */
function linkHeader(headers: CallResult['headers']): string | string[] | undefined {
	const entry = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'link');
	return entry?.[1];
}

function ours(location: JsonObject, party: Party): boolean {
	// a hub's Sender may list other parties' Locations: only ours are compared
	const country = typeof location.country_code === 'string' ? location.country_code.toUpperCase() : undefined;
	const partyId = typeof location.party_id === 'string' ? location.party_id.toUpperCase() : undefined;
	return country === party.country_code.toUpperCase() && partyId === party.party_id.toUpperCase();
}

/**
 * Reads pages until the CPMS says there is no next one; a failed page ends the read as incomplete (never throws for it).
 * `keep` turns each Location of ours into what is kept of it (e.g. its fingerprint), so a large network's bodies
 * need not stay in memory.
 */
export async function readSenderLocations<T = JsonObject>(
	getPage: (url: string) => Promise<CallResult>,
	endpointUrl: string,
	version: OcpiVersion,
	party: Party,
	options: SenderReadOptions = {},
	keep: (location: JsonObject) => T = (location) => location as T,
): Promise<SenderRead<T>> {
	const locations = new Map<string, T>();
	const maxPages = options.maxPages ?? SENDER_READ_DEFAULTS.maxPages;
	const collect = (data: unknown[]): void => {
		for (const item of data) {
			if (!isRecord(item) || typeof item.id !== 'string') continue;
			const key = ledgerKey({ country_code: String(item.country_code), party_id: String(item.party_id), location_id: item.id }, version);
			listed.add(key);
			if (ours(item, party)) locations.set(key, keep(item));
		}
	};
	let url: string | undefined = firstSenderPageUrl(endpointUrl, options);
	let pages = 0;
	let firstTotal: number | undefined;
	let total: number | undefined;
	// every Location listed, ours or not: a Location listed twice and one skipped must not add up to the total
	const listed = new Set<string>();
	while (url) {
		if (maxPages > 0 && pages >= maxPages) return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: `stopped after ${pages} pages (a Link loop?)` };
		let result: CallResult;
		try {
			result = await getPage(url);
		} catch (error) {
			const why = error instanceof OcpiError || error instanceof Error ? error.message : String(error);
			return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: `page ${pages + 1} failed: ${why}` };
		}
		pages += 1;
		if (!Array.isArray(result.data)) return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: `page ${pages} is not a list of Locations` };
		total = totalOf(result);
		if (pages === 1 && total !== undefined && options.worthReading) {
			const perPage = Number(headerValue(result.headers, 'x-limit')) || result.data.length || 1;
			const needed = Math.ceil(total / perPage);
			if (needed > 1 && !options.worthReading(needed)) {
				collect(result.data);
				return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: `${needed} pages would cost more than reading one by one`, notWorthReading: true };
			}
		}
		firstTotal ??= total;
		collect(result.data);
		const next = linkWithRel(linkHeader(result.headers), 'next');
		url = next === undefined ? undefined : new URL(next, url).toString();
	}
	if (options.dateFrom || options.dateTo) return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: 'filtered by date_from/date_to' };
	// Locations moved between pages while we read (offset paging over a changing list) show as a count that does not add up
	if (total !== undefined && (total !== firstTotal || listed.size !== total)) {
		return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: `the CPMS counted ${total} Locations (${firstTotal} at the start) but ${listed.size} different ones were listed` };
	}
	// OCPI's paginated answers SHALL carry X-Total-Count: without it a Location skipped between two pages goes unseen
	if (total === undefined && pages > 1) {
		return { locations, complete: false, pages, listed: listed.size, total, incompleteReason: `the CPMS sent no X-Total-Count over ${pages} pages, so a Location skipped between pages could not be seen` };
	}
	return { locations, complete: true, pages, listed: listed.size, total };
}
