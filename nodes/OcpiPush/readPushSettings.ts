/** Turns the node's credential and parameters into core client options; a wrong setting throws. */
import { NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OcpiClientOptions, Party } from '../../core/client';
import { OCPI_VERSIONS, type OcpiVersion } from '../../core/ocpi/version';
import { readCpmsCredential } from './cpmsCredential';
import type { LocationSyncSettings } from '../../core/push/runLocationSync';
import { n8nTransport } from './n8nTransport';
import { registrationSecrets, type RegistrationSecrets } from './registration';

export type PushOperation = 'syncLocations' | 'readCpmsLocations' | 'setEvseStatus' | 'removeEvse' | 'getLocation' | 'register';
const OPERATIONS: readonly PushOperation[] = ['syncLocations', 'readCpmsLocations', 'setEvseStatus', 'removeEvse', 'getLocation', 'register'];

/** everyLocation: full items; ledgerRows: one compact row per Location; problemsAndSummary: problems, then a summary. */
export type PushOutput = 'everyLocation' | 'ledgerRows' | 'problemsAndSummary';

export interface PushSettings {
	operation: PushOperation;
	client: OcpiClientOptions;
	/** Our party: owner of the Locations in the receiver URLs when a Location carries none (2.1.1). */
	party: Party;
	/** Sync Locations: removals and the older-than-the-CPMS rule. */
	sync: Pick<LocationSyncSettings, 'removedEvsePolicy' | 'assumeCompleteWithoutMark' | 'staleness' | 'cpmsRead' | 'ledgerRows' | 'verifyEveryDays' | 'ledgerIsCompleteRead' | 'storedLedgerRows' | 'cpmsVersion'>;
	output: PushOutput;
	dryRun: boolean;
	addSummaryItem: boolean;
	concurrency: number;
	/** Register: Token A and Token B from the credential. */
	registration?: RegistrationSecrets;
}

function fail(context: IExecuteFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
}

function choice<T extends string>(context: IExecuteFunctions, value: unknown, allowed: readonly T[], label: string): T {
	if (value === undefined) return allowed[0];
	if (!allowed.includes(value as T)) fail(context, `Unknown ${label} choice '${String(value)}'`);
	return value as T;
}

/** The Sync options; the first value of each list is its default. */
function syncSettings(context: IExecuteFunctions, options: IDataObject): PushSettings['sync'] {
	const tolerance = options.clockToleranceSeconds ?? 5;
	if (typeof tolerance !== 'number' || !Number.isFinite(tolerance) || tolerance < 0) {
		fail(context, `Clock Tolerance must be a number of seconds, 0 or more (got ${String(tolerance)})`);
	}
	const verifyEveryDays = options.verifyEveryDays ?? 7;
	if (typeof verifyEveryDays !== 'number' || !Number.isFinite(verifyEveryDays) || verifyEveryDays < 0) {
		fail(context, `Verify Against CPMS Every (Days) must be a number of days, 0 or more (got ${String(verifyEveryDays)})`);
	}
	const cpmsRead = choice(context, context.getNodeParameter('cpmsRead', 0, 'perObject'), ['perObject', 'bulk', 'ledger'] as const, 'CPMS Read');
	return {
		cpmsRead,
		ledgerRows: cpmsRead === 'ledger' ? ledgerRows(context, options.ledgerRows) : [],
		verifyEveryDays,
		ledgerIsCompleteRead: cpmsRead === 'ledger' && options.ledgerIsCompleteRead === true,
		cpmsVersion: cpmsRead === 'ledger' ? rowsVersion(context, options.cpmsVersion) : undefined,
		// not set: ledger_write compares with Ledger Rows themselves
		storedLedgerRows: cpmsRead === 'ledger' && options.storedLedgerRows !== undefined ? ledgerRows(context, options.storedLedgerRows, 'Stored Ledger Rows') : undefined,
		removedEvsePolicy: choice(context, options.removedEvses, ['markRemoved', 'ignore'] as const, 'Removed EVSEs'),
		assumeCompleteWithoutMark: choice(context, options.unmarkedLocations, ['incomplete', 'complete'] as const, 'Locations Without Completeness Mark') === 'complete',
		staleness: {
			mode: choice(context, options.olderThanCpms, ['skipOlder', 'assetWins'] as const, 'Data Older Than the CPMS'),
			toleranceSeconds: tolerance,
			cpmsStamps: choice(context, options.cpmsLastUpdated, ['kept', 'replaced'] as const, 'CPMS last_updated'),
		},
	};
}

/** The Ledger Rows option (or Stored Ledger Rows): an array from an expression, or JSON text. */
function ledgerRows(context: IExecuteFunctions, value: unknown, label = 'Ledger Rows'): unknown[] {
	let rows = value ?? [];
	if (typeof rows === 'string') {
		try {
			rows = JSON.parse(rows.trim() === '' ? '[]' : rows);
		} catch {
			fail(context, `${label} is not valid JSON`, "Give an expression that returns the rows, e.g. {{ $('Read sync ledger').all().map(item => item.json) }}");
		}
	}
	if (!Array.isArray(rows)) fail(context, `${label} must be an array of rows (got ${typeof rows})`);
	return rows;
}

/** OCPI Version of the Rows: empty (discover first), or a version this package speaks. */
function rowsVersion(context: IExecuteFunctions, value: unknown): OcpiVersion | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	if (!(OCPI_VERSIONS as readonly string[]).includes(text)) fail(context, `OCPI Version of the Rows must be one of ${OCPI_VERSIONS.join(', ')} or empty (got ${text})`);
	return text as OcpiVersion;
}

/** A rate: fractions allowed (hubs allow e.g. 3.3 requests per second). */
function positiveRate(context: IExecuteFunctions, value: unknown, fallback: number, label: string): number {
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isFinite(number) || number <= 0) fail(context, `${label} must be a number above 0 (got ${String(value)})`);
	return number;
}

function positiveInteger(context: IExecuteFunctions, value: unknown, fallback: number, label: string): number {
	if (value === undefined || value === '') return fallback;
	const number = Number(value);
	if (!Number.isInteger(number) || number < 1) fail(context, `${label} must be a whole number of at least 1 (got ${String(value)})`);
	return number;
}

export async function readPushSettings(context: IExecuteFunctions): Promise<PushSettings> {
	const operation = context.getNodeParameter('operation', 0) as PushOperation;
	if (!OPERATIONS.includes(operation)) fail(context, `Unknown operation '${operation}'`);
	const data = await context.getCredentials('ocpiCpmsApi');
	// before the handshake the user has only Token A, kept in the credential beside the (still empty) Token
	const registration = operation === 'register' ? registrationSecrets(data) : undefined;
	const credential = readCpmsCredential(data, registration?.tokenA || undefined);
	if ('problem' in credential) fail(context, credential.problem);
	const { versionsUrl, token, tokenEncoding, party, to, versionPreference } = credential;

	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const concurrency = positiveInteger(context, options.concurrency, 4, 'Concurrency');
	return {
		operation,
		party,
		sync: syncSettings(context, options),
		output: choice(context, options.output, ['everyLocation', 'ledgerRows', 'problemsAndSummary'] as const, 'Output'),
		dryRun: options.dryRun === true,
		addSummaryItem: options.addSummaryItem === true,
		concurrency,
		registration,
		client: {
			versionsUrl,
			token,
			tokenEncoding,
			from: party,
			to,
			versionPreference,
			transport: n8nTransport(context),
			sleep,
			concurrency,
			maxRequestsPerSecond: positiveRate(context, options.maxRequestsPerSecond, 10, 'Max Requests per Second'),
			retry: { maxAttempts: positiveInteger(context, options.maxAttempts, 4, 'Max Attempts') },
			timeoutMs: positiveInteger(context, options.timeoutMs, 30_000, 'Timeout'),
			maxConnectionFailures: positiveInteger(context, options.maxConnectionFailures, 10, 'Stop After Connection Failures'),
		},
	};
}
