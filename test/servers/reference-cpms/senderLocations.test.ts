import { validLocation } from '../../fixtures/ocpiLocations';
import { call, withReferenceCpms } from './helpers';

const FROM_ACM = { 'OCPI-from-country-code': 'DE', 'OCPI-from-party-id': 'ACM' };

describe('reference CPMS: Locations Sender (GET list)', () => {
	const s = withReferenceCpms({ senderPageLimit: 2 });
	let sender: string;

	beforeAll(async () => {
		const cpms = s().cpms;
		const details = await call('GET', `${cpms.url}/ocpi/2.2.1`);
		sender = details.json.data.endpoints.find((e: { identifier: string; role: string }) => e.identifier === 'locations' && e.role === 'SENDER').url;
		const receiver = `${cpms.url}/ocpi/2.2.1/receiver/locations`;
		const stamps = ['2026-11-03T12:00:00Z', '2026-11-01T12:00:00Z', '2026-11-02T12:00:00Z'];
		for (const [i, last_updated] of stamps.entries()) {
			const id = `SND-${i + 1}`;
			expect((await call('PUT', `${receiver}/DE/ACM/${id}`, { body: { ...validLocation(id), last_updated } })).json.status_code).toBe(1000);
		}
		const other = { ...validLocation('OTHER-1'), party_id: 'OTH' };
		expect((await call('PUT', `${receiver}/DE/OTH/OTHER-1`, { body: other })).json.status_code).toBe(1000);
	});

	it('is advertised as locations SENDER in the 2.2.1 version details only', async () => {
		expect(sender).toBe(`${s().cpms.url}/ocpi/2.2.1/sender/locations`);
		const details211 = await call('GET', `${s().cpms.url}/ocpi/2.1.1`, { encoding: 'plain' });
		expect(details211.json.data.endpoints.map((e: { url: string }) => e.url).filter((url: string) => url.includes('/sender/'))).toEqual([]);
	});

	it('pages the asking party\'s Locations by last_updated with X-Total-Count, X-Limit and Link rel="next"', async () => {
		const first = await call('GET', `${sender}?offset=0&limit=50`, { headers: FROM_ACM });
		expect(first.json.status_code).toBe(1000);
		expect(first.json.data.map((l: { id: string }) => l.id)).toEqual(['SND-2', 'SND-3']);
		expect(first.headers.get('x-total-count')).toBe('3');
		expect(first.headers.get('x-limit')).toBe('2');
		const next = /<([^>]+)>; rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
		expect(next).toBe(`${sender}?offset=2&limit=2`);
		const last = await call('GET', next!, { headers: FROM_ACM });
		expect(last.json.data.map((l: { id: string }) => l.id)).toEqual(['SND-1']);
		expect(last.headers.get('link')).toBeNull();
	});

	it('filters by date_from (inclusive) and date_to (exclusive), and refuses a malformed date with 2001', async () => {
		const filtered = await call('GET', `${sender}?date_from=2026-11-02T12:00:00Z&date_to=2026-11-03T12:00:00Z`, { headers: FROM_ACM });
		expect(filtered.json.data.map((l: { id: string }) => l.id)).toEqual(['SND-3']);
		expect(filtered.headers.get('x-total-count')).toBe('1');
		const bad = await call('GET', `${sender}?date_from=yesterday`, { headers: FROM_ACM });
		expect(bad.status).toBe(400);
		expect(bad.json.status_code).toBe(2001);
	});

	it('lists every party without OCPI-from headers, and refuses writes and Token A', async () => {
		const all = await call('GET', `${sender}?limit=10`);
		expect(all.headers.get('x-total-count')).toBe('4');
		expect((await call('PUT', sender, { body: {} })).status).toBe(405);
		expect((await call('GET', sender, { token: 'test-token-a' })).status).toBe(401);
	});
});
