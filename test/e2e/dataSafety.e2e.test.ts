/**
 * Issue 17's rules as users run them: Code (one site's records, as a source node marks them) → OCPI Mapper →
 * OCPI Validator → CPMS OCPI Push, installed into a real n8n and run from its CLI against the reference CPMS.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { startReferenceCpms, type ReferenceCpms } from '../../servers/reference-cpms';
import { asRead, SITE, threeChargerSite } from '../fixtures/assets/siteRead';
import { createN8nInstance, ensureBuilt, importAndRunWorkflow, importCredentials, PROJECT_ROOT, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

type Json = Record<string, any>;

const TOKEN = 'e2e-safety-token-2c8d';
const CREDENTIAL = { id: 'ocpiCpmsSafety01', name: 'Reference CPMS' };

let n8n: N8nInstance;
let cpms: ReferenceCpms;
let workDir: string;

beforeAll(async () => {
	ensureBuilt();
	workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ocpi-safety-e2e-'));
	cpms = await startReferenceCpms({ port: 0, dataFile: path.join(workDir, 'cpms.json'), extraTokens: [TOKEN], tokenEncoding: 'base64', quiet: true });
	n8n = await createN8nInstance();
	await importCredentials(n8n, [{ ...CREDENTIAL, type: 'ocpiCpmsApi', data: { versionsUrl: cpms.versionsUrl, token: TOKEN, headerEncoding: 'base64', countryCode: 'DE', partyId: 'ACM' } }]);
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
	await cpms?.close();
	if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** The pipeline fixture behind a Manual Trigger and a Code node that returns `records`. */
function workflowFile(records: Json[]): string {
	const pipeline = JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'test', 'fixtures', 'workflows', 'pipeline-site-sync.json'), 'utf8'));
	pipeline.nodes[2].credentials = { ocpiCpmsApi: CREDENTIAL };
	const workflow = {
		id: 'dataSafetyE2e001',
		name: 'Data safety e2e',
		nodes: [
			{ parameters: {}, id: 'e2000000-0000-4000-8000-000000000001', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [-440, 0] },
			{
				parameters: { jsCode: `return ${JSON.stringify(records.map((json) => ({ json })))};` },
				id: 'e2000000-0000-4000-8000-000000000002',
				name: 'Site records',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [-220, 0],
			},
			...pipeline.nodes,
		],
		connections: {
			Start: { main: [[{ node: 'Site records', type: 'main', index: 0 }]] },
			'Site records': { main: [[{ node: 'OCPI Mapper', type: 'main', index: 0 }]] },
			...pipeline.connections,
		},
		settings: { executionOrder: 'v1' },
	};
	const file = path.join(workDir, 'safety.json');
	fs.writeFileSync(file, JSON.stringify(workflow));
	return file;
}

async function run(records: Json[]): Promise<{ location: IDataObject; summary: IDataObject; unmappable: INodeExecutionData[] }> {
	cpms.requestLog.clear();
	const outputs = await importAndRunWorkflow(n8n, workflowFile(records));
	const [pushed = []] = outputs['CPMS OCPI Push'];
	const [, unmappable = []] = outputs['OCPI Mapper'];
	expect(pushed).toHaveLength(2);
	return { location: pushed[0].json, summary: pushed[1].json, unmappable };
}

const stored = (): Json => cpms.store.allLocations('2.2.1')[0].location;
const evseStates = () => Object.fromEntries(stored().evses.map((e: Json) => [e.uid, e.status]));
const writes = () => cpms.requestLog.list().filter((entry) => entry.method !== 'GET').map(({ method, path: p }) => `${method} ${p.replace(/^.*\/DE\/ACM\//, '')}`);

describe('data safety in a real n8n', () => {
	it('a charger whose status word is unknown: its EVSE untouched, the others update, the output names the withheld removal, no REMOVED', async () => {
		expect((await run(asRead(threeChargerSite()))).location.action).toBe('created');
		const before = structuredClone(stored().evses[2]);

		const changed = threeChargerSite();
		Object.assign(changed[1], { state: 'in service', updated_at: '2025-03-05T08:00:00Z' });
		Object.assign(changed[2], { state: 'In repair', updated_at: '2025-03-05T08:00:00Z' });
		const { location, summary, unmappable } = await run(asRead(changed));
		expect(unmappable.map((item) => item.pairedItem)).toEqual([{ item: 2 }]);
		expect(location).toMatchObject({
			action: 'partial',
			withheld: [{ path: `evses[${SITE}-AC2]`, reason: expect.stringMatching(/charger BER-0001-AC2 could not be mapped: .*In repair.*left as the CPMS has it/) }],
			changes: [{ path: `evses[${SITE}-DC1].status`, from: 'OUTOFORDER', to: 'AVAILABLE' }],
		});
		expect(summary).toMatchObject({ counts: { partial: 1 }, withheldRemovals: 1 });
		expect(writes()).toEqual([`PATCH ${SITE}/${SITE}-DC1`]);
		expect(evseStates()).toEqual({ [`${SITE}-AC1`]: 'AVAILABLE', [`${SITE}-DC1`]: 'AVAILABLE', [`${SITE}-AC2`]: 'AVAILABLE' });
		expect(stored().evses[2]).toEqual(before);
		expect(JSON.stringify(stored())).not.toContain('REMOVED');
	});

	it('an older state processed after a newer one leaves the newer state, reported stale', async () => {
		/** The site as the first test left it (DC1 back in service), with charger AC1 as given. */
		const siteWith = (state: string, updatedAt: string) => {
			const records = threeChargerSite();
			Object.assign(records[1], { state: 'in service', updated_at: '2025-03-05T08:00:00Z' });
			Object.assign(records[0], { state, updated_at: updatedAt });
			return records;
		};
		const newer = siteWith('faulty', '2025-03-06T08:00:00Z');
		await run(asRead(newer));
		expect(evseStates()[`${SITE}-AC1`]).toBe('OUTOFORDER');

		const older = siteWith('in service', '2025-03-05T12:00:00Z');
		const { location, summary } = await run(asRead(older));
		expect(location).toMatchObject({ action: 'stale', stale: [expect.objectContaining({ path: `evses[${SITE}-AC1]`, pushed: '2025-03-05T12:00:00Z', cpms: '2025-03-06T08:00:00Z' })] });
		expect(summary).toMatchObject({ counts: { stale: 1 }, staleSkips: 1 });
		expect(writes()).toEqual([]);
		expect(evseStates()[`${SITE}-AC1`]).toBe('OUTOFORDER');
	});
});
