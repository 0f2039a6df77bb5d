/**
 * Asset data with `charger_id: ".."` through Mapper → Validator → Push in n8n-core against the reference CPMS:
 * the row is refused upstream and no write reaches another Location. The Push alone (given such an EVSE
 * directly) refuses it in the client.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IConnections } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { sampleRows } from '../fixtures/assets/sampleAssets';
import { validLocation } from '../fixtures/ocpiLocations';
import { loadWorkflowFixture, runWorkflowFixture, type WorkflowFixture } from '../harness';

type Json = Record<string, any>;

const TOKEN = 'unsafe-ids-token-4b1e';
let cpms: ReferenceCpms;
let dir: string;

const credentials = () => ({
	ocpiCpmsApi: { versionsUrl: cpms.versionsUrl, token: TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ABC', toCountryCode: '', toPartyId: '' },
});

/** Mapper → Validator (Valid) → Push, each node as in its own fixture. */
function pipeline(): WorkflowFixture {
	const nodes = ['mapper-rows.json', 'validator-spec.json', 'push-sync.json'].map((file, index) => ({
		...loadWorkflowFixture(file).nodes[0],
		id: `pipeline-${index}`,
		position: [index * 200, 0] as [number, number],
	}));
	const connections: IConnections = {
		'OCPI Mapper': { main: [[{ node: 'OCPI Validator', type: 'main', index: 0 }], []] },
		'OCPI Validator': { main: [[{ node: 'CPMS OCPI Push', type: 'main', index: 0 }], []] },
	};
	return { name: 'Mapper → Validator → Push', nodes, connections, settings: { executionOrder: 'v1' } };
}

function writes(): string[] {
	return cpms.requestLog
		.list()
		.filter((entry) => entry.method === 'PUT' || entry.method === 'PATCH')
		.map((entry) => `${entry.method} ${entry.path}`);
}

function stored(): Record<string, Json> {
	return Object.fromEntries(cpms.store.allLocations('2.2.1').map((entry) => [entry.location.id, entry.location]));
}

beforeEach(async () => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-unsafe-ids-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(dir, 'cpms.json'), extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true });
	// Location "1" is what a normalised …/BER-0001/../1 would address
	const one = { ...validLocation('1'), party_id: 'ABC' };
	const seeded = await runWorkflowFixture('push-sync.json', { inputItems: [one], credentials: credentials() });
	expect(seeded.outputs[0]![0].json.action).toBe('created');
	const first = await runWorkflowFixture(pipeline(), { inputItems: sampleRows(), credentials: credentials() });
	expect(first.error).toBeUndefined();
	expect(first.runData['CPMS OCPI Push'][0].data!.main[0]!.slice(0, 3).map((item) => item.json.action)).toEqual(['created', 'created', 'created']);
	cpms.requestLog.clear();
});

afterEach(async () => {
	await cpms.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('an EVSE uid ".." from asset data', () => {
	it('is refused by the Mapper; the Push writes only the Locations the data names', async () => {
		const before = stored();
		const rows = sampleRows();
		rows.push({ ...rows[0], charger_id: '..', kw: '11' });
		const run = await runWorkflowFixture(pipeline(), { inputItems: rows, credentials: credentials() });
		expect(run.error).toBeUndefined();
		const [locations, unmappable] = run.runData['OCPI Mapper'][0].data!.main;
		expect(unmappable!.map((item) => [item.pairedItem, (item.json as Json).reasons])).toEqual([
			[{ item: 7 }, [expect.stringMatching(/^EVSE '\.\.' at location 'BER-0001': EVSE uid '\.\.' cannot be used: the id is "\.\."/)]],
		]);
		expect(locations!.map((item) => item.json.id)).toEqual(['BER-0001', 'MUC-0007', 'AMS-0003']);
		// the Push ran for every Location and found nothing to write: the data is as in the first run
		const pushed = run.runData['CPMS OCPI Push'][0].data!.main[0]!;
		expect(pushed.slice(0, 3).map((item) => [item.json.locationId, item.json.action])).toEqual([
			['BER-0001', 'unchanged'],
			['MUC-0007', 'unchanged'],
			['AMS-0003', 'unchanged'],
		]);
		expect(cpms.requestLog.list().filter((entry) => entry.method === 'GET' && /\/DE\/ABC\/(BER-0001|MUC-0007|AMS-0003)$/.test(entry.path))).toHaveLength(3);
		expect(writes()).toEqual([]);
		expect(stored()).toEqual(before);
	});

	it('is refused by the client when it reaches the Push directly: the run fails naming the Location, and nothing is written', async () => {
		const before = stored();
		const berlin = structuredClone(before['BER-0001']);
		berlin.evses.push({ ...structuredClone(berlin.evses[0]), uid: '..' });
		const run = await runWorkflowFixture('push-sync.json', { inputItems: [berlin], credentials: credentials() });
		expect(run.error?.message).toBe('Location BER-0001: The id ".." cannot be a URL segment: it would address another object at the CPMS');
		// the Location was read (the plan is made against it), then the write was refused before it was sent
		expect(cpms.requestLog.list().some((entry) => entry.method === 'GET' && entry.path.endsWith('/DE/ABC/BER-0001'))).toBe(true);
		expect(writes()).toEqual([]);
		expect(stored()).toEqual(before);
	});
});
