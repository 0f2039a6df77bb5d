import { createOcpiClient, encodeTokenBase64, OcpiError } from '../../../core/client';
import { recordingTransport, virtualClock } from './fetchTransport';
import { clientFor, FROM, TOKEN, withReferenceCpms } from './helpers';

describe('OCPI client: discovery and headers', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64' });

	it('finds the 2.2.1 locations RECEIVER through versions and details, with a base64 token and no routing headers', async () => {
		const { client, requests } = clientFor(s(), TOKEN);
		const found = await client.discover();
		expect(found.version).toBe('2.2.1');
		expect(found.locationsUrl).toBe(`${s().cpms.url}/ocpi/2.2.1/receiver/locations`);
		expect(found.credentialsUrl).toBe(`${s().cpms.url}/ocpi/2.2.1/credentials`);
		expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${s().cpms.versionsUrl}`, `GET ${s().cpms.url}/ocpi/2.2.1`]);
		for (const r of requests) {
			expect(r.headers.Authorization).toBe(`Token ${encodeTokenBase64(TOKEN)}`);
			expect(r.headers.Authorization).not.toMatch(/\s$/);
			expect(r.headers['X-Request-ID']).toMatch(/^[0-9a-f-]{36}$/);
			expect(Object.keys(r.headers).filter((h) => h.startsWith('OCPI-'))).toEqual([]);
		}
		expect(requests[0].headers['X-Request-ID']).not.toBe(requests[1].headers['X-Request-ID']);
		await client.discover();
		expect(requests).toHaveLength(2); // cached
	});

	it('speaks 2.1.1 when preferred, sending the token plain', async () => {
		const { client, requests } = clientFor(s(), TOKEN, { versionPreference: ['2.1.1'] });
		const found = await client.discover();
		expect(found).toMatchObject({ version: '2.1.1', locationsUrl: `${s().cpms.url}/ocpi/2.1.1/receiver/locations` });
		expect(requests[1].headers.Authorization).toBe(`Token ${TOKEN}`);
	});

	it('sends routing headers, Content-Type and percent-encoded ids on Locations calls', async () => {
		const { client, requests } = clientFor(s(), TOKEN);
		const missing = await client.getLocation({ country_code: 'DE', party_id: 'ACM', location_id: 'A/B ?' });
		expect(missing).toBeUndefined();
		const get = requests[requests.length - 1];
		expect(get.url).toBe(`${s().cpms.url}/ocpi/2.2.1/receiver/locations/DE/ACM/A%2FB%20%3F`);
		expect(get.headers).toMatchObject({ 'OCPI-from-country-code': 'DE', 'OCPI-from-party-id': 'ACM', 'OCPI-to-country-code': 'DE', 'OCPI-to-party-id': 'RCP' });
		expect(get.headers['Content-Type']).toBeUndefined();
		const entry = s().cpms.requestLog.list().pop()!;
		expect(entry).toMatchObject({ ocpiFrom: 'DE/ACM', ocpiTo: 'DE/RCP' });
	});

	it('says which endpoints the CPMS offers when it has no locations RECEIVER', async () => {
		const recording = recordingTransport((request, response) => {
			if (!request.url.endsWith('/ocpi/2.2.1')) return response;
			const body = JSON.parse(String(response.body));
			body.data.endpoints = [
				{ identifier: 'credentials', role: 'RECEIVER', url: `${s().cpms.url}/ocpi/2.2.1/credentials` },
				{ identifier: 'tariffs', role: 'SENDER', url: `${s().cpms.url}/ocpi/2.2.1/tariffs` },
			];
			return { ...response, body: JSON.stringify(body) };
		});
		const clock = virtualClock();
		const client = createOcpiClient({ versionsUrl: s().cpms.versionsUrl, token: TOKEN, tokenEncoding: 'base64', from: FROM, transport: recording.transport, sleep: clock.sleep });
		const error = await client.discover().catch((e) => e);
		expect(error).toBeInstanceOf(OcpiError);
		expect(error.message).toBe('The CPMS offers no locations RECEIVER endpoint for OCPI 2.2.1; it offers: credentials, tariffs');
		expect(error.retryable).toBe(false);
	});

	it('reports a missing common version', async () => {
		const { client } = clientFor(s(), TOKEN, { versionPreference: [] });
		await expect(client.discover()).rejects.toThrow('No common OCPI version: the CPMS offers 2.2.1, 2.1.1');
	});
});
