/** The client's second line of defence: every id is one encoded segment, and dot segments are refused. */
import { receiverUrl } from '../../../core/client/receiverUrl';
import { planLocationSync } from '../../../core/sync';
import { validLocation } from '../../fixtures/ocpiLocations';
import { clientFor, TOKEN, withReferenceCpms } from './helpers';

const IDS = { country_code: 'DE', party_id: 'ACM', location_id: 'LOC-1', evse_uid: 'EVSE-1', connector_id: '1' };

describe('receiverUrl', () => {
	it('encodes every character that would end or add a segment', () => {
		expect(receiverUrl('http://h/loc', 'connector', { ...IDS, location_id: 'a/b\\c', evse_uid: '%2e%2e', connector_id: 'x?y#z' })).toBe(
			'http://h/loc/DE/ACM/a%2Fb%5Cc/%252e%252e/x%3Fy%23z',
		);
		// whatever a URL parser does with the result, it stays five segments below the endpoint
		const parsed = new URL(receiverUrl('http://h/loc', 'connector', { ...IDS, evse_uid: '..a', connector_id: 'a..' }));
		expect(parsed.pathname).toBe('/loc/DE/ACM/LOC-1/..a/a..');
	});

	it.each(['.', '..', ''])('refuses the id %j in any segment', (id) => {
		for (const key of Object.keys(IDS) as Array<keyof typeof IDS>) {
			expect(() => receiverUrl('http://h/loc', 'connector', { ...IDS, [key]: id })).toThrow(/cannot be a URL segment|URL needs/);
		}
		expect(() => receiverUrl('http://h/loc', 'location', { ...IDS, location_id: id })).toThrow(/cannot be a URL segment: it would address another object/);
	});
});

describe('OCPI client against the reference CPMS: an EVSE uid ".."', () => {
	const s = withReferenceCpms({ tokenEncoding: 'base64' });

	it('sends nothing for it and leaves the other Location as it was', async () => {
		const { client, requests } = clientFor(s(), TOKEN);
		// LOC-1 exists with EVSE "1"; without the check, PUT …/LOC-2/../1 would reach …/LOC-1/1 on a normalising path
		const other = validLocation();
		expect((await client.executePlan(planLocationSync(other, undefined, { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: other.last_updated }))).ok).toBe(true);
		const before = await client.getLocation({ country_code: 'DE', party_id: 'ACM', location_id: 'LOC-1' });
		requests.length = 0;

		const evse = { ...other.evses[0], status: 'OUTOFORDER' };
		await expect(client.put('evse', { country_code: 'DE', party_id: 'ACM', location_id: 'LOC-1', evse_uid: '..' }, evse)).rejects.toThrow(/"\.\." cannot be a URL segment/);
		await expect(client.patch('connector', { ...IDS, location_id: 'LOC-2', evse_uid: '..' }, { max_amperage: 1, last_updated: other.last_updated })).rejects.toThrow(/cannot be a URL segment/);
		expect(requests.filter((request) => request.method !== 'GET')).toEqual([]);
		expect(await client.getLocation({ country_code: 'DE', party_id: 'ACM', location_id: 'LOC-1' })).toEqual(before);
	});
});
