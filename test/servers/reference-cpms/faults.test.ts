import { validLocation } from '../../fixtures/ocpiLocations';
import { call, discover, withReferenceCpms } from './helpers';

describe('reference CPMS: fault switches', () => {
	const s = withReferenceCpms();
	let base: string;
	beforeAll(async () => {
		base = await discover(s().cpms, '2.2.1', 'locations');
	});
	afterEach(() => {
		s().cpms.setFaults(null);
	});

	it('answers the next N requests with 429 and a Retry-After header, then normally', async () => {
		s().cpms.setFaults({ tooManyRequestsNext: 2, retryAfterSeconds: 7 });
		for (let i = 0; i < 2; i++) {
			const r = await call('GET', s().cpms.versionsUrl);
			expect(r.status).toBe(429);
			expect(r.headers.get('retry-after')).toBe('7');
			expect(r.json.status_code).toBe(2000);
		}
		expect((await call('GET', s().cpms.versionsUrl)).status).toBe(200);
	});

	it('fails a seeded share of requests with 5xx, the same share for the same seed', async () => {
		async function run(): Promise<number[]> {
			s().cpms.setFaults({ seed: 42, error5xxRate: 0.3, error5xxStatus: 503 });
			const statuses: number[] = [];
			for (let i = 0; i < 40; i++) statuses.push((await call('GET', s().cpms.versionsUrl)).status);
			return statuses;
		}
		const first = await run();
		const second = await run();
		expect(second).toEqual(first);
		const failed = first.filter((status) => status === 503).length;
		expect(failed).toBeGreaterThan(4);
		expect(failed).toBeLessThan(24);
		expect(first.every((status) => status === 200 || status === 503)).toBe(true);
	});

	it('adds latency', async () => {
		s().cpms.setFaults({ latencyMs: 150 });
		const started = Date.now();
		expect((await call('GET', s().cpms.versionsUrl)).status).toBe(200);
		expect(Date.now() - started).toBeGreaterThanOrEqual(140);
	});

	it('resets connections (the client sees a network error) and stores nothing for them', async () => {
		s().cpms.setFaults({ resetNext: 1 });
		await expect(call('PUT', `${base}/DE/ACM/RESET-1`, { body: validLocation('RESET-1') })).rejects.toThrow();
		expect((await call('GET', `${base}/DE/ACM/RESET-1`)).status).toBe(404);
	});

	it('when down, refuses every OCPI request (closed connection) or answers 503; admin stays reachable', async () => {
		s().cpms.setFaults({ down: 'refuse' });
		await expect(call('GET', s().cpms.versionsUrl)).rejects.toThrow();
		const admin = await fetch(`${s().cpms.url}/admin/faults`);
		expect(((await admin.json()) as { down: unknown }).down).toBe('refuse');
		s().cpms.setFaults({ down: '503' });
		const r = await call('GET', s().cpms.versionsUrl);
		expect(r.status).toBe(503);
		expect(r.json.status_code).toBe(3000);
	});

	it('answers HTTP 200 with an OCPI 3000-level status when asked', async () => {
		s().cpms.setFaults({ ocpiErrorNext: 1, ocpiErrorCode: 3001 });
		const r = await call('PUT', `${base}/DE/ACM/OCPI-ERR`, { body: validLocation('OCPI-ERR') });
		expect(r.status).toBe(200);
		expect(r.json.status_code).toBe(3001);
		expect((await call('GET', `${base}/DE/ACM/OCPI-ERR`)).status).toBe(404);
	});

	it('applies a write and then loses its answer: HTTP 5xx (status_code 3000) or a dropped connection, the Location stored all the same', async () => {
		s().cpms.setFaults({ lostAnswerNext: 1, error5xxStatus: 504 });
		const lost = await call('PUT', `${base}/DE/ACM/LOST-1`, { body: validLocation('LOST-1') });
		expect([lost.status, lost.json.status_code]).toEqual([504, 3000]);
		expect((await call('GET', `${base}/DE/ACM/LOST-1`)).json.data.id).toBe('LOST-1');
		s().cpms.setFaults({ lostAnswerNext: 1, lostAnswerAs: 'reset' });
		await expect(call('PUT', `${base}/DE/ACM/LOST-2`, { body: validLocation('LOST-2') })).rejects.toThrow();
		expect((await call('GET', `${base}/DE/ACM/LOST-2`)).json.data.id).toBe('LOST-2');
		expect(s().cpms.requestLog.list().filter((e) => e.fault === 'lostAnswer').map((e) => [e.method, e.status])).toEqual([
			['PUT', 504],
			['PUT', 0],
		]);
		const bad = await fetch(`${s().cpms.url}/admin/faults`, { method: 'POST', body: JSON.stringify({ lostAnswerAs: 'timeout' }) });
		expect(((await bad.json()) as { error: string }).error).toContain('lostAnswerAs');
	});

	it('is switched over HTTP too: POST /admin/faults merges, refuses unknown settings, DELETE clears', async () => {
		const set = await fetch(`${s().cpms.url}/admin/faults`, { method: 'POST', body: JSON.stringify({ tooManyRequestsNext: 1, retryAfterSeconds: 3 }) });
		expect(set.status).toBe(200);
		expect((await call('GET', s().cpms.versionsUrl)).headers.get('retry-after')).toBe('3');
		const bad = await fetch(`${s().cpms.url}/admin/faults`, { method: 'POST', body: JSON.stringify({ error5xxRate: 2, explode: true }) });
		expect(bad.status).toBe(400);
		expect(((await bad.json()) as { error: string }).error).toContain('explode');
		await fetch(`${s().cpms.url}/admin/faults`, { method: 'POST', body: JSON.stringify({ down: '503' }) });
		expect((await fetch(`${s().cpms.url}/admin/faults`, { method: 'DELETE' })).status).toBe(200);
		expect((await call('GET', s().cpms.versionsUrl)).status).toBe(200);
	});
});
