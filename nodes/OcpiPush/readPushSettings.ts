/** Turns the node's credential and parameters into core client options; a wrong setting throws. */
import { NodeOperationError, sleep, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';
import type { OcpiClientOptions, Party } from '../../core/client';
import { readCpmsCredential } from './cpmsCredential';
import { n8nTransport } from './n8nTransport';

export type PushOperation = 'syncLocations' | 'setEvseStatus' | 'removeEvse' | 'getLocation' | 'register';
const OPERATIONS: readonly PushOperation[] = ['syncLocations', 'setEvseStatus', 'removeEvse', 'getLocation', 'register'];

export interface PushSettings {
	operation: PushOperation;
	client: OcpiClientOptions;
	/** Our party: owner of the Locations in the receiver URLs when a Location carries none (2.1.1). */
	party: Party;
	removedEvsePolicy: 'markRemoved' | 'ignore';
	dryRun: boolean;
	addSummaryItem: boolean;
	concurrency: number;
}

function fail(context: IExecuteFunctions, message: string, description?: string): never {
	throw new NodeOperationError(context.getNode(), message, { description });
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
	// before the handshake the user has only Token A, given to the Register operation itself
	const credential = readCpmsCredential(data, operation === 'register' ? String(context.getNodeParameter('tokenA', 0, '')) : undefined);
	if ('problem' in credential) fail(context, credential.problem);
	const { versionsUrl, token, tokenEncoding, party, to } = credential;

	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const concurrency = positiveInteger(context, options.concurrency, 4, 'Concurrency');
	const removed = options.removedEvses ?? 'markRemoved';
	if (removed !== 'markRemoved' && removed !== 'ignore') fail(context, `Unknown Removed EVSEs choice '${String(removed)}'`);
	return {
		operation,
		party,
		removedEvsePolicy: removed,
		dryRun: options.dryRun === true,
		addSummaryItem: options.addSummaryItem === true,
		concurrency,
		client: {
			versionsUrl,
			token,
			tokenEncoding,
			from: party,
			to,
			transport: n8nTransport(context),
			sleep,
			concurrency,
			maxRequestsPerSecond: positiveInteger(context, options.maxRequestsPerSecond, 10, 'Max Requests per Second'),
			retry: { maxAttempts: positiveInteger(context, options.maxAttempts, 4, 'Max Attempts') },
			timeoutMs: positiveInteger(context, options.timeoutMs, 30_000, 'Timeout'),
			maxConnectionFailures: positiveInteger(context, options.maxConnectionFailures, 10, 'Stop After Connection Failures'),
		},
	};
}
