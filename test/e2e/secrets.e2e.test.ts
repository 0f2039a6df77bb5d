/**
 * Secrets only in credentials, checked where n8n keeps things: after a failing and a succeeding registration
 * (Token A → C), a registration refused because its run would be saved, a CPMS that answers 401 and a signed
 * webhook delivery, in a real n8n with the package installed as users install it, no token or secret (nor its
 * base64 form) is in n8n's database (saved workflows, workflow history, executions and their data: the whole
 * SQLite file is searched, byte for byte) or in n8n's log. Token C reaches the one place the user reads it: the
 * output of the run that made it, which n8n does not save.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeTokenBase64 } from '../../core/client';
import { signPayload } from '../../core/webhook';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { createN8nInstance, ensureBuilt, executionsOf, expectCliSuccess, importCredentials, parseRawRun, PACKAGE_NAME, PROJECT_ROOT, waitFor, type CliResult, type N8nInstance } from './support';

jest.setTimeout(8 * 60_000);

const TOKEN_A = 'secret-grep-token-a-7f31c9';
const WRONG_TOKEN_A = 'secret-grep-wrong-a-2b84e0';
const TOKEN_B = 'secret-grep-token-b-c05d17';
const WRONG_CPMS_TOKEN = 'secret-grep-wrong-cpms-93aa41';
const CPMS_TOKEN = 'secret-grep-cpms-token-5e62b8';
const WEBHOOK_SECRET = 'secret-grep-webhook-d48f02';
/** Workflow settings under which n8n keeps no data of a run: the only runs that may output Token C. */
const UNSAVED = { executionOrder: 'v1', saveManualExecutions: false, saveExecutionProgress: false, saveDataSuccessExecution: 'none', saveDataErrorExecution: 'none' };
const SAVED = { executionOrder: 'v1' };

const credential = (id: string) => ({ id, name: id });
const CREDENTIALS = {
	register: credential('secretGrepReg001'),
	wrongA: credential('secretGrepReg002'),
	wrongToken: credential('secretGrepCpms01'),
	webhook: credential('secretGrepHook01'),
};

let n8n: N8nInstance;
let cpms: ReferenceCpms;
let workDir: string;
const cliOutputs: string[] = [];

function cpmsData(extra: Record<string, string>) {
	return { versionsUrl: cpms.versionsUrl, token: '', headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', ...extra };
}

/** Imports a workflow of a Manual Trigger and one CPMS OCPI Push, with the given credential and settings. */
async function importPush(id: string, parameters: Record<string, unknown>, credentialRef: { id: string; name: string }, settings: Record<string, unknown>): Promise<void> {
	const workflow = {
		id,
		name: id,
		nodes: [
			{ parameters: {}, id: `${id}-start`, name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{ parameters: { ...parameters, options: { maxAttempts: 1 } }, id: `${id}-push`, name: 'CPMS OCPI Push', type: `${PACKAGE_NAME}.ocpiPush`, typeVersion: 1, position: [220, 0], credentials: { ocpiCpmsApi: credentialRef } },
		],
		connections: { Start: { main: [[{ node: 'CPMS OCPI Push', type: 'main', index: 0 }]] } },
		settings,
	};
	const file = path.join(workDir, `${id}.json`);
	fs.writeFileSync(file, JSON.stringify(workflow));
	expectCliSuccess(await n8n.cli(['import:workflow', `--input=${file}`]), `import of ${id}`);
}

async function execute(id: string): Promise<CliResult> {
	const result = await n8n.cli(['execute', `--id=${id}`, '--rawOutput']);
	cliOutputs.push(result.stdout, result.stderr);
	return result;
}

const REGISTER = { operation: 'register', ourVersionsUrl: 'https://ocpi.acme.example/versions', businessName: 'Acme Charging' };

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-secret-grep-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms.json'), tokenA: TOKEN_A, extraTokens: [CPMS_TOKEN], credentialsCallback: 'skip', tokenEncoding: 'base64', quiet: true });
	n8n = await createN8nInstance();
	await importCredentials(n8n, [
		{ ...CREDENTIALS.register, type: 'ocpiCpmsApi', data: cpmsData({ registrationTokenA: TOKEN_A, ourTokenB: TOKEN_B }) },
		{ ...CREDENTIALS.wrongA, type: 'ocpiCpmsApi', data: cpmsData({ registrationTokenA: WRONG_TOKEN_A, ourTokenB: TOKEN_B }) },
		{ ...CREDENTIALS.wrongToken, type: 'ocpiCpmsApi', data: cpmsData({ token: WRONG_CPMS_TOKEN }) },
		{ ...CREDENTIALS.webhook, type: 'assetSourceWebhookApi', data: { secret: WEBHOOK_SECRET } },
	]);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await cpms?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe('secrets in a real n8n', () => {
	let tokenC = '';

	it('a registration whose run would be saved is refused before any request; the refusal is saved without a token', async () => {
		await importPush('secretGrepSaved01', REGISTER, CREDENTIALS.register, SAVED);
		const result = await execute('secretGrepSaved01');
		expect(result.code).not.toBe(0);
		expect(`${result.stdout}${result.stderr}`).toMatch(/Not registered: Token C would be kept in the execution data/);
		expect(cpms.requestLog.list()).toEqual([]);
		// the refusal is an execution n8n keeps: the search below covers its data
		expect(await executionsOf(n8n, 'secretGrepSaved01')).toHaveLength(1);
	});

	it('a registration with a wrong Token A fails with the CPMS\'s 401', async () => {
		await importPush('secretGrepWrongA1', REGISTER, CREDENTIALS.wrongA, UNSAVED);
		const result = await execute('secretGrepWrongA1');
		expect(result.code).not.toBe(0);
		expect(`${result.stdout}${result.stderr}`).toMatch(/401|unauthori[sz]ed/i);
		expect(cpms.requestLog.list().some((entry) => entry.status === 401)).toBe(true);
	});

	it('a registration with the right Token A outputs Token C in the run\'s own output only; Token C opens the CPMS', async () => {
		await importPush('secretGrepRegist1', REGISTER, CREDENTIALS.register, UNSAVED);
		const run = parseRawRun(await execute('secretGrepRegist1'));
		const [[item]] = run.data.resultData.runData['CPMS OCPI Push'][0].data!.main as Array<Array<{ json: Record<string, unknown> }>>;
		expect(item.json).toMatchObject({ action: 'registered', version: '2.2.1' });
		tokenC = String(item.json.tokenC);
		expect(tokenC).toMatch(/^\S{8,}$/);
		// nothing of the run is kept
		expect(await executionsOf(n8n, 'secretGrepRegist1')).toEqual([]);
		const versions = await fetch(cpms.versionsUrl, { headers: { Authorization: `Token ${encodeTokenBase64(tokenC)}` } });
		expect(versions.status).toBe(200);
	});

	it('a CPMS that answers 401: the error is saved without the token', async () => {
		await importPush('secretGrepCpms401', { operation: 'getLocation', locationId: 'LOC-1' }, CREDENTIALS.wrongToken, SAVED);
		const result = await execute('secretGrepCpms401');
		expect(result.code).not.toBe(0);
		const [data] = await executionsOf(n8n, 'secretGrepCpms401');
		expect(data).toMatch(/401/);
	});

	it('a signed webhook delivery runs, and is saved without the secret', async () => {
		const fixture = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'workflows', 'asset-webhook.json'), 'utf8'));
		fixture.id = 'secretGrepHook001';
		fixture.nodes[0].credentials = { assetSourceWebhookApi: CREDENTIALS.webhook };
		const file = path.join(workDir, 'webhook.json');
		fs.writeFileSync(file, JSON.stringify(fixture));
		expectCliSuccess(await n8n.cli(['import:workflow', `--input=${file}`]), 'import of the webhook workflow');
		expectCliSuccess(await n8n.cli(['update:workflow', `--id=${fixture.id}`, '--active=true']), 'activation of the webhook workflow');
		await n8n.start();
		const body = JSON.stringify({ event_id: 'grep-1', event_type: 'charger.updated', occurred_at: new Date().toISOString(), data: { charger_id: 'BER-0001-AC1', site_id: 'BER-0001', state: 'faulty' } });
		const timestamp = String(Math.floor(Date.now() / 1000));
		const headers = { 'Content-Type': 'application/json', 'X-Signature': signPayload({ secret: WEBHOOK_SECRET, body, timestamp }), 'X-Timestamp': timestamp };
		let status = 404;
		// right after start the webhook may be registered a moment later: retry a 404
		for (let attempt = 0; status === 404 && attempt < 20; attempt++) {
			status = (await fetch(`${n8n.baseUrl}/webhook/asset-events`, { method: 'POST', headers, body })).status;
			if (status === 404) await new Promise((resolve) => setTimeout(resolve, 500));
		}
		expect(status).toBeLessThan(300);
		const runs = await waitFor(() => executionsOf(n8n, fixture.id, { finishedOnly: true }), (all) => all.length >= 1, 30_000);
		expect(runs.join('')).toContain('BER-0001-AC1');
		await n8n.stop();
	});

	it('no token or secret is in n8n\'s database (workflows, history, executions) or its log', () => {
		expect(tokenC).not.toBe('');
		const secrets = [TOKEN_A, WRONG_TOKEN_A, TOKEN_B, WRONG_CPMS_TOKEN, CPMS_TOKEN, WEBHOOK_SECRET, tokenC];
		const database = path.join(n8n.userFolder, '.n8n', 'database.sqlite');
		const stores: Record<string, string> = {
			// the whole file and its write-ahead log, byte for byte: saved workflows, workflow_history, execution_entity, execution_data
			database: ['', '-wal', '-journal'].map((suffix) => (fs.existsSync(database + suffix) ? fs.readFileSync(database + suffix).toString('latin1') : '')).join('\n'),
			'n8n log': n8n.serverLog(),
			// what the CLI printed: the registration's own run output is where Token C is delivered, so it is left out
			'CLI log': cliOutputs.map((text) => text.replace(/^\{[\s\S]*$/m, '')).join('\n'),
		};
		// the search reads what n8n saved: the 401's error and the webhook's record are there in plain text
		expect(stores.database).toContain('secretGrepCpms401');
		expect(stores.database).toContain('BER-0001-AC1');
		const found: string[] = [];
		for (const [store, text] of Object.entries(stores)) {
			for (const secret of secrets) {
				for (const form of [secret, encodeTokenBase64(secret)]) if (text.includes(form)) found.push(`${store} holds ${form}`);
			}
		}
		expect(found).toEqual([]);
	});
});
