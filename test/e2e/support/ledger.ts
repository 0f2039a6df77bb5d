/**
 * The sync ledger as a team sets it up: an n8n Data table created through n8n's REST API (the editor's own
 * calls; n8n 1.123 has no CLI for Data tables), named in the template's Data table nodes, and read back.
 */
import type { N8nInstance } from './n8nInstance';
import { BROWSER_ID, type N8nOwner } from './owner';
import type { Template } from './templates';

/** The columns the template writes (notes-11.md: the ledger row of the contract). */
export const LEDGER_COLUMNS = ['location_id', 'fingerprint', 'state', 'reason', 'last_pushed', 'last_verified'];

export interface LedgerRow {
	location_id: string;
	fingerprint: string | null;
	state: string;
	reason: string | null;
	last_pushed: string | null;
	last_verified: string | null;
}

export interface LedgerTable {
	projectId: string;
	id: string;
}

/** A keep-alive socket the server closed while idle fails the next request before it is sent: one retry. */
async function send(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		if ((error as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw error;
		return fetch(url, init);
	}
}

async function rest<T>(n8n: N8nInstance, owner: N8nOwner, method: string, route: string, body?: unknown): Promise<T> {
	const response = await send(`${n8n.baseUrl}/rest${route}`, {
		method,
		headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID, cookie: owner.cookie },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	if (!response.ok) throw new Error(`${method} /rest${route} → ${response.status} ${text}`);
	return (JSON.parse(text) as { data: T }).data;
}

/** Creates the ledger table in the owner's personal project (the server must run). */
export async function createLedgerTable(n8n: N8nInstance, owner: N8nOwner, name = 'OCPI sync ledger'): Promise<LedgerTable> {
	const project = await rest<{ id: string }>(n8n, owner, 'GET', '/projects/personal');
	const table = await rest<{ id: string }>(n8n, owner, 'POST', `/projects/${project.id}/data-tables`, {
		name,
		columns: LEDGER_COLUMNS.map((column) => ({ name: column, type: 'string' })),
	});
	return { projectId: project.id, id: table.id };
}

/** Points every Data table node of the template at this table (the template ships with none chosen). */
export function useLedgerTable(template: Template, table: LedgerTable): Template {
	for (const node of template.nodes.filter((candidate) => candidate.type === 'n8n-nodes-base.dataTable')) {
		node.parameters.dataTableId = { __rl: true, mode: 'id', value: table.id };
	}
	return template;
}

/** Every row of the ledger, by location_id. */
export async function ledgerRows(n8n: N8nInstance, owner: N8nOwner, table: LedgerTable): Promise<Map<string, LedgerRow>> {
	const rows = new Map<string, LedgerRow>();
	for (let skip = 0; ; skip += 500) {
		const page = await rest<{ count: number; data: LedgerRow[] }>(n8n, owner, 'GET', `/projects/${table.projectId}/data-tables/${table.id}/rows?skip=${skip}&take=500`);
		for (const row of page.data) rows.set(row.location_id, row);
		if (page.data.length < 500) return rows;
	}
}

/** Changes the saved workflow as an operator does in the editor and saves it (sub-executions run the saved one). */
export async function saveWorkflowChange(n8n: N8nInstance, owner: N8nOwner, workflowId: string, change: (workflow: Template) => void): Promise<void> {
	const workflow = await rest<Template>(n8n, owner, 'GET', `/workflows/${workflowId}`);
	change(workflow);
	await rest<Template>(n8n, owner, 'PATCH', `/workflows/${workflowId}`, workflow);
}

/**
 * Runs a workflow in the server as the editor's "Execute workflow" does (n8n start loads the Data table module;
 * `n8n execute` does not), from the given trigger, and waits until the execution has ended.
 */
export async function runInServer(
	n8n: N8nInstance,
	owner: N8nOwner,
	workflowId: string,
	trigger: string,
	timeoutMs: number,
	/** Changes to this run's copy of the workflow, as unsaved edits in the editor (sub-executions load the saved one). */
	adjust?: (workflow: Template) => void,
): Promise<{ executionId: string; status: string }> {
	const workflowData = await rest<Template>(n8n, owner, 'GET', `/workflows/${workflowId}`);
	adjust?.(workflowData);
	const started = await rest<{ executionId: string }>(n8n, owner, 'POST', `/workflows/${workflowId}/run`, { workflowData, triggerToStartFrom: { name: trigger } });
	const deadline = Date.now() + timeoutMs;
	let status = 'unknown';
	for (;;) {
		try {
			const execution = await rest<{ status: string; stoppedAt?: string }>(n8n, owner, 'GET', `/executions/${started.executionId}`);
			status = execution.status;
			if (['success', 'error', 'crashed', 'canceled'].includes(status) && execution.stoppedAt) return { executionId: started.executionId, status };
		} catch (error) {
			// a busy server may drop one poll; a server that is gone is the run's end
			if (n8n.serverPid() === undefined) throw new Error(`n8n stopped during execution ${started.executionId}: ${(error as Error).message}\n${n8n.serverLog().slice(-3000)}`);
		}
		if (Date.now() > deadline) throw new Error(`execution ${started.executionId} of ${workflowId} still ${status} after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
