/**
 * The credential's URL may be the CPMS's versions URL or one version's details URL (what many CPMSs hand out):
 * a details URL is used as it is (one discovery request), checked against the versions we speak and the pin.
 * Against the real reference CPMS; requests from the client's recording transport.
 */
import { encodeTokenBase64, OcpiError } from '../../../core/client';
import { versionNamedInUrl } from '../../../core/client/versionDiscovery';
import { clientFor, TOKEN, TOKEN_A, withReferenceCpms } from './helpers';

const OUR_CREDENTIALS = {
	token: 'our-token-b',
	url: 'http://127.0.0.1:9/ocpi/versions',
	roles: [{ role: 'CPO', country_code: 'DE', party_id: 'ACM', business_details: { name: 'Acme Charging' } }],
};

describe('OCPI client: a version details URL in the credential', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64', extraTokens: [TOKEN] });
	const detailsUrl = (version: string) => `${s().cpms.url}/ocpi/${version}`;

	it('discovers with one GET of the details URL, finding the same endpoints as through the versions URL', async () => {
		const viaVersions = clientFor(s(), TOKEN);
		const viaDetails = clientFor(s(), TOKEN, { versionsUrl: detailsUrl('2.2.1') });
		const [long, short] = [await viaVersions.client.discover(), await viaDetails.client.discover()];
		expect(viaVersions.requests.map((r) => r.url)).toEqual([s().cpms.versionsUrl, detailsUrl('2.2.1')]);
		expect(viaDetails.requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${detailsUrl('2.2.1')}`]);
		expect(short).toEqual(long);
		expect(short.locationsUrl).toBe(`${s().cpms.url}/ocpi/2.2.1/receiver/locations`);
		expect(viaDetails.requests[0].headers.Authorization).toBe(`Token ${encodeTokenBase64(TOKEN)}`);
		expect(Object.keys(viaDetails.requests[0].headers).filter((h) => h.startsWith('OCPI-'))).toEqual([]);
	});

	it('a 2.1.1 details URL gets the token plain on its only request (2.1.1 has no encoding rule)', async () => {
		const { client, requests } = clientFor(s(), TOKEN, { versionsUrl: detailsUrl('2.1.1') });
		const found = await client.discover();
		expect(found).toMatchObject({ version: '2.1.1', locationsUrl: `${s().cpms.url}/ocpi/2.1.1/receiver/locations` });
		expect(requests.map((r) => r.headers.Authorization)).toEqual([`Token ${TOKEN}`]);
	});

	it('a pinned version other than the details URL\'s fails with what to change, after that one request', async () => {
		const { client, requests } = clientFor(s(), TOKEN, { versionsUrl: detailsUrl('2.1.1'), versionPreference: ['2.2.1'] });
		const error = await client.discover().catch((e) => e);
		expect(error).toBeInstanceOf(OcpiError);
		expect(error).toMatchObject({ kind: 'discovery', retryable: false });
		expect(error.message).toBe(
			"The credential's URL is the version details of OCPI 2.1.1, but this connection is pinned to OCPI 2.2.1: put the CPMS's versions URL in the credential, or the details URL of a version it speaks",
		);
		expect(requests).toHaveLength(1);
	});

	it('a details object of a version this client does not speak is refused, naming it', async () => {
		const { client } = clientFor(s(), TOKEN, { versionsUrl: detailsUrl('2.2.1') });
		const { client: other } = clientFor(s(), TOKEN, { versionsUrl: detailsUrl('2.2.1'), transport: async () => ({ status: 200, headers: {}, body: JSON.stringify({ status_code: 1000, timestamp: '2026-11-20T10:00:00Z', data: { version: '2.0', endpoints: [] } }) }) });
		await expect(client.discover()).resolves.toMatchObject({ version: '2.2.1' });
		await expect(other.discover()).rejects.toThrow("The credential's URL is the version details of OCPI 2.0, but this client speaks 2.3.0, 2.2.1, 2.1.1");
	});

	it('registers with Token A through a details URL: POSTs our Credentials (our versions URL) to the advertised credentials endpoint', async () => {
		const { client, requests } = clientFor(s(), 'unused', { versionsUrl: detailsUrl('2.2.1') });
		const registration = await client.registerCredentials({ tokenA: TOKEN_A, ourCredentials: OUR_CREDENTIALS });
		expect(registration).toMatchObject({ version: '2.2.1', tokenC: expect.stringMatching(/\S/) });
		expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([`GET ${detailsUrl('2.2.1')}`, `POST ${s().cpms.url}/ocpi/2.2.1/credentials`]);
		expect(requests[1].json).toEqual(OUR_CREDENTIALS);
	});

	it('reads the version named by a URL only from its last path segment', () => {
		expect(versionNamedInUrl('https://cpms/ocpi/2.1.1')).toBe('2.1.1');
		expect(versionNamedInUrl('https://cpms/ocpi/2.2.1/?x=1')).toBe('2.2.1');
		expect(versionNamedInUrl('https://cpms/ocpi/versions')).toBeUndefined();
		expect(versionNamedInUrl('https://cpms/2.1.1/versions')).toBeUndefined();
	});
});
