/** Turns the node's credential and parameters into core client options; a wrong setting throws. */
import { NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OcpiClientOptions, Party } from '../../core/client';
import { readCpmsCredential } from './cpmsCredential';
import { n8nTransport } from './n8nTransport';
import { registrationSecrets, type RegistrationSecrets } from './registration';
import { readSyncParameters, type PushOutput, type SyncOptions } from './syncOptions';

export type PushOperation = 'syncLocations' | 'readCpmsLocations' | 'setEvseStatus' | 'removeEvse' | 'getLocation' | 'register';
const OPERATIONS: readonly PushOperation[] = ['syncLocations', 'readCpmsLocations', 'setEvseStatus', 'removeEvse', 'getLocation', 'register'];

export interface PushSettings {
	operation: PushOperation;
	client: OcpiClientOptions;
	/** Our party: owner of the Locations in the receiver URLs when a Location carries none (2.1.1). */
	party: Party;
	/** Sync Locations: removals and the older-than-the-CPMS rule. */
	sync: SyncOptions;
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

/** The Sync options and Output, as unstartedSync.ts reads them too; the first problem stops the node. */
function syncOptions(context: IExecuteFunctions, options: IDataObject): Pick<PushSettings, 'sync' | 'output'> {
	const { sync, output, problems } = readSyncParameters(context, options);
	if (problems.length > 0) fail(context, problems[0].message, problems[0].description);
	return { sync, output };
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
		...syncOptions(context, options),
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
