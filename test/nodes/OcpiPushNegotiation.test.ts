/**
 * CPMS OCPI Push negotiates the OCPI version with the real reference CPMS (in-process, 127.0.0.1) through
 * n8n-core's real WorkflowExecute: the highest common version, or the credential's pin; 2.3.0 Locations
 * are converted down for a 2.2.1-only CPMS with a per-Location loss report.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { OcpiVersion } from '../../core/ocpi/version';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { loadOfficial } from '../conformance/helpers';
import { loadWorkflowFixture, runWorkflowFixture } from '../harness';

type Json = Record<string, any>;

const TOKEN = 'negotiation-test-token-5c1e';
const LONG_ADDRESS = 'Industriegebiet Nord, Gewerbepark an der Bundesstraße 96, Zufahrt über Tor 3, Halle 7';

let cpms: ReferenceCpms;
let dir: string;

async function start(versions: OcpiVersion[]): Promise<void> {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-negotiation-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(dir, 'cpms.json'), extraTokens: [TOKEN], quiet: true, versions });
}

afterEach(async () => {
	await cpms.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

/** The official 2.3.0 example with what 2.2.1 cannot carry: a long address, NACS and a 2.3.0 parking restriction. */
function location230(): Json {
	const location = loadOfficial('2.3.0', 'location_example.json');
	location.address = LONG_ADDRESS;
	location.help_phone = '+31 20 123 4567';
	location.evses[0].connectors[0].standard = 'SAE_J3400';
	location.evses[1].parking_restrictions = ['EMPLOYEES'];
	return location;
}

async function push(location: Json, pin = '', extraOptions: Json = {}) {
	const workflow = loadWorkflowFixture('push-sync.json');
	const node = workflow.nodes[0] as Json;
	node.parameters.options = { ...node.parameters.options, ...extraOptions };
	const { outputs, error } = await runWorkflowFixture(workflow, {
		inputItems: [location],
		credentials: { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'BE', partyId: 'BEC', toCountryCode: '', toPartyId: '', ocpiVersion: pin } },
	});
	expect(error).toBeUndefined();
	return outputs[0]![0];
}

function writePaths(): string[] {
	return cpms.requestLog.list().filter((entry) => entry.method === 'PUT' || entry.method === 'PATCH').map((entry) => `${entry.method} ${entry.path}`);
}

const EXPECTED_LOSSES = [
	['parking_places', 'removed'],
	['help_phone', 'removed'],
	['address', 'cut'],
	['evses[0].parking', 'removed'],
	['evses[0].connectors[0].standard', 'changed'],
	['evses[1].parking', 'removed'],
	['evses[1].parking_restrictions[0]', 'removed'],
];

describe('CPMS OCPI Push: version negotiation and down-conversion', () => {
	it('against a 2.2.1-only CPMS: converts down, reports every lost field, and says partial', async () => {
		await start(['2.2.1']);
		const item = await push(location230());
		const json = item.json as Json;
		expect(json.action).toBe('partial');
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(json.conversion.from).toBe('2.3.0');
		expect(json.conversion.to).toBe('2.2.1');
		expect(json.conversion.losses.map((loss: Json) => [loss.path, loss.kind])).toEqual(EXPECTED_LOSSES);
		const address = json.conversion.losses.find((loss: Json) => loss.path === 'address');
		expect(address).toMatchObject({ from: LONG_ADDRESS, to: LONG_ADDRESS.slice(0, 45) });
		expect(json.conversion.losses.find((loss: Json) => loss.kind === 'changed')).toMatchObject({ from: 'SAE_J3400', to: 'TESLA_S' });
		// what the CPMS holds is the converted Location, sent to its 2.2.1 endpoint
		expect(writePaths()).toEqual([expect.stringMatching(/^PUT \/ocpi\/2\.2\.1\/receiver\/locations\/BE\/BEC\/LOC1$/)]);
		const stored = cpms.store.location('2.2.1', 'BE*BEC', 'LOC1')!;
		expect(stored.address).toBe(LONG_ADDRESS.slice(0, 45));
		expect(stored.parking_places).toBeUndefined();
		expect(stored.evses[0].connectors[0].standard).toBe('TESLA_S');
	});

	it('against a CPMS speaking 2.3.0: picks 2.3.0 and loses nothing', async () => {
		await start(['2.3.0', '2.2.1']);
		const location = location230();
		const json = (await push(location)).json as Json;
		expect(json.action).toBe('created');
		expect(json.conversion).toBeUndefined();
		expect(writePaths()).toEqual([expect.stringMatching(/^PUT \/ocpi\/2\.3\.0\/receiver\/locations\/BE\/BEC\/LOC1$/)]);
		const stored = cpms.store.location('2.3.0', 'BE*BEC', 'LOC1')!;
		expect(stored.address).toBe(LONG_ADDRESS);
		expect(stored.parking_places).toEqual(location.parking_places);
		expect(stored.evses[0].connectors[0].standard).toBe('SAE_J3400');
	});

	it('the credential pins 2.2.1 on a CPMS that speaks 2.3.0 too: 2.2.1 it is, converted', async () => {
		await start(['2.3.0', '2.2.1']);
		const json = (await push(location230(), '2.2.1')).json as Json;
		expect(json.action).toBe('partial');
		expect(json.conversion.losses).toHaveLength(EXPECTED_LOSSES.length);
		expect(writePaths()).toEqual([expect.stringMatching(/^PUT \/ocpi\/2\.2\.1\//)]);
	});

	it('a connector standard 2.2.1 cannot express (MCS) refuses the Location: nothing is sent, the report says why', async () => {
		await start(['2.2.1']);
		const location = location230();
		location.evses[1].connectors[0].standard = 'MCS';
		const { outputs } = await runWorkflowFixture(
			(() => {
				const workflow = loadWorkflowFixture('push-sync.json');
				workflow.nodes[0].onError = 'continueRegularOutput' as never;
				return workflow;
			})(),
			{
				inputItems: [location],
				credentials: { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'BE', partyId: 'BEC', toCountryCode: '', toPartyId: '' } },
			},
		);
		const json = outputs[0]![0].json as Json;
		expect(JSON.stringify(json)).toMatch(/evses\[1\]\.connectors\[0\]\.standard is MCS, which OCPI 2\.2\.1 cannot express/);
		expect(writePaths()).toEqual([]);
	});

	it('in the ledger rows a converted Location stays pending, with what was lost as the reason (never in_sync)', async () => {
		await start(['2.2.1']);
		const row = (await push(location230(), '', { output: 'ledgerRows' })).json as Json;
		expect(row).toMatchObject({ location_id: 'BE*BEC*LOC1', state: 'pending', action: 'partial' });
		expect(row.reason).toContain('converted to OCPI 2.2.1');
		expect(row.reason).toContain('address');
		expect(writePaths()).toHaveLength(1);
	});

	it('rows from Read CPMS Locations vouch for the converted Location (no request), and its row still says pending', async () => {
		await start(['2.2.1']);
		await push(location230());
		const run = async (parameters: Json, inputItems: Json[]) => {
			const workflow = loadWorkflowFixture('push-sync.json');
			workflow.nodes[0].parameters = parameters;
			const credentials = { ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', countryCode: 'BE', partyId: 'BEC', toCountryCode: '', toPartyId: '' } };
			const { outputs, error } = await runWorkflowFixture(workflow, { inputItems, credentials });
			expect(error).toBeUndefined();
			return outputs[0]!.map((item) => item.json as Json);
		};
		const rows = await run({ operation: 'readCpmsLocations' }, [{}]);
		cpms.requestLog.clear();
		const options = { output: 'ledgerRows', ledgerRows: rows, ledgerIsCompleteRead: true, cpmsVersion: '2.2.1' };
		const [row] = await run({ operation: 'syncLocations', cpmsRead: 'ledger', options }, [location230()]);
		expect(cpms.requestLog.list()).toEqual([]);
		expect(row).toMatchObject({ location_id: 'BE*BEC*LOC1', state: 'pending', action: 'partial', read: 'ledger' });
		expect(row.reason).toContain('converted to OCPI 2.2.1');
	});
});
