/**
 * The Sync Locations options, read one way for a Sync that starts and for one that cannot (unstartedSync.ts): a
 * wrong option is a problem (a starting Sync fails with the first) and reads as its default, so the failed rows of
 * an unstarted Sync use the same rows, version and verify interval a started one would.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { LocationSyncSettings } from '../../core/push/runLocationSync';
import { OCPI_VERSIONS, type OcpiVersion } from '../../core/ocpi/version';

/** What the user must fix; `description` says how. */
export interface OptionProblem {
	message: string;
	description?: string;
}

export type SyncOptions = Pick<
	LocationSyncSettings,
	'removedEvsePolicy' | 'assumeCompleteWithoutMark' | 'staleness' | 'cpmsRead' | 'ledgerRows' | 'verifyEveryDays' | 'ledgerIsCompleteRead' | 'storedLedgerRows' | 'cpmsVersion'
>;

/** everyLocation: full items; ledgerRows: one compact row per Location; problemsAndSummary: problems, then a summary. */
export type PushOutput = 'everyLocation' | 'ledgerRows' | 'problemsAndSummary';

/** The choice, or (unknown) the first of the list, its default. */
export function choiceOf<T extends string>(value: unknown, allowed: readonly T[], label: string, problems: OptionProblem[]): T {
	if (value === undefined) return allowed[0];
	if (allowed.includes(value as T)) return value as T;
	problems.push({ message: `Unknown ${label} choice '${String(value)}'` });
	return allowed[0];
}

function nonNegative(value: unknown, fallback: number, problem: string, problems: OptionProblem[]): number {
	const given = value ?? fallback;
	if (typeof given === 'number' && Number.isFinite(given) && given >= 0) return given;
	problems.push({ message: `${problem} (got ${String(given)})` });
	return fallback;
}

/** The Ledger Rows option (or Stored Ledger Rows): an array from an expression, or JSON text; undefined when it is neither. */
function rowsOption(value: unknown, label: string, problems: OptionProblem[]): unknown[] | undefined {
	let rows = value ?? [];
	if (typeof rows === 'string') {
		try {
			rows = JSON.parse(rows.trim() === '' ? '[]' : rows);
		} catch {
			problems.push({ message: `${label} is not valid JSON`, description: "Give an expression that returns the rows, e.g. {{ $('Read sync ledger').all().map(item => item.json) }}" });
			return undefined;
		}
	}
	if (Array.isArray(rows)) return rows;
	problems.push({ message: `${label} must be an array of rows (got ${typeof rows})` });
	return undefined;
}

/** OCPI Version of the Rows: empty (the rows' keys tell), or a version this package speaks. */
function rowsVersion(value: unknown, problems: OptionProblem[]): OcpiVersion | undefined {
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return undefined;
	if ((OCPI_VERSIONS as readonly string[]).includes(text)) return text as OcpiVersion;
	problems.push({ message: `OCPI Version of the Rows must be one of ${OCPI_VERSIONS.join(', ')} or empty (got ${text})` });
	return undefined;
}

/** The Sync options from CPMS Read and the Options collection; the first value of each list is its default. */
export function readSyncOptions(cpmsReadValue: unknown, options: IDataObject): { sync: SyncOptions; problems: OptionProblem[] } {
	const problems: OptionProblem[] = [];
	const toleranceSeconds = nonNegative(options.clockToleranceSeconds, 5, 'Clock Tolerance must be a number of seconds, 0 or more', problems);
	const verifyEveryDays = nonNegative(options.verifyEveryDays, 7, 'Verify Against CPMS Every (Days) must be a number of days, 0 or more', problems);
	const cpmsRead = choiceOf(cpmsReadValue, ['perObject', 'bulk', 'ledger'] as const, 'CPMS Read', problems);
	const ledger = cpmsRead === 'ledger';
	const sync: SyncOptions = {
		cpmsRead,
		ledgerRows: (ledger ? rowsOption(options.ledgerRows, 'Ledger Rows', problems) : undefined) ?? [],
		verifyEveryDays,
		ledgerIsCompleteRead: ledger && options.ledgerIsCompleteRead === true,
		cpmsVersion: ledger ? rowsVersion(options.cpmsVersion, problems) : undefined,
		// not set: ledger_write compares with Ledger Rows themselves
		storedLedgerRows: ledger && options.storedLedgerRows !== undefined ? rowsOption(options.storedLedgerRows, 'Stored Ledger Rows', problems) : undefined,
		removedEvsePolicy: choiceOf(options.removedEvses, ['markRemoved', 'ignore'] as const, 'Removed EVSEs', problems),
		assumeCompleteWithoutMark: choiceOf(options.unmarkedLocations, ['incomplete', 'complete'] as const, 'Locations Without Completeness Mark', problems) === 'complete',
		staleness: {
			mode: choiceOf(options.olderThanCpms, ['skipOlder', 'assetWins'] as const, 'Data Older Than the CPMS', problems),
			toleranceSeconds,
			cpmsStamps: choiceOf(options.cpmsLastUpdated, ['kept', 'replaced'] as const, 'CPMS last_updated', problems),
		},
	};
	return { sync, problems };
}

/** CPMS Read, the Sync options and Output of the node (its Options collection given). */
export function readSyncParameters(context: IExecuteFunctions, options: IDataObject): { sync: SyncOptions; output: PushOutput; problems: OptionProblem[] } {
	const { sync, problems } = readSyncOptions(context.getNodeParameter('cpmsRead', 0, 'perObject'), options);
	const output = choiceOf(options.output, ['everyLocation', 'ledgerRows', 'problemsAndSummary'] as const, 'Output', problems);
	return { sync, output, problems };
}
