/** The reference CPMS speaks 2.3.0 and any subset of versions, enforcing each version's own rules. */
import { loadOfficial } from '../../conformance/helpers';
import { call, discover, removeDir, startCpms, type Started } from './helpers';

const LONG_ADDRESS = 'Industriegebiet Nord, Gewerbepark an der Bundesstraße 96, Zufahrt über Tor 3, Halle 7';

function location230(): Record<string, any> {
	return { ...loadOfficial('2.3.0', 'location_example.json'), address: LONG_ADDRESS };
}

describe('reference CPMS with a subset of versions', () => {
	const running: Started[] = [];
	afterAll(async () => {
		for (const started of running) {
			await started.stop();
			removeDir(started.dir);
		}
	});
	const start = async (versions?: Array<'2.3.0' | '2.2.1' | '2.1.1'>) => {
		const started = await startCpms(versions ? { versions } : {});
		running.push(started);
		return started.cpms;
	};

	it('lists only the versions it was started with, and answers 3002 for the others', async () => {
		const only230 = await start(['2.3.0']);
		const list = await call('GET', only230.versionsUrl);
		expect(list.json.data.map((entry: { version: string }) => entry.version)).toEqual(['2.3.0']);
		const other = await call('GET', `${only230.url}/ocpi/2.2.1`);
		expect([other.status, other.json.status_code]).toEqual([404, 3002]);
		expect(other.json.status_message).toMatch(/speaks 2\.3\.0/);
		const defaults = await start();
		const defaultList = await call('GET', defaults.versionsUrl);
		expect(defaultList.json.data.map((entry: { version: string }) => entry.version)).toEqual(['2.2.1', '2.1.1']);
		const all = await start(['2.3.0', '2.2.1', '2.1.1']);
		expect((await call('GET', all.versionsUrl)).json.data.map((entry: { version: string }) => entry.version)).toEqual(['2.3.0', '2.2.1', '2.1.1']);
	});

	it('2.3.0 stores a 2.3.0 Location (long address, parking places) that its 2.2.1 endpoint refuses', async () => {
		const cpms = await start(['2.3.0', '2.2.1']);
		const location = location230();
		const at = async (version: '2.3.0' | '2.2.1') => `${await discover(cpms, version, 'locations')}/${location.country_code}/${location.party_id}/${location.id}`;
		const put230 = await call('PUT', await at('2.3.0'), { body: location });
		expect([put230.status, put230.json.status_code]).toEqual([200, 1000]);
		const stored = await call('GET', await at('2.3.0'));
		expect(stored.json.data.address).toBe(LONG_ADDRESS);
		expect(stored.json.data.parking_places).toHaveLength(3);
		const put221 = await call('PUT', await at('2.2.1'), { body: location });
		expect(put221.json.status_code).toBe(2001);
		expect(put221.json.status_message).toMatch(/address/);
		expect(cpms.store.location('2.2.1', 'NL*TNM', location.id)).toBeUndefined();
	});
});
