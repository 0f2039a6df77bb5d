import { createOcpiClient, OcpiError } from '../../../core/client';
import { validLocation } from '../../fixtures/ocpiLocations';
import { recordingTransport, virtualClock } from './fetchTransport';
import { clientFor, FROM, TOKEN, TOKEN_A, withReferenceCpms } from './helpers';

const IDS = { country_code: 'DE', party_id: 'ACM', location_id: 'LOC-H' };
const OUR_CREDENTIALS = {
	token: 'our-token-b',
	url: 'http://127.0.0.1:9/ocpi/versions',
	roles: [{ role: 'CPO', country_code: 'DE', party_id: 'ACM', business_details: { name: 'Acme Charging' } }],
};

describe('OCPI client: credentials handshake', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64', extraTokens: [] });

	it('registers with Token A, gets Token C, and pushes Locations with Token C', async () => {
		const { client: withA, requests } = clientFor(s(), 'unused');
		const registration = await withA.registerCredentials({ tokenA: TOKEN_A, ourCredentials: OUR_CREDENTIALS });
		expect(registration.version).toBe('2.2.1');
		expect(registration.tokenC).toMatch(/\S/);
		expect(registration.tokenC).not.toBe(TOKEN_A);
		expect(registration.roles[0]).toMatchObject({ role: 'OTHER', party_id: 'RCP' });
		const post = requests[requests.length - 1];
		expect(post).toMatchObject({ method: 'POST', url: `${s().cpms.url}/ocpi/2.2.1/credentials` });
		expect(post.json).toEqual(OUR_CREDENTIALS);
		expect(Object.keys(post.headers).filter((h) => h.startsWith('OCPI-'))).toEqual([]);

		const { client: withC } = clientFor(s(), registration.tokenC);
		expect(await withC.put('location', IDS, validLocation('LOC-H'))).toMatchObject({ statusCode: 1000 });
		expect((await withC.getLocation(IDS))?.id).toBe('LOC-H');

		// Token A is void now
		const { client: stillA } = clientFor(s(), TOKEN_A);
		await expect(stillA.discover()).rejects.toMatchObject({ httpStatus: 401 });
		// registering again is refused (405), not retried
		const again = await withA.registerCredentials({ tokenA: TOKEN_A, ourCredentials: OUR_CREDENTIALS }).catch((e) => e);
		expect(again).toBeInstanceOf(OcpiError);
	});
});

describe('OCPI client: rate limit', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64' });

	it('spreads N requests at 5 per second over at least N/5 - 1 seconds of (recorded) waiting', async () => {
		const clock = virtualClock();
		const recording = recordingTransport();
		const client = createOcpiClient({
			versionsUrl: s().cpms.versionsUrl,
			token: TOKEN,
			tokenEncoding: 'base64',
			from: FROM,
			transport: recording.transport,
			sleep: clock.sleep,
			now: clock.now,
			maxRequestsPerSecond: 5,
			concurrency: 3,
		});
		await client.discover();
		const n = 18;
		await Promise.all(Array.from({ length: n }, (_, i) => client.getLocation({ ...IDS, location_id: `X-${i}` })));
		expect(recording.requests).toHaveLength(n + 2);
		// n + 2 requests (discovery included): the first 5 go at once, each further 5 wait a second
		expect(clock.total()).toBe(((n + 2) / 5 - 1) * 1000);
	});

	it('limits concurrent requests', async () => {
		let running = 0;
		let peak = 0;
		const { transport } = recordingTransport();
		const { client } = clientFor(s(), TOKEN, {
			concurrency: 2,
			transport: async (request) => {
				running++;
				peak = Math.max(peak, running);
				try {
					return await transport(request);
				} finally {
					running--;
				}
			},
		});
		await client.discover();
		await Promise.all(Array.from({ length: 8 }, (_, i) => client.getLocation({ ...IDS, location_id: `C-${i}` })));
		expect(peak).toBe(2);
	});
});
