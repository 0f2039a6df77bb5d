import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { validLocation } from '../../fixtures/ocpiLocations';
import { call, discover, removeDir, startCpms, TOKEN_A, type Started } from './helpers';

const TOKEN_B = 'client-token-b';

function clientCredentials(url: string) {
	return {
		token: TOKEN_B,
		url,
		roles: [{ role: 'CPO', party_id: 'ACM', country_code: 'DE', business_details: { name: 'Acme Charging' } }],
	};
}

/** A minimal client platform exposing versions + details, recording the Authorization headers it gets. */
async function startClient(): Promise<{ server: Server; versionsUrl: string; authorizations: string[] }> {
	const authorizations: string[] = [];
	const server = createServer((req, res) => {
		authorizations.push(String(req.headers.authorization));
		const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		const data =
			req.url === '/versions'
				? [{ version: '2.2.1', url: `${base}/2.2.1` }]
				: { version: '2.2.1', endpoints: [{ identifier: 'credentials', role: 'SENDER', url: `${base}/2.2.1/credentials` }] };
		res.writeHead(200, { 'Content-Type': 'application/json' });
		res.end(JSON.stringify({ data, status_code: 1000, timestamp: new Date().toISOString() }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, versionsUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/versions`, authorizations };
}

describe('reference CPMS: credentials handshake', () => {
	const started: Started[] = [];
	async function start(options = {}) {
		const s = await startCpms({ extraTokens: [], ...options });
		started.push(s);
		return s;
	}
	afterAll(async () => {
		for (const s of started) {
			await s.stop();
			removeDir(s.dir);
		}
	});

	it('A → B → C: Token A registers, returns TOKEN_C; afterwards A is void, C works, POST again is 405', async () => {
		const s = await start();
		const credentialsUrl = await discover(s.cpms, '2.2.1', 'credentials', TOKEN_A);
		const post = await call('POST', credentialsUrl, { token: TOKEN_A, body: clientCredentials('http://127.0.0.1:9/versions') });
		expect(post.status).toBe(200);
		expect(post.json.status_code).toBe(1000);
		const tokenC: string = post.json.data.token;
		expect(tokenC).toBeTruthy();
		expect(tokenC).not.toBe(TOKEN_A);
		expect(post.json.data.url).toBe(s.cpms.versionsUrl);
		expect(post.json.data.roles[0]).toMatchObject({ role: expect.any(String), party_id: expect.any(String), country_code: expect.any(String) });
		expect(s.cpms.store.data.registration?.clientToken).toBe(TOKEN_B);

		expect((await call('GET', s.cpms.versionsUrl, { token: TOKEN_A })).status).toBe(401);
		expect((await call('POST', credentialsUrl, { token: TOKEN_A, body: clientCredentials('http://x/versions') })).status).toBe(401);
		expect((await call('GET', s.cpms.versionsUrl, { token: tokenC })).status).toBe(200);
		const locations = await discover(s.cpms, '2.2.1', 'locations', tokenC);
		expect((await call('PUT', `${locations}/DE/ACM/HS-1`, { token: tokenC, body: validLocation('HS-1') })).json.status_code).toBe(1000);

		const again = await call('POST', credentialsUrl, { token: tokenC, body: clientCredentials('http://x/versions') });
		expect(again.status).toBe(405);
	});

	it('PUT rotates TOKEN_C, DELETE unregisters; both are 405 before registration', async () => {
		const s = await start();
		const credentialsUrl = `${s.cpms.url}/ocpi/2.2.1/credentials`;
		expect((await call('PUT', credentialsUrl, { token: TOKEN_A, body: clientCredentials('http://x/versions') })).status).toBe(405);
		expect((await call('DELETE', credentialsUrl, { token: TOKEN_A })).status).toBe(405);
		const tokenC = (await call('POST', credentialsUrl, { token: TOKEN_A, body: clientCredentials('http://x/versions') })).json.data.token;
		const put = await call('PUT', credentialsUrl, { token: tokenC, body: { ...clientCredentials('http://y/versions'), token: 'client-token-b2' } });
		expect(put.json.status_code).toBe(1000);
		const newC = put.json.data.token;
		expect(newC).not.toBe(tokenC);
		expect((await call('GET', credentialsUrl, { token: tokenC })).status).toBe(401);
		expect((await call('GET', credentialsUrl, { token: newC })).json.data.token).toBe(newC);
		expect(s.cpms.store.data.registration?.clientToken).toBe('client-token-b2');
		expect((await call('DELETE', credentialsUrl, { token: newC })).json.status_code).toBe(1000);
		expect((await call('GET', credentialsUrl, { token: newC })).status).toBe(401);
		expect((await call('GET', credentialsUrl, { token: TOKEN_A })).status).toBe(401);
	});

	it('refuses an invalid Credentials object with 2001', async () => {
		const s = await start();
		const r = await call('POST', `${s.cpms.url}/ocpi/2.2.1/credentials`, { token: TOKEN_A, body: { token: '', url: 'ftp://x', roles: [] } });
		expect(r.status).toBe(400);
		expect(r.json.status_code).toBe(2001);
		expect(r.json.status_message).toContain('roles');
		expect(s.cpms.store.data.registration).toBeNull();
	});

	it('calls the client back with TOKEN_B (base64 in 2.2.1) when the client is reachable', async () => {
		const client = await startClient();
		try {
			const s = await start({ credentialsCallback: 'require' });
			const r = await call('POST', `${s.cpms.url}/ocpi/2.2.1/credentials`, { token: TOKEN_A, body: clientCredentials(client.versionsUrl) });
			expect(r.json.status_code).toBe(1000);
			expect(client.authorizations).toEqual([`Token ${Buffer.from(TOKEN_B).toString('base64')}`, `Token ${Buffer.from(TOKEN_B).toString('base64')}`]);
			expect(s.cpms.store.data.registration?.callback).toMatchObject({ ok: true });
		} finally {
			client.server.close();
		}
	});

	it('with callback "require", an unreachable client gets 3001 and no registration; with "try" it registers anyway', async () => {
		const strict = await start({ credentialsCallback: 'require' });
		const r = await call('POST', `${strict.cpms.url}/ocpi/2.2.1/credentials`, { token: TOKEN_A, body: clientCredentials('http://127.0.0.1:9/versions') });
		expect(r.json.status_code).toBe(3001);
		expect(strict.cpms.store.data.registration).toBeNull();
		const lenient = await start({ credentialsCallback: 'try' });
		const ok = await call('POST', `${lenient.cpms.url}/ocpi/2.2.1/credentials`, { token: TOKEN_A, body: clientCredentials('http://127.0.0.1:9/versions') });
		expect(ok.json.status_code).toBe(1000);
		expect(lenient.cpms.store.data.registration?.callback?.ok).toBe(false);
	});

	it('runs the 2.1.1 handshake with plain tokens and the 2.1.1 Credentials shape', async () => {
		const s = await start();
		const url = await discover(s.cpms, '2.1.1', 'credentials', TOKEN_A);
		const body = { token: TOKEN_B, url: 'http://x/versions', party_id: 'ACM', country_code: 'DE', business_details: { name: 'Acme' } };
		const r = await call('POST', url, { token: TOKEN_A, encoding: 'plain', body });
		expect(r.json.status_code).toBe(1000);
		expect(r.json.data).toMatchObject({ token: expect.any(String), url: s.cpms.versionsUrl, party_id: expect.any(String), business_details: { name: expect.any(String) } });
		expect(r.json.data.roles).toBeUndefined();
	});
});
