import { readdirSync } from 'node:fs';
import { CpmsStore } from '../../../servers/reference-cpms/store';
import { validLocation } from '../../fixtures/ocpiLocations';
import { call, discover, removeDir, startCpms, TOKEN_A } from './helpers';

describe('reference CPMS: persistence', () => {
	it('keeps Locations and the registration across close and start with the same data file', async () => {
		const first = await startCpms({ extraTokens: [] });
		const credentialsUrl = `${first.cpms.url}/ocpi/2.2.1/credentials`;
		const body = { token: 'b', url: 'http://x/versions', roles: [{ role: 'CPO', party_id: 'ACM', country_code: 'DE', business_details: { name: 'Acme' } }] };
		const tokenC = (await call('POST', credentialsUrl, { token: TOKEN_A, body })).json.data.token;
		const locations = await discover(first.cpms, '2.2.1', 'locations', tokenC);
		await call('PUT', `${locations}/DE/ACM/P-1`, { token: tokenC, body: validLocation('P-1') });
		await call('PATCH', `${locations}/DE/ACM/P-1/P-1-EVSE-1`, { token: tokenC, body: { status: 'REMOVED', last_updated: '2026-11-12T00:00:00Z' } });
		await first.stop();

		// one SQLite file: a clean close folds the write-ahead log back in and leaves nothing beside it
		expect(readdirSync(first.dir)).toEqual(['cpms.sqlite']);
		const reopened = new CpmsStore(first.dataFile);
		expect(reopened.location('2.2.1', 'DE*ACM', 'p-1')?.evses[0].status).toBe('REMOVED');
		reopened.close();

		const second = await startCpms({ extraTokens: [] }, first.dir);
		try {
			const again = await discover(second.cpms, '2.2.1', 'locations', tokenC);
			const got = await call('GET', `${again}/DE/ACM/P-1`, { token: tokenC });
			expect(got.json.data.evses[0].status).toBe('REMOVED');
			expect(got.json.data.last_updated).toBe('2026-11-12T00:00:00Z');
			// Token A stays void after a restart
			expect((await call('GET', second.cpms.versionsUrl, { token: TOKEN_A })).status).toBe(401);
		} finally {
			await second.stop();
			removeDir(first.dir);
		}
	});
});
