/** Provisioning a real n8n the way teams do it, and reading back what it recorded. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectCliSuccess } from './cli';
import type { N8nInstance } from './n8nInstance';
import { DEFAULT_N8N_VERSION, ensureN8n } from './paths';

export interface CredentialToImport {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** `n8n import:credentials`: credentials given as plain data are encrypted by n8n on import. */
export async function importCredentials(n8n: N8nInstance, credentials: CredentialToImport[]): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-e2e-credentials-'));
	try {
		const file = path.join(dir, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials));
		expectCliSuccess(await n8n.cli(['import:credentials', `--input=${file}`]), 'import of the credentials');
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/**
 * Rows from n8n's own database, read with n8n's own driver: sqlite3, or pg when the instance runs on Postgres
 * (queue mode). Write `?` for parameters and quote camelCase columns ("workflowId"): both databases read that.
 * sqlite3 is the instance's, or where that is built for another Node (n8n 2.x on Node 24) the default install's,
 * built for the Node that runs the tests.
 */
export async function queryN8nDatabase<Row>(n8n: N8nInstance, sql: string, params: unknown[]): Promise<Row[]> {
	if (n8n.env.DB_TYPE === 'postgresdb') return queryPostgres<Row>(n8n, sql, params);
	const moduleDir = n8n.nodeBinDir ? ensureN8n(DEFAULT_N8N_VERSION) : n8n.n8nDir;
	const sqlite3 = require(path.join(moduleDir, 'node_modules', 'sqlite3'));
	const db = new sqlite3.Database(path.join(n8n.userFolder, '.n8n', 'database.sqlite'), sqlite3.OPEN_READONLY);
	try {
		return await new Promise<Row[]>((resolve, reject) =>
			db.all(sql, params, (error: Error | null, rows: Row[]) => (error ? reject(error) : resolve(rows))),
		);
	} finally {
		db.close();
	}
}

async function queryPostgres<Row>(n8n: N8nInstance, sql: string, params: unknown[]): Promise<Row[]> {
	const { Client } = require(path.join(n8n.n8nDir, 'node_modules', 'pg'));
	const { env } = n8n;
	const client = new Client({
		host: env.DB_POSTGRESDB_HOST,
		port: Number(env.DB_POSTGRESDB_PORT),
		database: env.DB_POSTGRESDB_DATABASE,
		user: env.DB_POSTGRESDB_USER,
		password: env.DB_POSTGRESDB_PASSWORD,
	});
	await client.connect();
	try {
		let n = 0;
		const { rows } = await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
		return rows as Row[];
	} finally {
		await client.end();
	}
}

/**
 * The stored data of a workflow's executions. n8n stores a running execution's start data first and its
 * results when it ends: `finishedOnly` leaves out the ones still running. n8n 1.x marks an execution
 * finished a moment before it writes the results, so wait for what the results must contain.
 */
export async function executionsOf(n8n: N8nInstance, workflowId: string, options: { finishedOnly?: boolean } = {}): Promise<string[]> {
	const finished = options.finishedOnly ? " AND e.status IN ('success', 'error', 'crashed', 'canceled')" : '';
	const sql = `SELECT d.data AS data FROM execution_entity e JOIN execution_data d ON d."executionId" = e.id WHERE e."workflowId" = ?${finished} ORDER BY e.id`;
	const rows = await queryN8nDatabase<{ data: string }>(n8n, sql, [workflowId]);
	return rows.map((row) => row.data);
}

/** Ids of a workflow's executions not finished yet (queued, running or waiting), oldest first. */
export async function unfinishedExecutionsOf(n8n: N8nInstance, workflowId: string): Promise<number[]> {
	const sql = `SELECT id FROM execution_entity WHERE "workflowId" = ? AND status IN ('new', 'running', 'waiting') ORDER BY id`;
	const rows = await queryN8nDatabase<{ id: string | number }>(n8n, sql, [workflowId]);
	return rows.map((row) => Number(row.id));
}

/** The static data n8n saved for a workflow (what triggers remember between runs), or undefined. */
export async function staticDataOf(n8n: N8nInstance, workflowId: string): Promise<Record<string, unknown> | undefined> {
	const rows = await queryN8nDatabase<{ staticData: string | Record<string, unknown> | null }>(n8n, 'SELECT "staticData" FROM workflow_entity WHERE id = ?', [workflowId]);
	const raw = rows[0]?.staticData;
	// sqlite hands back the JSON text, Postgres's json column the parsed value.
	if (!raw) return undefined;
	return typeof raw === 'string' ? (JSON.parse(raw) as Record<string, unknown>) : raw;
}

/** Polls `read` every second until `accept` holds; returns the last value read either way. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs: number): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let value = await read();
	while (!accept(value) && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		value = await read();
	}
	return value;
}
