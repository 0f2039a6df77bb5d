/** Proves the harness drives nodes through n8n-core's real WorkflowExecute, using a test-only node. */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { HarnessApi, HarnessHttpProbe } from '../harness/HarnessHttpProbe.node';
import { HarnessProbe } from '../harness/HarnessProbe.node';
import { loadWorkflowFixture, runNode, runWorkflowFixture } from '../harness';

const nodeTypes = { harnessProbe: HarnessProbe };
const inputItems = [
	{ id: 'CP-1', power: 22 },
	{ id: 'CP-2', power: 3.7 },
	{ id: 'CP-3', power: 'lots' },
];

describe('test harness on real WorkflowExecute', () => {
	it('splits items over two outputs, evaluates expressions per item and keeps pairedItem', async () => {
		const { outputs, error } = await runWorkflowFixture('harness-probe.json', { inputItems, nodeTypes });
		expect(error).toBeUndefined();
		const [kept, dropped] = outputs;
		expect(kept).toEqual([
			{ json: { id: 'CP-1', power: 22, value: 22, label: 'CP-1 at 22 kW' }, pairedItem: { item: 0 } },
		]);
		expect(dropped).toEqual([
			{ json: { id: 'CP-2', power: 3.7, value: 3.7, label: 'CP-2 at 3.7 kW' }, pairedItem: { item: 1 } },
		]);
	});

	it('moves continueOnFail items to the error output appended by onError: continueErrorOutput', async () => {
		const { outputs } = await runWorkflowFixture('harness-probe.json', { inputItems, nodeTypes });
		expect(outputs).toHaveLength(3);
		const errors = outputs[2]!;
		expect(errors).toHaveLength(1);
		expect(errors[0].pairedItem).toEqual({ item: 2 });
		expect(typeof errors[0].json.error).toBe('string');
		expect(String(errors[0].json.error)).toMatch(/lots|number/i);
	});

	it('runs the nodes downstream of the node under test', async () => {
		const { runData } = await runWorkflowFixture('harness-probe.json', { inputItems, nodeTypes });
		const next = runData['After Kept'][0].data!.main[0]!;
		expect(next.map((item) => item.json.id)).toEqual(['CP-1']);
	});

	it('reports a node error as the workflow error when the node does not continue on fail', async () => {
		const fixture = loadWorkflowFixture('harness-probe.json');
		delete fixture.nodes[1].onError;
		const { outputs, error, runData } = await runWorkflowFixture(fixture, { inputItems, nodeTypes });
		expect(outputs).toEqual([]);
		expect(error?.message).toMatch(/lots|number/i);
		expect(runData.Probe[0].error).toBeDefined();
	});

	it('runs a single node without a fixture file', async () => {
		const { outputs } = await runNode(HarnessProbe, { value: '={{ $json.n }}', threshold: 2 }, {
			inputItems: [{ n: 1 }, { n: 5 }],
		});
		expect(outputs[0]!.map((item) => item.json.n)).toEqual([5]);
		expect(outputs[1]!.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
	});
});

describe('test harness credentials', () => {
	let server: http.Server;
	let baseUrl: string;

	beforeAll(async () => {
		// Echoes what arrived, so the test sees the header the credential's generic authenticate set.
		server = http.createServer((request, response) => {
			response.setHeader('content-type', 'application/json');
			response.end(JSON.stringify({ path: request.url, authorization: request.headers.authorization ?? null }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		await new Promise((resolve) => server.close(resolve));
	});

	it('applies a generic authenticate block over the test credentials to a real HTTP request', async () => {
		const { outputs, error } = await runNode(HarnessHttpProbe, { path: '={{ "/ocpi/" + $json.module }}' }, {
			inputItems: [{ module: 'locations' }],
			nodeSettings: { credentials: { harnessApi: { id: '1', name: 'Harness API' } } },
			credentials: { harnessApi: { baseUrl, token: 'secret-token' } },
			credentialTypes: { harnessApi: HarnessApi },
		});
		expect(error).toBeUndefined();
		expect(outputs[0]![0].json).toEqual({ path: '/ocpi/locations', authorization: 'Token secret-token' });
	});
});
