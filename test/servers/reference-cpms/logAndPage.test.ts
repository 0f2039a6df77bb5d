import { validLocation } from '../../fixtures/ocpiLocations';
import { call, discover, removeDir, startCpms, TOKEN, withReferenceCpms } from './helpers';

describe('reference CPMS: request log and web page', () => {
	const s = withReferenceCpms();
	let base: string;
	beforeAll(async () => {
		base = await discover(s().cpms, '2.2.1', 'locations');
	});

	it('logs every request with status, OCPI status and routing headers, without the Authorization header', async () => {
		await fetch(`${s().cpms.url}/admin/requests`, { method: 'DELETE' });
		await call('PUT', `${base}/DE/ACM/LOG-1`, {
			body: validLocation('LOG-1'),
			headers: { 'OCPI-from-country-code': 'DE', 'OCPI-from-party-id': 'ACM', 'OCPI-to-country-code': 'DE', 'OCPI-to-party-id': 'RCP' },
		});
		await call('PATCH', `${base}/DE/ACM/LOG-1`, { body: { name: 'x' } });
		const log = (await (await fetch(`${s().cpms.url}/admin/requests`)).json()) as any;
		// admin calls are logged too (the DELETE above); the OCPI ones are what matter here
		const [put, patch] = log.requests.filter((entry: { path: string }) => entry.path.startsWith('/ocpi/'));
		expect(put).toMatchObject({ method: 'PUT', path: '/ocpi/2.2.1/receiver/locations/DE/ACM/LOG-1', status: 200, ocpiStatus: 1000, ocpiFrom: 'DE/ACM', ocpiTo: 'DE/RCP' });
		expect(put.headers['ocpi-from-party-id']).toBe('ACM');
		expect(put.headers.authorization).toBeUndefined();
		expect(JSON.stringify(log)).not.toContain(Buffer.from(TOKEN).toString('base64'));
		expect(patch).toMatchObject({ method: 'PATCH', status: 400, ocpiStatus: 2001 });
		expect(log.counters.byMethod).toMatchObject({ PUT: 1, PATCH: 1 });
	});

	it('keeps only the most recent entries', async () => {
		const small = await startCpms({ requestLogLimit: 3 });
		try {
			for (let i = 0; i < 5; i++) await call('GET', small.cpms.versionsUrl, { headers: { 'X-Request-ID': `r${i}` } });
			const entries = small.cpms.requestLog.list();
			expect(entries.map((e) => e.headers['x-request-id'])).toEqual(['r2', 'r3', 'r4']);
			expect(small.cpms.requestLog.counters().total).toBe(5);
		} finally {
			await small.stop();
			removeDir(small.dir);
		}
	});

	it('shows Locations, EVSEs (REMOVED marked) and connectors, escaping markup from the data', async () => {
		const location = validLocation('PAGE-1');
		location.name = '<script>alert("x")</script> & Co';
		await call('PUT', `${base}/DE/ACM/PAGE-1`, { body: location });
		await call('PATCH', `${base}/DE/ACM/PAGE-1/PAGE-1-EVSE-1`, { body: { status: 'REMOVED', last_updated: '2026-11-12T00:00:00Z' } });
		const response = await fetch(`${s().cpms.url}/`);
		expect(response.headers.get('content-type')).toContain('text/html');
		expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
		const html = await response.text();
		expect(html).not.toContain('<script>');
		expect(html).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; Co');
		expect(html).toContain('PAGE-1-EVSE-1');
		expect(html).toContain('DE*ACM*E0001*1');
		expect(html).toMatch(/<tr class="removed">.*REMOVED/);
		expect(html).toContain('IEC_62196_T2');
		expect(html).toContain('<meta http-equiv="refresh" content="5">');
	});
});
