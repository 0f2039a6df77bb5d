/**
 * CPMS OCPI Push through n8n-core's real WorkflowExecute against the real reference CPMS on
 * 127.0.0.1 (in-process, temp data file). The CPMS's request log shows what was actually sent.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { encodeTokenBase64 } from '../../core/client';
import { CredentialTestContext } from 'n8n-core';
import { OcpiCpmsApi } from '../../credentials/OcpiCpmsApi.credentials';
import { OcpiPush } from '../../nodes/OcpiPush/OcpiPush.node';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { twoEvseLocation, validLocation } from '../fixtures/ocpiLocations';
import { HarnessHttpProbe } from '../harness/HarnessHttpProbe.node';
import { loadWorkflowFixture, runNode, runWorkflowFixture, type RunResult } from '../harness';

type Json = Record<string, any>;

const TOKEN = 'push-test-token-7f3a9c';

let cpms: ReferenceCpms;
let dir: string;

function credentials(overrides: Json = {}) {
	return {
		ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM', toCountryCode: '', toPartyId: '', ...overrides },
	};
}

function writes(): Array<{ method: string; path: string }> {
	return cpms.requestLog
		.list()
		.filter((entry) => entry.method === 'PUT' || entry.method === 'PATCH')
		.map(({ method, path: p }) => ({ method, path: p }));
}

async function sync(inputItems: Json[], fixture = 'push-sync.json', options: { onError?: string; creds?: Json } = {}): Promise<RunResult> {
	const workflow = loadWorkflowFixture(fixture);
	if (options.onError) workflow.nodes[0].onError = options.onError as never;
	return await runWorkflowFixture(workflow, { inputItems, credentials: credentials(options.creds) });
}

function expectNoToken(value: unknown): void {
	const text = JSON.stringify(value, (_key, v) => (v instanceof Error ? { ...v, message: v.message, stack: v.stack } : v));
	expect(text).not.toContain(TOKEN);
	expect(text).not.toContain(encodeTokenBase64(TOKEN));
}

beforeEach(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-push-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(dir, 'cpms.json'), extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true });
});

afterEach(async () => {
	await cpms.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('CPMS OCPI Push: Sync Locations', () => {
	it('creates new Locations with one PUT each, then sends nothing for an identical second sync', async () => {
		const first = await sync([validLocation('LOC-1'), twoEvseLocation('LOC-2')]);
		expect(first.error).toBeUndefined();
		const [items] = first.outputs;
		expect(items!.slice(0, 2).map((item) => [item.json.locationId, item.json.action, item.pairedItem])).toEqual([
			['LOC-1', 'created', { item: 0 }],
			['LOC-2', 'created', { item: 1 }],
		]);
		expect(items![0].json.requests).toEqual([
			expect.objectContaining({ method: 'PUT', path: expect.stringMatching(/\/DE\/ACM\/LOC-1$/), httpStatus: 200, statusCode: 1000, ok: true, attempts: 1 }),
		]);
		expect(items![2].json).toMatchObject({ summary: true, locations: 2, counts: { created: 2 }, requestsSent: 2 });
		expect(writes()).toHaveLength(2);
		expect(cpms.store.allLocations('2.2.1').map((entry) => entry.location.id).sort()).toEqual(['LOC-1', 'LOC-2']);

		cpms.requestLog.clear();
		const second = await sync([validLocation('LOC-1'), twoEvseLocation('LOC-2')]);
		expect(second.error).toBeUndefined();
		expect(second.outputs[0]!.slice(0, 2).map((item) => [item.json.action, item.json.requests])).toEqual([
			['unchanged', []],
			['unchanged', []],
		]);
		expect(writes()).toEqual([]);
		// only the reads: versions, details and one GET per Location
		expect(cpms.requestLog.list().every((entry) => entry.method === 'GET')).toBe(true);
	});

	it('sends exactly one PATCH at connector level for one changed connector', async () => {
		await sync([validLocation('LOC-1')]);
		cpms.requestLog.clear();
		const changed = validLocation('LOC-1');
		changed.evses[0].connectors[0].max_electric_power = 11000;
		const { outputs, error } = await sync([changed]);
		expect(error).toBeUndefined();
		const json = outputs[0]![0].json as Json;
		expect(json.action).toBe('updated');
		expect(json.changes).toEqual([{ path: 'evses[LOC-1-EVSE-1].connectors[1].max_electric_power', from: 22000, to: 11000 }]);
		expect(writes()).toEqual([{ method: 'PATCH', path: expect.stringMatching(/\/DE\/ACM\/LOC-1\/LOC-1-EVSE-1\/1$/) }]);
		const stored = cpms.store.allLocations('2.2.1')[0].location;
		expect(stored.evses[0].connectors[0].max_electric_power).toBe(11000);
	});

	it('marks an EVSE that left a complete Location REMOVED (PATCH at EVSE level)', async () => {
		await sync([twoEvseLocation('LOC-2')]);
		cpms.requestLog.clear();
		const complete = { ...validLocation('LOC-2'), _completeness: { complete: true, reasons: [], sources: 1, refused: [] } };
		const { outputs, error } = await sync([complete]);
		expect(error).toBeUndefined();
		const json = outputs[0]![0].json as Json;
		expect(json.action).toBe('updated');
		expect(json.withheld).toEqual([]);
		expect(json.changes).toEqual([{ path: 'evses[LOC-2-EVSE-2].status', from: 'AVAILABLE', to: 'REMOVED' }]);
		expect(writes()).toEqual([{ method: 'PATCH', path: expect.stringMatching(/\/LOC-2\/LOC-2-EVSE-2$/) }]);
		const stored = cpms.store.allLocations('2.2.1')[0].location;
		expect(stored.evses.map((e: Json) => [e.uid, e.status])).toEqual([
			['LOC-2-EVSE-1', 'AVAILABLE'],
			['LOC-2-EVSE-2', 'REMOVED'],
		]);
	});

	it('withholds the removal for a Location without a completeness mark, unless the user states such Locations are complete', async () => {
		await sync([twoEvseLocation('LOC-2')]);
		cpms.requestLog.clear();
		const withheld = await sync([validLocation('LOC-2')]);
		expect(withheld.error).toBeUndefined();
		expect(withheld.outputs[0]!.map((item) => item.json)).toEqual([
			expect.objectContaining({
				action: 'partial',
				requests: [],
				withheld: [{ path: 'evses[LOC-2-EVSE-2]', reason: expect.stringMatching(/carries no mark of a complete read/) }],
			}),
			expect.objectContaining({ summary: true, counts: { partial: 1 }, withheldRemovals: 1, staleSkips: 0 }),
		]);
		expect(writes()).toEqual([]);

		const workflow = loadWorkflowFixture('push-sync.json');
		(workflow.nodes[0].parameters.options as Json).unmarkedLocations = 'complete';
		const stated = await runWorkflowFixture(workflow, { inputItems: [validLocation('LOC-2')], credentials: credentials() });
		expect(stated.outputs[0]![0].json).toMatchObject({ action: 'updated', withheld: [] });
		expect(writes()).toEqual([{ method: 'PATCH', path: expect.stringMatching(/\/LOC-2\/LOC-2-EVSE-2$/) }]);
		expect(cpms.store.allLocations('2.2.1')[0].location.evses[1].status).toBe('REMOVED');
	});

	it('Dry Run reads but writes nothing and lists the planned requests', async () => {
		const { outputs, error } = await sync([validLocation('LOC-1')], 'push-sync-dry-run.json');
		expect(error).toBeUndefined();
		const json = outputs[0]![0].json as Json;
		expect(json.action).toBe('planned');
		expect(json.requests).toEqual([expect.objectContaining({ method: 'PUT', path: expect.stringMatching(/\/DE\/ACM\/LOC-1$/), reason: 'new Location' })]);
		expect(json.requests[0].body.id).toBe('LOC-1');
		expect(writes()).toEqual([]);
		expect(cpms.store.allLocations('2.2.1')).toEqual([]);
	});

	it('fails every Location while the CPMS is down (error output), and the next run completes', async () => {
		cpms.setFaults({ down: 'refuse' });
		const down = await sync([validLocation('LOC-1'), validLocation('LOC-3')], 'push-sync.json', { onError: 'continueErrorOutput' });
		expect(down.error).toBeUndefined();
		const [success, errors] = down.outputs;
		expect(success!.filter((item) => !item.json.summary)).toEqual([]);
		// n8n keeps `{ error: message }` as the json of error items; the details are on item.error
		expect(errors!.map((item) => [item.error?.context.locationId, item.error?.context.action, item.pairedItem])).toEqual([
			['LOC-1', 'failed', { item: 0 }],
			['LOC-3', 'failed', { item: 1 }],
		]);
		expect(errors![0].json.error).toMatch(/^Location LOC-1: GET http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions: no answer from the CPMS/);
		expectNoToken(down.outputs);

		cpms.setFaults(null);
		const back = await sync([validLocation('LOC-1'), validLocation('LOC-3')], 'push-sync.json', { onError: 'continueErrorOutput' });
		expect(back.outputs[0]!.slice(0, 2).map((item) => item.json.action)).toEqual(['created', 'created']);
		expect(back.outputs[1]).toEqual([]);
	});

	it('fails a Location the CPMS rejects (2001) with the OCPI message, as a NodeApiError without continueOnFail', async () => {
		const bad = validLocation('LOC-BAD');
		bad.evses[0].connectors[0].max_voltage = 229.5;
		const { error, outputs } = await sync([bad]);
		expect(outputs).toEqual([]);
		expect(error).toBeDefined();
		expect(error!.message).toMatch(/LOC-BAD/);
		expect(error!.message).toMatch(/2001/);
		expect(error!.description).toMatch(/OCPI status_code 2001: .*max_voltage/);
		expect((error as Json).httpCode).toBe('400');
		expectNoToken(error);
		expectNoToken({ message: error!.message, description: error!.description });
	});

	it('with continueOnFail, a 2001 Location goes to the error output with the OCPI details; the others sync', async () => {
		const bad = validLocation('LOC-BAD');
		bad.evses[0].connectors[0].max_voltage = 229.5;
		const { outputs, error } = await sync([validLocation('LOC-1'), bad], 'push-sync.json', { onError: 'continueErrorOutput' });
		expect(error).toBeUndefined();
		const [success, errors] = outputs;
		expect(success![0].json).toMatchObject({ locationId: 'LOC-1', action: 'created' });
		expect(success![1].json).toMatchObject({ summary: true, counts: { created: 1, failed: 1 } });
		expect(errors).toHaveLength(1);
		expect(errors![0].json.error).toMatch(/^Location LOC-BAD: PUT .*HTTP 400, OCPI 2001 .*max_voltage/);
		expect(errors![0].pairedItem).toEqual({ item: 1 });
		const failure = errors![0].error!;
		expect(failure.description).toMatch(/^OCPI status_code 2001: .*max_voltage/);
		expect(failure.context).toMatchObject({ locationId: 'LOC-BAD', action: 'failed', httpStatus: 400, statusCode: 2001 });
		expect(failure.context.statusMessage).toMatch(/max_voltage/);
		expect(failure.context.requests).toEqual([expect.objectContaining({ method: 'PUT', ok: false, statusCode: 2001 })]);
		expectNoToken(outputs);
	});

	it('a wrong token fails with the OCPI message and never shows the token', async () => {
		const { error } = await sync([validLocation('LOC-1')], 'push-sync.json', { creds: { token: 'not-the-token-123' } });
		expect(error).toBeDefined();
		const text = JSON.stringify({ message: error!.message, description: error!.description });
		expect(text).not.toContain('not-the-token-123');
		expect(text).not.toContain(encodeTokenBase64('not-the-token-123'));
	});
});

describe('CPMS OCPI Push: EVSE operations and Get Location', () => {
	it('sets an EVSE status, removes an EVSE and reads the Location back', async () => {
		await sync([twoEvseLocation('LOC-2')]);
		cpms.requestLog.clear();
		const status = await runWorkflowFixture('push-evse-status.json', {
			inputItems: [{ locationId: 'LOC-2', evseUid: 'LOC-2-EVSE-1', status: 'OUTOFORDER' }],
			credentials: credentials(),
		});
		expect(status.error).toBeUndefined();
		expect(status.outputs[0]![0].json).toMatchObject({
			locationId: 'LOC-2',
			evseUid: 'LOC-2-EVSE-1',
			action: 'updated',
			requests: [expect.objectContaining({ method: 'PATCH', statusCode: 1000, ok: true })],
		});
		const removed = await runWorkflowFixture('push-remove-evse.json', {
			inputItems: [{ locationId: 'LOC-2', evseUid: 'LOC-2-EVSE-2' }],
			credentials: credentials(),
		});
		expect(removed.outputs[0]![0].json).toMatchObject({ action: 'removed' });
		expect(writes()).toEqual([
			{ method: 'PATCH', path: expect.stringMatching(/\/LOC-2\/LOC-2-EVSE-1$/) },
			{ method: 'PATCH', path: expect.stringMatching(/\/LOC-2\/LOC-2-EVSE-2$/) },
		]);
		const read = await runWorkflowFixture('push-get-location.json', {
			inputItems: [{ locationId: 'LOC-2' }, { locationId: 'NOPE' }],
			credentials: credentials(),
		});
		const [found, missing] = read.outputs[0]!;
		expect(found.json.action).toBe('found');
		expect((found.json.location as Json).evses.map((e: Json) => e.status)).toEqual(['OUTOFORDER', 'REMOVED']);
		expect(missing.json).toMatchObject({ locationId: 'NOPE', action: 'notFound' });
		expectNoToken([status.outputs, removed.outputs, read.outputs]);
	});
});

describe('OCPI CPMS credential', () => {
	it('builds Authorization: Token <base64> or the plain token by expression', async () => {
		const echo = await import('http');
		const server = echo.createServer((request, response) => {
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ path: request.url, authorization: request.headers.authorization ?? null }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const baseUrl = `http://127.0.0.1:${(server.address() as import('net').AddressInfo).port}`;
		try {
			for (const [headerEncoding, expected] of [
				['base64', `Token ${encodeTokenBase64(TOKEN)}`],
				['plain', `Token ${TOKEN}`],
			]) {
				// the probe asks for `harnessApi`: give it the OCPI CPMS credential class under that name
				const { outputs, error } = await runNode(HarnessHttpProbe, { path: '/ocpi/versions' }, {
					inputItems: [{}],
					nodeSettings: { credentials: { harnessApi: { id: '1', name: 'OCPI CPMS' } } },
					credentials: { harnessApi: { baseUrl, token: TOKEN, headerEncoding } },
					credentialTypes: { harnessApi: OcpiCpmsApi },
				});
				expect(error).toBeUndefined();
				expect(outputs[0]![0].json.authorization).toBe(expected);
			}
		} finally {
			await new Promise((resolve) => server.close(resolve));
		}
	});

	it('tests the connection by discovery with the token (the node\'s credentialTest), never showing the token', async () => {
		const node = new OcpiPush();
		expect(new OcpiCpmsApi()).not.toHaveProperty('test'); // a credential `test` would win over the node's
		expect(node.description.credentials).toEqual([{ name: 'ocpiCpmsApi', required: true, testedBy: 'ocpiCpmsApiTest' }]);
		const test = (data: Json) => node.methods.credentialTest.ocpiCpmsApiTest.call(new CredentialTestContext(), { id: '1', name: 'OCPI CPMS', type: 'ocpiCpmsApi', data });
		const good = await test(credentials().ocpiCpmsApi);
		expect(good).toEqual({ status: 'OK', message: `Connected: OCPI 2.2.1, the token was accepted; Locations receiver at ${cpms.url}/ocpi/2.2.1/receiver/locations` });
		const wrong = await test({ ...credentials().ocpiCpmsApi, token: 'not-the-token-123' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/HTTP 401 Unauthorized/);
		expect(wrong.message).not.toContain('not-the-token-123');
		expect(wrong.message).not.toContain(encodeTokenBase64('not-the-token-123'));
		expect(await test({ ...credentials().ocpiCpmsApi, countryCode: '' })).toEqual({ status: 'Error', message: 'The OCPI CPMS credential needs our country code and party ID' });
		// the version details were read with the token: that is what proves it
		expect(cpms.requestLog.list().filter((e) => e.path === '/ocpi/2.2.1').map((e) => e.status)).toEqual([200]);
		expect(credentialProperty('token').typeOptions).toEqual({ password: true });
	});

	it('tests the connection through a version details URL too: one request, the token checked by it, the message says so', async () => {
		const node = new OcpiPush();
		const test = (data: Json) => node.methods.credentialTest.ocpiCpmsApiTest.call(new CredentialTestContext(), { id: '1', name: 'OCPI CPMS', type: 'ocpiCpmsApi', data });
		const detailsUrl = `${cpms.url}/ocpi/2.2.1`;
		cpms.requestLog.clear();
		const good = await test({ ...credentials().ocpiCpmsApi, versionsUrl: detailsUrl });
		expect(good).toEqual({
			status: 'OK',
			message: `Connected: OCPI 2.2.1 (the URL is the version details of OCPI 2.2.1), the token was accepted; Locations receiver at ${cpms.url}/ocpi/2.2.1/receiver/locations`,
		});
		expect(cpms.requestLog.list().map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['GET /ocpi/2.2.1 200']);
		const wrong = await test({ ...credentials().ocpiCpmsApi, versionsUrl: detailsUrl, token: 'not-the-token-123' });
		expect(wrong.status).toBe('Error');
		expect(wrong.message).toMatch(/HTTP 401 Unauthorized/);
		const pinned = await test({ ...credentials().ocpiCpmsApi, versionsUrl: detailsUrl, ocpiVersion: '2.1.1' });
		expect(pinned).toEqual({ status: 'Error', message: expect.stringContaining("The credential's URL is the version details of OCPI 2.2.1, but this connection is pinned to OCPI 2.1.1") });
		expect(credentialProperty('versionsUrl').description).toContain('details URL of one version');
	});
});

function credentialProperty(name: string) {
	return new OcpiCpmsApi().properties.find((p) => p.name === name)!;
}
