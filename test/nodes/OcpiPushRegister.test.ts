/** The credentials handshake through the node: Token A in, Token C out, and Token C then opens the Locations module. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeTokenBase64 } from '../../core/client';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { validLocation } from '../fixtures/ocpiLocations';
import { loadWorkflowFixture, runWorkflowFixture } from '../harness';

const TOKEN_A = 'register-token-a-51c0';
const TOKEN_B = 'register-token-b-9d2e';

let cpms: ReferenceCpms;
let dir: string;

function credentials(token: string, registration: { registrationTokenA?: string; ourTokenB?: string } = {}) {
	return { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', ...registration } };
}

const REGISTRATION = { registrationTokenA: TOKEN_A, ourTokenB: TOKEN_B };

function start(quirks = false): Promise<ReferenceCpms> {
	return startReferenceCpms({ port: 0, dataFile: path.join(dir, 'cpms.json'), tokenA: TOKEN_A, credentialsCallback: 'skip', quiet: true, quirks });
}

beforeEach(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-push-register-'));
	cpms = await start();
});

afterEach(async () => {
	await cpms.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('CPMS OCPI Push: Register (Token A → C)', () => {
	// the quirky CPMS advertises its endpoints on another base and redirects /credentials to /credentials/
	it.each([
		['plain', false],
		['quirky', true],
	])('trades Token A for Token C, which then syncs; Token A and B never appear in the output (%s CPMS)', async (_name, quirks) => {
		if (quirks) {
			await cpms.close();
			cpms = await start(true);
		}
		const registered = await runWorkflowFixture('push-register.json', {
			inputItems: [{}, {}],
			credentials: credentials('', REGISTRATION),
		});
		expect(registered.error).toBeUndefined();
		const [items] = registered.outputs;
		// One handshake for the whole input: its single result is paired with every input item.
		expect(items).toHaveLength(1);
		expect(items![0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
		const json = items![0].json;
		expect(json).toMatchObject({ action: 'registered', version: '2.2.1', notice: expect.stringMatching(/secret/) });
		const tokenC = String(json.tokenC);
		expect(tokenC).toMatch(/\S/);
		const text = JSON.stringify(registered.outputs);
		for (const secret of [TOKEN_A, TOKEN_B]) {
			expect(text).not.toContain(secret);
			expect(text).not.toContain(encodeTokenBase64(secret));
		}

		const synced = await runWorkflowFixture('push-sync.json', { inputItems: [validLocation('LOC-1')], credentials: credentials(tokenC) });
		expect(synced.error).toBeUndefined();
		expect(synced.outputs[0]![0].json).toMatchObject({ locationId: 'LOC-1', action: 'created' });
		expect(JSON.stringify(synced.outputs)).not.toContain(tokenC);
		const posts = cpms.requestLog.list().filter((e) => e.method === 'POST').map((e) => [e.path, e.status]);
		expect(posts).toEqual(quirks ? [['/cpms/ocpi/2.2.1/credentials', 307], ['/cpms/ocpi/2.2.1/credentials/', 200]] : [['/ocpi/2.2.1/credentials', 200]]);
	});

	it('fails clearly with a wrong Token A, without showing it', async () => {
		const { error } = await runWorkflowFixture('push-register.json', {
			inputItems: [{}],
			credentials: credentials('', { ...REGISTRATION, registrationTokenA: 'wrong-token-a-0000' }),
		});
		expect(error).toBeDefined();
		expect(error!.message).toMatch(/401|2000|unauthori[sz]ed/i);
		const text = JSON.stringify({ message: error!.message, description: error!.description });
		expect(text).not.toContain('wrong-token-a-0000');
		expect(text).not.toContain(encodeTokenBase64('wrong-token-a-0000'));
		expect(text).not.toContain(TOKEN_B);
	});

	it.each([
		['manual executions are saved', { saveManualExecutions: true }],
		['manual executions follow the instance default', {}],
		['execution progress is saved', { saveManualExecutions: false, saveExecutionProgress: true }],
	])('refuses to register, before any request, when %s (Token C would stay in the execution data)', async (_name, settings) => {
		const fixture = loadWorkflowFixture('push-register.json');
		fixture.settings = { executionOrder: 'v1', ...settings };
		const { error, outputs } = await runWorkflowFixture(fixture, { inputItems: [{}], credentials: credentials('', REGISTRATION) });
		expect(outputs).toEqual([]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/^Not registered: Token C would be kept in the execution data/);
		expect(cpms.requestLog.list()).toEqual([]);
	});

	it('asks for Token A and Token B in the credential, before any request', async () => {
		const { error } = await runWorkflowFixture('push-register.json', { inputItems: [{}], credentials: credentials('', { registrationTokenA: TOKEN_A }) });
		expect(error?.message).toBe('Register needs Registration Token A and Our Token B in the OCPI CPMS API credential');
		expect(cpms.requestLog.list()).toEqual([]);
	});
});
