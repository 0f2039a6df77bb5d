/**
 * CPMS OCPI Push as users run it: installed into a real n8n, with a credential imported the way
 * teams provision them, syncing to the project's reference CPMS on 127.0.0.1.
 *
 * A recorder sits between n8n and each CPMS (the CPMS advertises the recorder's URL), so the tests
 * see every body and Authorization header n8n sent; the CPMS's request log shows what it answered.
 * Tests after the first put their starting state into the CPMS (a PUT straight to it), so each stands alone.
 * Every 2.2.1 test runs against two receivers: the reference CPMS as it is, and with receiver quirks
 * (lower-cased ids, [] and null for unset fields, DateTimes without Z, endpoints on another base, …).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { twoEvseLocation, validLocation, type LocationJson } from '../fixtures/ocpiLocations';
import { validLocation211 } from '../servers/reference-cpms/helpers';
import { BROWSER_ID, createN8nInstance, ensureBuilt, importAndRunWorkflow, importCredentials, setupOwner, startOcpiRecorder, type N8nInstance, type OcpiRecorder } from './support';

jest.setTimeout(5 * 60_000);

const TOKEN = 'e2e-cpms-token-7f3a';
const TOKEN_211 = 'e2e-cpms-211-plain-token-4b1e';
const CREDENTIAL_211 = { id: 'ocpiCpmsE2e00211', name: 'Reference CPMS 2.1.1 only' };

/** A 2.2.1 receiver the tests run against, with the credential that points n8n at it. */
interface Receiver {
	quirks: boolean;
	credential: { id: string; name: string };
	cpms: ReferenceCpms;
	recorder: OcpiRecorder;
}
const RECEIVERS: Record<'plain' | 'quirky', Omit<Receiver, 'cpms' | 'recorder'>> = {
	plain: { quirks: false, credential: { id: 'ocpiCpmsE2e00001', name: 'Reference CPMS' } },
	quirky: { quirks: true, credential: { id: 'ocpiCpmsE2e00002', name: 'Reference CPMS with quirks' } },
};
const receivers: Partial<Record<keyof typeof RECEIVERS, Receiver>> = {};
/** The change a new Location lists (its `from: undefined` does not survive JSON). */
const NEW_LOCATION = { path: 'location', to: 'new Location' };
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/;

let n8n: N8nInstance;
let workDir: string;
/** The receiver of the running describe block: 2.2.1 with base64 tokens. */
let cpms: ReferenceCpms;
let recorder: OcpiRecorder;
let CREDENTIAL: { id: string; name: string };
let quirky = false;
/** Where our (DE/ACM) 2.2.1 Locations live on the current receiver (the quirky one advertises another base). */
let RECEIVER = '';
/** Offers only 2.1.1 (the recorder filters its versions list) and wants plain tokens. */
let cpms211: ReferenceCpms;
let recorder211: OcpiRecorder;

interface PushRun {
	/** Success output without the summary item. */
	items: IDataObject[];
	summary: IDataObject;
	/** Error output (only with continueErrorOutput). */
	errors: INodeExecutionData[];
	/** Everything the node output, serialised: for the token check. */
	text: string;
}

function pushWorkflow(locations: LocationJson[], credential: { id: string; name: string }, onError?: string): object {
	return {
		id: 'ocpiPushE2e00001',
		name: 'Push e2e',
		nodes: [
			{ parameters: {}, id: 'e1000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] },
			{
				parameters: { jsCode: `return ${JSON.stringify(locations.map((json) => ({ json })))};` },
				id: 'e1000000-0000-4000-8000-000000000002',
				name: 'Locations',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
			},
			{
				parameters: { operation: 'syncLocations', options: { addSummaryItem: true, maxAttempts: 2 } },
				id: 'e1000000-0000-4000-8000-000000000003',
				name: 'CPMS OCPI Push',
				type: 'n8n-nodes-ocpi-asset-connector.ocpiPush',
				typeVersion: 1,
				position: [400, 0],
				credentials: { ocpiCpmsApi: credential },
				...(onError ? { onError } : {}),
			},
		],
		connections: {
			Start: { main: [[{ node: 'Locations', type: 'main', index: 0 }]] },
			Locations: { main: [[{ node: 'CPMS OCPI Push', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** One execution of Code (the given Locations) → Push in n8n; the logs are cleared first so they hold this run only. */
async function runPush(locations: LocationJson[], options: { credential?: typeof CREDENTIAL; onError?: 'continueErrorOutput' } = {}): Promise<PushRun> {
	for (const target of [cpms, cpms211]) target.requestLog.clear();
	for (const target of [recorder, recorder211]) target.requests.length = 0;
	const file = path.join(workDir, 'push.json');
	fs.writeFileSync(file, JSON.stringify(pushWorkflow(locations, options.credential ?? CREDENTIAL, options.onError)));
	const [success = [], errors = []] = (await importAndRunWorkflow(n8n, file))['CPMS OCPI Push'];
	const text = JSON.stringify([success, errors]);
	return {
		items: success.filter((item) => !item.json.summary).map((item) => item.json),
		summary: success.find((item) => item.json.summary)?.json ?? {},
		errors,
		text,
	};
}

function expectNoToken(run: PushRun): void {
	for (const token of [TOKEN, TOKEN_211]) {
		expect(run.text).not.toContain(token);
		expect(run.text).not.toContain(Buffer.from(token).toString('base64'));
	}
}

/** PUTs and PATCHes that reached the CPMS, with their bodies. */
function writes(from: OcpiRecorder = recorder): Array<{ method: string; path: string; body?: unknown }> {
	return from.requests.filter((r) => r.method === 'PUT' || r.method === 'PATCH').map(({ method, path: p, body }) => ({ method, path: p, body }));
}

/** An id as the current receiver stores it (the quirky one lower-cases CiStrings). */
function asStored(id: string): string {
	return quirky ? id.toLowerCase() : id;
}

/** The starting state of a test, PUT straight to the CPMS so it stores it its way (the first test shows the node creating it). */
async function seed(location: LocationJson): Promise<void> {
	const response = await fetch(`http://127.0.0.1:${cpms.port}${RECEIVER}/${location.id}`, {
		method: 'PUT',
		headers: { Authorization: `Token ${Buffer.from(TOKEN).toString('base64')}`, 'Content-Type': 'application/json' },
		body: JSON.stringify(location),
	});
	expect(((await response.json()) as { status_code: number }).status_code).toBe(1000);
}

function stored(id: string): LocationJson {
	return cpms.store.location('2.2.1', 'DE*ACM', id)!;
}

function withConnectorPower(location: LocationJson, watts: number): LocationJson {
	const changed = structuredClone(location);
	changed.evses[0].connectors[0].max_electric_power = watts;
	return changed;
}

/** A request as the node lists it in `requests` (the GET that reads the CPMS's state is not listed). */
function sent(method: string, requestPath: string, attempts = 1) {
	return expect.objectContaining({ method, path: requestPath, httpStatus: 200, statusCode: 1000, ok: true, attempts });
}

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-push-e2e-'));
	for (const [name, { quirks, credential }] of Object.entries(RECEIVERS)) {
		const front = await startOcpiRecorder();
		const back = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, `cpms-${name}.json`), extraTokens: [TOKEN], tokenEncoding: 'base64', publicUrl: front.url, quiet: true, quirks });
		front.forwardTo(`http://127.0.0.1:${back.port}`);
		receivers[name as keyof typeof RECEIVERS] = { quirks, credential, cpms: back, recorder: front };
	}
	recorder211 = await startOcpiRecorder({ offerVersions: ['2.1.1'] });
	cpms211 = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms211.json'), extraTokens: [TOKEN_211], tokenEncoding: 'plain', publicUrl: recorder211.url, quiet: true });
	recorder211.forwardTo(`http://127.0.0.1:${cpms211.port}`);
	n8n = await createN8nInstance();
	await importCredentials(n8n, [
		...Object.values(receivers).map((r) => ({ ...r.credential, type: 'ocpiCpmsApi', data: { versionsUrl: r.cpms.versionsUrl, token: TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM' } })),
		{ ...CREDENTIAL_211, type: 'ocpiCpmsApi', data: { versionsUrl: cpms211.versionsUrl, token: TOKEN_211, headerEncoding: 'plain', countryCode: 'BE', partyId: 'BEC' } },
	]);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	for (const r of Object.values(receivers)) {
		await r.cpms.close();
		await r.recorder.close();
	}
	await cpms211?.close();
	await recorder211?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

describe.each(Object.keys(RECEIVERS) as Array<keyof typeof RECEIVERS>)('CPMS OCPI Push in a real n8n, %s receiver', (name) => {
	beforeAll(() => {
		({ cpms, recorder, credential: CREDENTIAL, quirks: quirky } = receivers[name]!);
		RECEIVER = `${quirky ? '/cpms' : ''}/ocpi/2.2.1/receiver/locations/DE/ACM`;
	});

	it('creates the Locations in the CPMS, then a second run of the same data writes nothing', async () => {
		const locations = [validLocation('LOC-E2E-1'), validLocation('LOC-E2E-2')];
		const first = await runPush(locations);
		expect(first.items.map((json) => [json.locationId, json.action])).toEqual([
			['LOC-E2E-1', 'created'],
			['LOC-E2E-2', 'created'],
		]);
		expect(cpms.store.allLocations('2.2.1').map(({ location }) => location.id).sort()).toEqual([asStored('LOC-E2E-1'), asStored('LOC-E2E-2')]);
		// the node writes Locations concurrently, so the order they arrive in is not fixed
		expect(writes().map(({ method, path: p }) => [method, p]).sort()).toEqual([
			['PUT', `${RECEIVER}/LOC-E2E-1`],
			['PUT', `${RECEIVER}/LOC-E2E-2`],
		]);

		const second = await runPush(locations);
		expect(second.summary.counts).toEqual({ unchanged: 2 });
		expect(second.items.map((json) => json.requests)).toEqual([[], []]);
		expect(writes()).toEqual([]);
		// the second run did read each Location: unchanged is a finding, not a skip
		expect(recorder.requests.filter((r) => r.method === 'GET').map((r) => r.path).sort()).toEqual(expect.arrayContaining([`${RECEIVER}/LOC-E2E-1`, `${RECEIVER}/LOC-E2E-2`]));
		expectNoToken(first);
		expectNoToken(second);
	});

	it('the EVSE count never grows and nothing is written over 5 runs of the same data', async () => {
		await seed(twoEvseLocation('LOC-E2E-G'));
		for (let run = 1; run <= 5; run++) {
			const again = await runPush([twoEvseLocation('LOC-E2E-G')]);
			expect(again.items.map((json) => [json.locationId, json.action])).toEqual([['LOC-E2E-G', 'unchanged']]);
			expect(writes()).toEqual([]);
			expect(stored('LOC-E2E-G').evses).toHaveLength(2);
		}
	});

	it('one changed connector is exactly one PATCH at connector level with only that field and last_updated', async () => {
		await seed(validLocation('LOC-E2E-A'));
		const run = await runPush([withConnectorPower(validLocation('LOC-E2E-A'), 11000)]);
		const connectorPath = `${RECEIVER}/LOC-E2E-A/LOC-E2E-A-EVSE-1/1`;
		expect(writes()).toEqual([{ method: 'PATCH', path: connectorPath, body: { max_electric_power: 11000, last_updated: expect.stringMatching(TIMESTAMP) } }]);
		expect(run.items).toEqual([
			{
				locationId: 'LOC-E2E-A',
				action: 'updated',
				requests: [sent('PATCH', connectorPath)],
				changes: [{ path: 'evses[LOC-E2E-A-EVSE-1].connectors[1].max_electric_power', from: 22000, to: 11000 }],
				withheld: [],
				stale: [],
				read: 'get',
			},
		]);
		expect(stored('LOC-E2E-A').evses[0].connectors[0].max_electric_power).toBe(11000);
		expectNoToken(run);
	});

	it('an EVSE left out of a Location without a completeness mark is left as it is and reported; left out of a complete one it is PATCHed to REMOVED', async () => {
		await seed(twoEvseLocation('LOC-E2E-B'));
		const withheld = await runPush([validLocation('LOC-E2E-B')]);
		expect(withheld.items).toEqual([
			expect.objectContaining({
				locationId: 'LOC-E2E-B',
				action: 'partial',
				requests: [],
				withheld: [{ path: `evses[${asStored('LOC-E2E-B-EVSE-2')}]`, reason: expect.stringMatching(/carries no mark of a complete read/) }],
			}),
		]);
		expect(withheld.summary).toMatchObject({ counts: { partial: 1 }, withheldRemovals: 1 });
		expect(writes()).toEqual([]);

		const complete = { ...validLocation('LOC-E2E-B'), _completeness: { complete: true, reasons: [], sources: 1, refused: [] } };
		const run = await runPush([complete]);
		// the vanished EVSE is addressed as the receiver holds it
		const evsePath = `${RECEIVER}/LOC-E2E-B/${asStored('LOC-E2E-B-EVSE-2')}`;
		expect(writes()).toEqual([{ method: 'PATCH', path: evsePath, body: { status: 'REMOVED', last_updated: expect.stringMatching(TIMESTAMP) } }]);
		expect(run.items).toEqual([
			{
				locationId: 'LOC-E2E-B',
				action: 'updated',
				requests: [sent('PATCH', evsePath)],
				changes: [{ path: `evses[${asStored('LOC-E2E-B-EVSE-2')}].status`, from: 'AVAILABLE', to: 'REMOVED' }],
				withheld: [],
				stale: [],
				read: 'get',
			},
		]);
		// OCPI never deletes: the EVSE stays, marked REMOVED
		expect(stored('LOC-E2E-B').evses.map((evse: LocationJson) => [evse.uid, evse.status])).toEqual([
			[asStored('LOC-E2E-B-EVSE-1'), 'AVAILABLE'],
			[asStored('LOC-E2E-B-EVSE-2'), 'REMOVED'],
		]);
		expectNoToken(run);
	});

	it('waits out a 429 (Retry-After: 1) and then writes', async () => {
		// armed when the PUT arrives, so the 429 hits the write itself rather than discovery
		recorder.before(
			(request) => request.method === 'PUT',
			() => cpms.setFaults({ tooManyRequestsNext: 1, retryAfterSeconds: 1 }),
		);
		const run = await runPush([validLocation('LOC-E2E-C')]);
		const locationPath = `${RECEIVER}/LOC-E2E-C`;
		const answered = cpms.requestLog
			.list()
			.filter((entry) => entry.path === locationPath)
			.map((entry) => [entry.method, entry.status, entry.fault]);
		expect(answered).toEqual([
			// the quirky receiver says "unknown Location" with HTTP 200 + 2003
			['GET', quirky ? 200 : 404, undefined],
			['PUT', 429, 'tooManyRequests'],
			['PUT', 200, undefined],
		]);
		const [refused, retried] = recorder.requests.filter((request) => request.method === 'PUT');
		expect(retried.at - refused.at).toBeGreaterThanOrEqual(950);
		expect(run.items).toEqual([{ locationId: 'LOC-E2E-C', action: 'created', requests: [sent('PUT', locationPath, 2)], changes: [NEW_LOCATION], withheld: [], stale: [], read: 'get' }]);
		expect(stored('LOC-E2E-C').id).toBe(asStored('LOC-E2E-C'));
		expectNoToken(run);
	});

	it('with the CPMS down every Location fails and nothing is written; the same run completes once it is back', async () => {
		await seed(validLocation('LOC-E2E-D1'));
		const locations = [withConnectorPower(validLocation('LOC-E2E-D1'), 11000), validLocation('LOC-E2E-D2')];
		const before = JSON.stringify(cpms.store.data);
		cpms.setFaults({ down: 'refuse' });
		let down: PushRun;
		try {
			down = await runPush(locations, { onError: 'continueErrorOutput' });
		} finally {
			cpms.setFaults(null);
		}
		expect(down.items).toEqual([]);
		expect(down.summary).toMatchObject({ counts: { failed: 2 }, requestsSent: 0 });
		// n8n keeps `{ error: message }` as the json of an error item; the outcome travels on item.error.context
		expect(down.errors.map((item) => [item.error?.context?.locationId, item.error?.context?.action, item.pairedItem])).toEqual([
			['LOC-E2E-D1', 'failed', { item: 0 }],
			['LOC-E2E-D2', 'failed', { item: 1 }],
		]);
		expect(down.errors[0].json.error).toMatch(/^Location LOC-E2E-D1: GET http:\/\/127\.0\.0\.1:\d+\/ocpi\/versions: no answer from the CPMS/);
		// nothing got past discovery, the CPMS dropped every request, and its data is as before
		expect(new Set(recorder.requests.map((r) => `${r.method} ${r.path}`))).toEqual(new Set(['GET /ocpi/versions']));
		expect(cpms.requestLog.list().every((entry) => entry.fault === 'refuse')).toBe(true);
		expect(JSON.stringify(cpms.store.data)).toBe(before);
		expectNoToken(down);

		const back = await runPush(locations, { onError: 'continueErrorOutput' });
		expect(back.errors).toEqual([]);
		expect(back.items.map((json) => [json.locationId, json.action])).toEqual([
			['LOC-E2E-D1', 'updated'],
			['LOC-E2E-D2', 'created'],
		]);
		expect(writes().map(({ method, path: p }) => [method, p]).sort()).toEqual([
			['PATCH', `${RECEIVER}/LOC-E2E-D1/LOC-E2E-D1-EVSE-1/1`],
			['PUT', `${RECEIVER}/LOC-E2E-D2`],
		]);
		expect(stored('LOC-E2E-D1').evses[0].connectors[0].max_electric_power).toBe(11000);
		expect(stored('LOC-E2E-D2').id).toBe(asStored('LOC-E2E-D2'));
		expectNoToken(back);
	});
});

describe('CPMS OCPI Push in a real n8n, OCPI 2.1.1', () => {
	beforeAll(() => {
		({ cpms, recorder } = receivers.plain!);
	});

	it('speaks OCPI 2.1.1 with a plain token when that is all the CPMS offers', async () => {
		const run = await runPush([validLocation211('LOC-E2E-211')], { credential: CREDENTIAL_211 });
		const locationPath = '/ocpi/2.1.1/receiver/locations/BE/BEC/LOC-E2E-211';
		expect(run.items).toEqual([{ locationId: 'LOC-E2E-211', action: 'created', requests: [sent('PUT', locationPath)], changes: [NEW_LOCATION], withheld: [], stale: [], read: 'get' }]);
		expect(recorder211.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /ocpi/versions', 'GET /ocpi/2.1.1', `GET ${locationPath}`, `PUT ${locationPath}`]);
		expect(recorder211.requests.map((r) => r.authorization)).toEqual(Array(4).fill(`Token ${TOKEN_211}`));
		expect(cpms211.store.allLocations('2.1.1').map(({ party, location }) => [party, location.id])).toEqual([['BE*BEC', 'LOC-E2E-211']]);
		expect(cpms211.store.allLocations('2.2.1')).toEqual([]);
		expect(recorder.requests).toEqual([]);
		expectNoToken(run);
	});
});

describe('OCPI CPMS credential in a real n8n', () => {
	it('"Test" runs discovery with the token: the right token passes, a wrong one fails without being shown', async () => {
		const { cpms: target } = receivers.plain!;
		await n8n.start();
		try {
			const owner = await setupOwner(n8n);
			const test = async (token: string) => {
				const response = await fetch(`${n8n.baseUrl}/rest/credentials/test`, {
					method: 'POST',
					headers: { 'Content-Type': 'application/json', 'browser-id': BROWSER_ID, cookie: owner.cookie },
					// n8n tests a stored credential (by id) with the data the editor shows, as the editor's Test button does
					body: JSON.stringify({ credentials: { ...RECEIVERS.plain.credential, type: 'ocpiCpmsApi', data: { versionsUrl: target.versionsUrl, token, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM' } } }),
				});
				const text = await response.text();
				expect([response.status, text]).toEqual([200, expect.any(String)]);
				return (JSON.parse(text) as { data: { status: string; message: string } }).data;
			};
			target.requestLog.clear();
			expect(await test(TOKEN)).toEqual({ status: 'OK', message: expect.stringMatching(/^Connected: OCPI 2\.2\.1, the token was accepted; Locations receiver at /) });
			// the version details were read with the token: that is what checks it
			expect(target.requestLog.list().map((e) => [e.method, e.path, e.status])).toEqual([
				['GET', '/ocpi/versions', 200],
				['GET', '/ocpi/2.2.1', 200],
			]);
			const wrong = await test('not-the-token-e2e');
			expect(wrong.status).toBe('Error');
			expect(wrong.message).toMatch(/HTTP 401 Unauthorized/);
			expect(wrong.message).not.toContain('not-the-token-e2e');
			expect(wrong.message).not.toContain(Buffer.from('not-the-token-e2e').toString('base64'));
		} finally {
			await n8n.stop();
		}
	});
});
