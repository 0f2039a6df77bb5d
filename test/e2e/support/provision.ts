/** Provisioning a real n8n the way teams do it, and reading back what it recorded. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { expectCliSuccess } from './cli';
import type { N8nInstance } from './n8nInstance';

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

/** The stored data of a workflow's executions, read from n8n's database with n8n's own sqlite3 module. */
export async function executionsOf(n8n: N8nInstance, workflowId: string): Promise<string[]> {
	const sqlite3 = require(path.join(n8n.n8nDir, 'node_modules', 'sqlite3'));
	const db = new sqlite3.Database(path.join(n8n.userFolder, '.n8n', 'database.sqlite'), sqlite3.OPEN_READONLY);
	const sql = 'SELECT d.data AS data FROM execution_entity e JOIN execution_data d ON d.executionId = e.id WHERE e.workflowId = ?';
	try {
		return await new Promise<string[]>((resolve, reject) =>
			db.all(sql, [workflowId], (error: Error | null, rows: Array<{ data: string }>) => (error ? reject(error) : resolve(rows.map((row) => row.data)))),
		);
	} finally {
		db.close();
	}
}
