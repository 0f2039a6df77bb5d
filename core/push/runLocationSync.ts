/**
 * The whole Sync Locations sequence, n8n-free: discover the CPMS, learn what it holds (one GET per
 * Location, one bulk read of its Locations Sender, or the ledger), plan each Location once and execute.
 *
 * What may stand in for a read of the CPMS:
 * - a complete bulk read: a Location of our party missing from it is absent, so a new one costs one PUT;
 *   a partial read (a failed page, counts that do not add up) proves nothing, its misses are read by GET;
 * - a ledger row in_sync with the same fingerprint and a recent enough read of the CPMS: no GET, no write;
 * - ledger rows that ARE a complete read of the CPMS (Read CPMS Locations, once per run): a Location of our
 *   party without a row is absent, so it costs one PUT.
 * A ledger row becomes in_sync only once the CPMS accepted every write of the Location (echo checked).
 */
import type { OcpiClient } from '../client';
import { pathOf, receiverUrl } from '../client/receiverUrl';
import { readSenderLocations, senderLocationsEndpoint, type SenderRead, type SenderReadOptions } from '../client/senderRead';
import type { Discovery } from '../client/versionDiscovery';
import { fingerprintLocation, planLocationSync, type JsonObject, type LocationIds, type PlanOptions, type StalenessPolicy } from '../sync';
import { isRecord } from '../foundation/json';
import { ledgerKey, ledgerReadReason, ledgerWrite, readLedger, type Ledger, type LedgerRow } from '../sync/ledger';
import { locationIds } from '../sync/planLocationSync';
import { forCpmsVersion, type VersionConversion } from '../sync/versionConversion';
import type { OcpiVersion } from '../ocpi/version';
import { toOcpiDateTime } from '../sync/timestamps';
import { keyVersionOfRows } from './rowKeyVersion';
import { runLimited } from './runLimited';
import { failed, failureOf, requestView, type CpmsReadSource, type PushAction, type PushFailure, type PushOutcome, type RequestView } from './syncOutcome';

/** perObject: GET per Location; bulk: the CPMS's Locations Sender, once per run; ledger: skip Locations the ledger vouches for. */
export type CpmsReadMode = 'perObject' | 'bulk' | 'ledger';

export interface LocationSyncSettings {
	removedEvsePolicy: PlanOptions['removedEvsePolicy'];
	dryRun: boolean;
	party: NonNullable<PlanOptions['party']>;
	now: Date;
	assumeCompleteWithoutMark: boolean;
	staleness: StalenessPolicy;
	cpmsRead: CpmsReadMode;
	/** CPMS Read "ledger": the rows as the Data table returns them. */
	ledgerRows: unknown[];
	/** CPMS Read "ledger": rows last read from the CPMS longer ago than this are read again. */
	verifyEveryDays: number;
	/**
	 * CPMS Read "ledger": the rows are a complete read of the CPMS (Read CPMS Locations said complete), so a Location
	 * of our party without a row is absent there: created with one PUT, no GET. Otherwise a missing row proves nothing.
	 */
	ledgerIsCompleteRead?: boolean;
	/**
	 * CPMS Read "ledger" with rows from Read CPMS Locations: the stored ledger (the Data table's rows). ledger_write
	 * compares each next row with its stored row (not with the read's), and last_pushed carries over from it.
	 */
	storedLedgerRows?: unknown[];
	/**
	 * CPMS Read "ledger": the OCPI version the rows were read in (Read CPMS Locations' report). Ledger mode discovers
	 * the CPMS only when a Location needs a read or a write, so a batch whose Locations all match their rows sends no
	 * request at all (not even discovery); until then the Locations are prepared in this version, else in the one
	 * whose id rule made the rows' keys. A CPMS found on another version: all is prepared again in that one.
	 */
	cpmsVersion?: OcpiVersion;
	/** Compute each Location's next ledger row (ledger mode, or an output that shows rows). */
	ledgerRowsWanted: boolean;
	/** Locations synced at the same time. */
	concurrency: number;
	/** Stop starting Locations once one failed (n8n without "continue on fail"). */
	stopAtFirstFailure: boolean;
	senderRead?: SenderReadOptions;
}

export interface CpmsReadReport {
	/** As asked. */
	mode: CpmsReadMode;
	/** Bulk only: pages read, whether the read was complete, what the CPMS counted. */
	pages?: number;
	complete?: boolean;
	total?: number;
	/** Something the user must know: a fallback, a partial bulk read, ledger rows that could not be read. */
	notice?: string;
}

export interface LocationSyncRun {
	/** One per input Location, same order; a Location not started (stopped at a failure) has none. */
	outcomes: Array<PushOutcome | undefined>;
	read: CpmsReadReport;
	/** Index of the first failed Location, when any. */
	firstFailure?: number;
}

/** What a sync did, in one word: withheld removals and stale skips are never hidden behind `updated`. */
function syncAction(done: PushAction, requests: number, withheld: number, stale: number): PushAction {
	if (withheld === 0 && stale === 0) return done;
	if (done === 'planned') return done;
	return requests === 0 && withheld === 0 ? 'stale' : 'partial';
}

function partialIfDone(action: PushAction): PushAction {
	return action === 'failed' || action === 'planned' ? action : 'partial';
}

function idOf(location: unknown): string {
	const id = isRecord(location) ? location.id : undefined;
	return typeof id === 'string' ? id : '';
}

/** What keying a Location and making its ledger row needs: no CPMS. */
interface RowContext {
	settings: LocationSyncSettings;
	version: OcpiVersion;
	options: PlanOptions;
	nowText: string;
	ledger?: Ledger;
	/** The stored ledger, when it is not the rows that vouch (those came from a read). */
	stored?: Ledger;
}

/** Per run: what every Location's sync shares. */
interface RunContext extends RowContext {
	client: OcpiClient;
	/** Absent only while no Location needed the CPMS (ledger mode), or when discovery failed. */
	discovery?: Discovery;
	discoveryFailure?: PushFailure;
	bulk?: SenderRead;
}

function samePartyAs(ids: LocationIds, party: LocationSyncSettings['party']): boolean {
	return ids.country_code.toUpperCase() === party.country_code.toUpperCase() && ids.party_id.toUpperCase() === party.party_id.toUpperCase();
}

/** The CPMS's copy of a Location and where it came from; a GET only when nothing else can say. */
async function knownLocation(ctx: RunContext, ids: LocationIds, key: string, knownAbsent: boolean): Promise<{ known: JsonObject | undefined; read: CpmsReadSource }> {
	if (knownAbsent) return { known: undefined, read: 'completeRead' };
	const listed = ctx.bulk?.locations.get(key);
	if (listed) return { known: listed, read: 'bulk' };
	if (ctx.bulk?.complete && samePartyAs(ids, ctx.settings.party)) return { known: undefined, read: 'bulk' };
	return { known: await ctx.client.getLocation(ids), read: 'get' };
}

/** The row after this run. Only an accepted write (or a read that found the CPMS equal) makes a row in_sync. */
function nextLedgerRow(ctx: RowContext, prepared: Prepared, outcome: PushOutcome): LedgerRow {
	const { key, fingerprint, previous, stored } = prepared;
	// a row from a read knows nothing of our writes: the stored ledger does
	const lastPushed = previous?.last_pushed || stored?.last_pushed || '';
	// a failed Location keeps what the CPMS last accepted: the rows given say so, else the stored ledger
	const kept = {
		location_id: key,
		fingerprint: previous?.fingerprint || stored?.fingerprint || '',
		last_pushed: lastPushed,
		last_verified: previous?.last_verified || stored?.last_verified || '',
	};
	if (outcome.action === 'failed') return { ...kept, state: 'failed', reason: outcome.failure?.message ?? 'failed' };
	if (outcome.action === 'planned') return { ...kept, state: previous?.state ?? 'pending', reason: 'dry run: nothing written' };
	const trusted = outcome.read === 'ledger' && previous !== undefined;
	if (trusted && outcome.action !== 'partial') return { ...previous, last_pushed: lastPushed };
	const wrote = outcome.requests.length > 0;
	// a trusted row was not read now: it keeps the date of its last read
	const accepted = { location_id: key, fingerprint, last_pushed: wrote ? ctx.nowText : kept.last_pushed, last_verified: trusted ? kept.last_verified : ctx.nowText };
	if (outcome.action === 'partial' || outcome.action === 'stale') {
		const reasons = [
			...(outcome.withheld ?? []).map((w) => `${w.path} withheld: ${w.reason}`),
			...(outcome.stale ?? []).map((s) => `${s.path} stale: ${s.reason}`),
			...(outcome.conversion ? [`converted to OCPI ${outcome.conversion.to}: ${outcome.conversion.losses.map((loss) => loss.path).join(', ')} lost or changed`] : []),
		];
		// the CPMS differs from the asset data on purpose: read it again next run
		return { ...accepted, fingerprint: wrote ? fingerprint : kept.fingerprint, state: 'pending', reason: reasons.join('; ') };
	}
	return { ...accepted, state: 'in_sync', reason: '' };
}

function executionFailure(locationId: string, requests: RequestView[]): PushFailure {
	const first = requests.find((request) => !request.ok && !request.skipped);
	return {
		message: first?.error ?? `Location ${locationId}: the CPMS did not accept every change`,
		httpStatus: first?.httpStatus,
		statusCode: first?.statusCode,
		statusMessage: first?.statusMessage,
	};
}

/** A Location before any request: its ids, ledger key and fingerprint, and whether the ledger vouches for it. */
interface Prepared {
	locationId: string;
	location?: JsonObject;
	ids?: LocationIds;
	key: string;
	fingerprint: string;
	previous?: LedgerRow;
	/** Its row in the stored ledger, when that was given apart from the rows that vouch. */
	stored?: LedgerRow;
	/** The ledger says the CPMS holds exactly this: no read, no write. */
	trusted: boolean;
	/** Rows from a complete read have none for it: the CPMS does not hold it (one PUT, no GET). */
	knownAbsent: boolean;
	/** What converting down to the CPMS's version lost or changed (nothing is cut silently). */
	conversion?: VersionConversion;
	error?: unknown;
}

function prepare(ctx: RowContext, given: unknown): Prepared {
	const locationId = idOf(given);
	const converted = forCpmsVersion(given, ctx.version);
	const { conversion } = converted;
	if (converted.refused) {
		// refused before any request, yet its row is keyed: its stored row says failed, not a stray plain id
		const ids = isRecord(given) ? idsOrUndefined(ctx, given) : undefined;
		const key = ids ? ledgerKey(ids, ctx.version) : '';
		const rows = { previous: ctx.ledger?.rows.get(key), stored: ctx.stored?.rows.get(key) };
		return { locationId, key, fingerprint: '', ...rows, trusted: false, knownAbsent: false, conversion, error: new Error(converted.refused) };
	}
	const location = converted.location;
	try {
		if (!isRecord(location)) throw new Error('The desired Location must be an object');
		const ids = locationIds(location, ctx.options);
		const key = ledgerKey(ids, ctx.version);
		const fingerprint = ctx.settings.ledgerRowsWanted ? fingerprintLocation(location, ctx.version) : '';
		const previous = ctx.ledger?.rows.get(key);
		const trusted = ctx.ledger !== undefined && ledgerReadReason(previous, fingerprint, ctx.settings.now, ctx.settings.verifyEveryDays) === undefined;
		const knownAbsent = ctx.ledger !== undefined && ctx.settings.ledgerIsCompleteRead === true && !previous && samePartyAs(ids, ctx.settings.party);
		return { locationId, location, ids, key, fingerprint, previous, stored: ctx.stored?.rows.get(key), trusted, knownAbsent, conversion };
	} catch (error) {
		return { locationId, key: '', fingerprint: '', trusted: false, knownAbsent: false, conversion, error };
	}
}

/** The outcome with its conversion report and, when rows are wanted, the Location's next ledger row. */
function withRow(ctx: RowContext, prepared: Prepared, given: PushOutcome): PushOutcome {
	const { conversion, key } = prepared;
	// what the conversion lost never reaches the CPMS: the sync is partial, not done
	const converted = conversion ? { ...given, conversion, action: partialIfDone(given.action) } : given;
	if (!ctx.settings.ledgerRowsWanted || key === '') return converted;
	const ledger = nextLedgerRow(ctx, prepared, converted);
	const compared = ctx.stored ? prepared.stored : prepared.previous;
	return { ...converted, ledger, ledgerWrite: ledgerWrite(compared, ledger, ctx.settings.now, ctx.settings.verifyEveryDays) };
}

/** One Location: read (or trust the ledger), plan once, execute. */
async function syncOne(ctx: RunContext, prepared: Prepared): Promise<PushOutcome> {
	const { locationId, location, ids, key } = prepared;
	const finish = (given: PushOutcome): PushOutcome => withRow(ctx, prepared, given);
	let read: CpmsReadSource | undefined;
	try {
		if (prepared.trusted) return finish({ locationId, action: 'unchanged', requests: [], changes: [], withheld: [], stale: [], read: 'ledger' });
		const { discovery } = ctx;
		// not even its version is known: the cause is the failed discovery, not what preparing in a guessed version said
		if (!discovery && ctx.discoveryFailure) return finish(failed(locationId, ctx.discoveryFailure));
		if (prepared.error !== undefined || !location || !ids) throw prepared.error;
		if (!discovery) return finish(failed(locationId, { message: 'The CPMS was not discovered' }));
		const cpms = await knownLocation(ctx, ids, key, prepared.knownAbsent);
		read = cpms.read;
		const plan = planLocationSync(location, cpms.known, ctx.options);
		const { withheld, stale } = plan;
		const outcome = (done: PushAction, requests: RequestView[]): PushOutcome =>
			finish({ locationId, action: syncAction(done, plan.requests.length, withheld.length, stale.length), requests, changes: plan.changes, withheld, stale, read });
		if (plan.requests.length === 0) return outcome('unchanged', []);
		if (ctx.settings.dryRun) {
			const requests = plan.requests.map((request) => ({
				method: request.method,
				path: pathOf(receiverUrl(discovery.locationsUrl, request.level, request.ids)),
				ok: true,
				attempts: 0,
				reason: request.reason,
				body: request.body,
			}));
			return outcome('planned', requests);
		}
		const execution = await ctx.client.executePlan(plan);
		const requests = execution.results.map(requestView);
		if (!execution.ok) return finish({ ...failed(locationId, executionFailure(locationId, requests), requests, plan.changes), withheld, stale, read });
		return outcome(plan.action === 'create' ? 'created' : 'updated', requests);
	} catch (error) {
		return finish({ ...failed(locationId, failureOf(error)), ...(read ? { read } : {}) });
	}
}

/**
 * Ledger mode reads the Locations the ledger cannot vouch for through the bulk read when the CPMS offers one
 * and it takes fewer requests than their GETs (decided on the first page, which tells the CPMS's total).
 */
export const LEDGER_BULK_MIN = 20;

async function bulkRead(
	client: OcpiClient,
	discovery: Discovery,
	settings: LocationSyncSettings,
	toRead?: number,
): Promise<{ bulk?: SenderRead; report: CpmsReadReport }> {
	const endpoint = senderLocationsEndpoint(discovery.endpoints, discovery.version);
	if (!endpoint && toRead !== undefined) return { report: { mode: settings.cpmsRead } };
	if (!endpoint) {
		const notice = `Bulk read not possible: the CPMS offers no Locations SENDER endpoint for OCPI ${discovery.version}; every Location was read with its own GET instead`;
		return { report: { mode: 'bulk', notice } };
	}
	const worthReading = toRead === undefined ? undefined : (pages: number) => pages < toRead;
	const bulk = await readSenderLocations(client.getPage, endpoint.url, discovery.version, settings.party, { ...settings.senderRead, worthReading });
	const report: CpmsReadReport = { mode: settings.cpmsRead, pages: bulk.pages, complete: bulk.complete, total: bulk.total };
	if (!bulk.complete && !bulk.notWorthReading) report.notice = `The bulk read was not complete (${bulk.incompleteReason}): Locations not in it were read with their own GET`;
	return { bulk, report };
}

function runContext(client: OcpiClient, settings: LocationSyncSettings, version: OcpiVersion, discovery: Discovery | undefined): RunContext {
	return { ...rowContext(settings, version), client, discovery };
}

function planOptions(settings: LocationSyncSettings, version: OcpiVersion): PlanOptions {
	return {
		version,
		removedEvsePolicy: settings.removedEvsePolicy,
		now: settings.now,
		party: settings.party,
		assumeCompleteWithoutMark: settings.assumeCompleteWithoutMark,
		staleness: settings.staleness,
	};
}

function rowContext(settings: LocationSyncSettings, version: OcpiVersion): RowContext {
	const ctx: RowContext = { settings, version, options: planOptions(settings, version), nowText: toOcpiDateTime(settings.now) };
	if (settings.cpmsRead === 'ledger') {
		ctx.ledger = readLedger(settings.ledgerRows, version);
		if (settings.storedLedgerRows) ctx.stored = readLedger(settings.storedLedgerRows, version);
	}
	return ctx;
}

/**
 * Every Location failed before the CPMS was discovered (its discovery failed, or the node could not even start). Each
 * still gets its ledger row under its COUNTRY*PARTY*ID key (the id rule of OCPI Version of the Rows, else of the rows
 * given, else of 2.2.1 and 2.3.0), state failed with the cause, keeping the fingerprint and dates of its given or
 * stored row: an upsert of the rows is right.
 */
export function failedBeforeDiscovery(locations: readonly unknown[], settings: LocationSyncSettings, failure: PushFailure): PushOutcome[] {
	const outcomes = locations.map((location) => failed(idOf(location), failure));
	if (!settings.ledgerRowsWanted) return outcomes;
	const { version, ids } = undiscoveredVersion(locations, settings);
	const ctx = rowContext(settings, version);
	return outcomes.map((outcome, index) => {
		const one = ids[index];
		if (!one) return outcome;
		const key = ledgerKey(one, version);
		const prepared: Prepared = { locationId: outcome.locationId, key, fingerprint: '', previous: ctx.ledger?.rows.get(key), stored: ctx.stored?.rows.get(key), trusted: false, knownAbsent: false };
		return withRow(ctx, prepared, outcome);
	});
}

function idsOrUndefined(ctx: Pick<RowContext, 'options'>, location: JsonObject): LocationIds | undefined {
	try {
		return locationIds(location, ctx.options);
	} catch {
		return undefined;
	}
}

/**
 * The version a run works in before it has asked the CPMS anything (its discovery not needed yet, or failed): OCPI
 * Version of the Rows, else the version whose id rule made the keys of the rows given, else 2.2.1. Only a guess for
 * what the CPMS speaks now, so discovery, once a Location needs it, checks it (core/push/rowKeyVersion.ts).
 */
function undiscoveredVersion(locations: readonly unknown[], settings: LocationSyncSettings): { version: OcpiVersion; ids: Array<LocationIds | undefined> } {
	const plain = { options: planOptions(settings, '2.2.1') };
	const ids = locations.map((location) => (isRecord(location) ? idsOrUndefined(plain, location) : undefined));
	if (settings.cpmsVersion) return { version: settings.cpmsVersion, ids };
	const given = [...(settings.cpmsRead === 'ledger' ? settings.ledgerRows : []), ...(settings.storedLedgerRows ?? [])];
	return { version: keyVersionOfRows(ids.filter((one) => one !== undefined), given) ?? '2.2.1', ids };
}

/** A Location the CPMS must be asked about (read or written): the ledger does not vouch for it. */
const needsCpms = (p: Prepared) => !p.trusted && p.error === undefined;

/**
 * A Location whose handling needs the CPMS's version for sure: the ledger does not vouch for it, or, the version
 * being only guessed (no OCPI Version of the Rows), its conversion down to it lost or refused something.
 */
const needsDiscovery = (settings: LocationSyncSettings) => (p: Prepared) => needsCpms(p) || (p.conversion !== undefined && !settings.cpmsVersion);

export async function runLocationSync(client: OcpiClient, locations: readonly unknown[], settings: LocationSyncSettings): Promise<LocationSyncRun> {
	const outcomes: Array<PushOutcome | undefined> = new Array(locations.length);
	// Sync Ledger asks the CPMS nothing until a Location needs it (a batch the rows all vouch for sends no request);
	// the other modes read every Location, so they discover first
	const lazy = settings.cpmsRead === 'ledger';
	let discovery: Discovery | undefined;
	if (!lazy) {
		try {
			discovery = await client.discover();
		} catch (error) {
			// nothing can be synced without the CPMS's endpoints: every Location fails with the same cause
			const outcomes = failedBeforeDiscovery(locations, settings, failureOf(error));
			return { outcomes, read: { mode: settings.cpmsRead }, firstFailure: locations.length > 0 ? 0 : undefined };
		}
	}
	let ctx = runContext(client, settings, discovery?.version ?? undiscoveredVersion(locations, settings).version, discovery);
	let prepared = locations.map((location) => prepare(ctx, location));
	if (!discovery && prepared.some(needsDiscovery(settings))) {
		try {
			discovery = await client.discover();
			if (discovery.version === ctx.version) ctx.discovery = discovery;
			else {
				ctx = runContext(client, settings, discovery.version, discovery);
				prepared = locations.map((location) => prepare(ctx, location));
			}
		} catch (error) {
			// the Locations the ledger vouches for need no CPMS; the others fail with this cause
			ctx.discoveryFailure = failureOf(error);
		}
	}
	let read: CpmsReadReport = { mode: settings.cpmsRead };
	if (ctx.ledger && ctx.ledger.ignored > 0) read.notice = `${ctx.ledger.ignored} ledger row(s) had no usable location_id or state and were ignored (their Locations were read from the CPMS)`;
	const toRead = prepared.filter((p) => needsCpms(p) && !p.knownAbsent).length;
	if (ctx.discovery && ((settings.cpmsRead === 'bulk' && toRead > 0) || (settings.cpmsRead === 'ledger' && toRead >= LEDGER_BULK_MIN))) {
		const result = await bulkRead(client, ctx.discovery, settings, settings.cpmsRead === 'ledger' ? toRead : undefined);
		ctx.bulk = result.bulk;
		read = { ...result.report, ...(read.notice && !result.report.notice ? { notice: read.notice } : {}) };
	}
	let firstFailure: number | undefined;
	await runLimited(locations.length, settings.concurrency, () => settings.stopAtFirstFailure && firstFailure !== undefined, async (index) => {
		const outcome = await syncOne(ctx, prepared[index]);
		outcomes[index] = outcome;
		if (outcome.action === 'failed' && (firstFailure === undefined || index < firstFailure)) firstFailure = index;
	});
	return { outcomes, read, firstFailure };
}
