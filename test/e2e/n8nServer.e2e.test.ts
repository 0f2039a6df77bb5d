/** The server helpers later e2e tests build on: `n8n start` on private ports, ready when REST answers, stopped cleanly. */
import { createN8nInstance, ensureBuilt, type N8nInstance } from './support';

jest.setTimeout(5 * 60_000);

let n8n: N8nInstance;

beforeAll(async () => {
	ensureBuilt();
	n8n = await createN8nInstance();
}, 25 * 60_000);

afterAll(async () => {
	await n8n?.dispose();
});

it('starts n8n with the package installed, answers REST, and stops', async () => {
	await n8n.start();
	const settings = (await (await fetch(`${n8n.baseUrl}/rest/settings`)).json()) as { data: Record<string, unknown> };
	expect(settings.data).toBeDefined();
	// The community package was picked up from <userFolder>/.n8n/nodes: no loader error in the log.
	expect(n8n.serverLog()).not.toMatch(/n8n-nodes-ocpi-asset-connector.*(error|fail)/i);

	await n8n.stop();
	await expect(fetch(`${n8n.baseUrl}/rest/settings`)).rejects.toThrow();
});
