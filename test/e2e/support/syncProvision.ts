/**
 * The sync templates provisioned as a team would: the full scheduled sync, the real-time sync and the error
 * alert imported, with credentials pointing at the test's sample asset API and reference CPMS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { startReferenceCpms, type ReferenceCpms } from '../../../servers/reference-cpms';
import { startSampleAssetApi, type SampleAssetApi } from '../../../servers/sample-asset-api';
import { expectCliSuccess } from './cli';
import type { N8nInstance } from './n8nInstance';
import { createLedgerTable, useLedgerTable, type LedgerTable } from './ledger';
import { setupOwner, type N8nOwner } from './owner';
import { importCredentials } from './provision';
import { importTemplate, nodeOf, pointAtAssetApi, readTemplate, templateCredentials, type Template } from './templates';

export const FULL_SYNC_ID = 'ocpiFullSync0001';
export const REALTIME_SYNC_ID = 'ocpiRealtime0001';
export const ERROR_ALERT_ID = 'ocpiErrorAlert01';

export interface SyncSecrets {
	apiKey: string;
	cpmsToken: string;
	webhookSecret: string;
}

export interface SyncServers {
	/** A folder of the test's own, removed by close(). */
	dir: string;
	api: SampleAssetApi;
	cpms: ReferenceCpms;
	close(): Promise<void>;
}

/** The secrets the servers and the polling path need; the webhook secret only where the real-time sync runs. */
export type PollSecrets = Pick<SyncSecrets, 'apiKey' | 'cpmsToken'> & Partial<SyncSecrets>;

export interface SyncServerOptions {
	/** Sites in the generated network; default 10. */
	sites?: number;
	/** When set, the asset API answers a list read without paging parameters with the first page of this size. */
	defaultPageSize?: number;
}

/** A sample asset API (10 sites unless told) and a reference CPMS that accept the test's secrets, their data in a new folder. */
export async function startSyncServers(prefix: string, secrets: PollSecrets, options: SyncServerOptions = {}): Promise<SyncServers> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	const api = await startSampleAssetApi({
		port: 0,
		dataFile: path.join(dir, 'assets.json'),
		apiKey: secrets.apiKey,
		sites: options.sites ?? 10,
		quiet: true,
		defaultPageSize: options.defaultPageSize,
	});
	const cpms = await startReferenceCpms({ port: 0, dataFile: path.join(dir, 'cpms.json'), extraTokens: [secrets.cpmsToken], tokenEncoding: 'base64' });
	return {
		dir,
		api,
		cpms,
		async close() {
			await api.close();
			await cpms.close();
			fs.rmSync(dir, { recursive: true, force: true });
		},
	};
}

/** Imports the credentials these templates use, pointing at the test's servers, then the templates themselves. */
export async function importWithCredentials(
	n8n: N8nInstance,
	templates: Template[],
	servers: { api: SampleAssetApi; cpms: ReferenceCpms },
	secrets: PollSecrets,
	dir: string,
	/** The credential's URL: the CPMS's versions URL unless given (e.g. its version details URL, one discovery request). */
	cpmsUrl?: string,
): Promise<void> {
	const { api, cpms } = servers;
	await importCredentials(
		n8n,
		templateCredentials(templates, {
			assetSourceApi: { baseUrl: api.url, authentication: 'headerKey', headerName: 'X-API-Key', apiKey: secrets.apiKey },
			ocpiCpmsApi: { versionsUrl: cpmsUrl ?? cpms.versionsUrl, token: secrets.cpmsToken, headerEncoding: 'base64', countryCode: 'DE', partyId: 'AMP' },
			...(secrets.webhookSecret === undefined ? {} : { assetSourceWebhookApi: { secret: secrets.webhookSecret } }),
		}),
	);
	for (const template of templates) await importTemplate(n8n, template, dir);
}

export interface SyncTemplateOptions {
	/** The nightly full compare every minute, where a test needs scheduled (production) compares. */
	fullCompareEveryMinute?: boolean;
	/** Page size of the full compare's read of a site's chargers ('Read whole sites'), where a test needs several pages. */
	fullComparePageSize?: number;
	/** Sites per sub-execution of the full compare ('Sites per batch'). */
	sitesPerBatch?: number;
	/** The CPMS credential's URL; its versions URL unless given. */
	cpmsUrl?: string;
	/** Any other change to the full-sync template before it is imported (e.g. the bench's request rate). */
	adjust?: (fullSync: Template) => void;
}

export interface SyncLedger {
	owner: N8nOwner;
	table: LedgerTable;
}

/**
 * The owner account and the sync ledger's Data table, created over REST as a team does in the editor
 * (the server runs for it and is left as it was found).
 */
export async function prepareLedger(n8n: N8nInstance): Promise<SyncLedger> {
	const running = n8n.serverPid() !== undefined;
	await n8n.start();
	const owner = await setupOwner(n8n);
	const table = await createLedgerTable(n8n, owner);
	if (!running) await n8n.stop();
	return { owner, table };
}

/** The full compare's batch size: the plan call's `sites_per_batch` field (node 'Sites per batch'). */
function setSitesPerBatch(fullSync: Template, sites: number): void {
	const { assignments } = nodeOf(fullSync, 'Sites per batch').parameters.assignments as { assignments: Array<{ name: string; value: unknown }> };
	const field = assignments.find((assignment) => assignment.name === 'sites_per_batch');
	if (!field) throw new Error("the full-sync template's 'Sites per batch' node has no sites_per_batch field");
	field.value = sites;
}

export async function provisionSyncTemplates(
	n8n: N8nInstance,
	servers: { api: SampleAssetApi; cpms: ReferenceCpms },
	secrets: SyncSecrets,
	dir: string,
	options: SyncTemplateOptions = {},
): Promise<{ fullSync: Template; realtime: Template; ledger: SyncLedger }> {
	const { api } = servers;
	const ledger = await prepareLedger(n8n);
	const fullSync = useLedgerTable(pointAtAssetApi(readTemplate('full-scheduled-sync.json'), api.url), ledger.table);
	// Every minute instead of every five, so a poll-path test waits one poll, not five minutes.
	nodeOf(fullSync, 'Every 5 minutes: changed sites').parameters.pollTimes = { item: [{ mode: 'everyMinute' }] };
	if (options.fullCompareEveryMinute) {
		nodeOf(fullSync, 'Every night at 03:00: full compare').parameters.rule = { interval: [{ field: 'minutes', minutesInterval: 1 }] };
	}
	if (options.fullComparePageSize !== undefined) {
		nodeOf(fullSync, 'Read whole sites').parameters.pageSize = options.fullComparePageSize;
	}
	if (options.sitesPerBatch !== undefined) setSitesPerBatch(fullSync, options.sitesPerBatch);
	options.adjust?.(fullSync);
	const realtime = pointAtAssetApi(readTemplate('real-time-sync.json'), api.url);
	await importWithCredentials(n8n, [fullSync, realtime], servers, secrets, dir, options.cpmsUrl);
	await importTemplate(n8n, readTemplate('sync-error-alert.json'), dir);
	return { fullSync, realtime, ledger };
}

/** Sets which sync workflows are active with n8n stopped (the CLI writes the database), then starts it again. */
export async function activateOnly(n8n: N8nInstance, active: string[]): Promise<void> {
	await n8n.stop();
	for (const id of [FULL_SYNC_ID, REALTIME_SYNC_ID]) {
		expectCliSuccess(await n8n.cli(['update:workflow', `--id=${id}`, `--active=${active.includes(id)}`]), `activation of ${id}`);
	}
	await n8n.start();
}
