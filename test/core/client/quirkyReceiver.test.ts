/**
 * The client and planner against the reference CPMS with receiver quirks (lower-cased ids, [] and
 * null for unset fields, DateTimes in another form, 200 + 3000 for unknown objects, endpoints on
 * another base): the sync converges there as on the plain receiver.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OcpiError, type OcpiClient } from '../../../core/client';
import { planLocationSync, type PlanOptions } from '../../../core/sync';
import { twoEvseLocation, validLocation, type LocationJson } from '../../fixtures/ocpiLocations';
import type { RecordedRequest } from './fetchTransport';
import { clientFor, startCpms, removeDir, TOKEN, withReferenceCpms } from './helpers';

const OPTIONS: PlanOptions = { version: '2.2.1', removedEvsePolicy: 'markRemoved', now: '2026-11-20T10:00:00Z' };
const IDS = { country_code: 'DE', party_id: 'ACM' };

/** What the Push does per Location: read it from the CPMS, plan against that, send the plan. */
async function sync(client: OcpiClient, location: LocationJson) {
	const known = await client.getLocation({ ...IDS, location_id: location.id });
	const plan = planLocationSync(location, known, OPTIONS);
	const execution = await client.executePlan(plan);
	expect(execution.ok).toBe(true);
	return plan;
}

function writes(requests: RecordedRequest[], from = 0) {
	return requests.slice(from).filter((r) => r.method === 'PUT' || r.method === 'PATCH');
}

/** A Location with a DateTime outside last_updated, so the instant rule is exercised too. */
function withClosing(id: string): LocationJson {
	const location = twoEvseLocation(id);
	location.opening_times = { twentyfourseven: true, exceptional_closings: [{ period_begin: '2026-12-24T18:00:00Z', period_end: '2026-12-26T06:00:00Z' }] };
	return location;
}

describe('OCPI client against a receiver with quirks', () => {
	const s = withReferenceCpms({ quirks: true });

	it('creates all, then writes nothing, one PATCH for one connector, one PATCH REMOVED, and the EVSE count never grows over 5 runs', async () => {
		const { client, requests } = clientFor(s(), TOKEN);
		const network = [withClosing('LOC-Q1'), validLocation('LOC-Q2'), twoEvseLocation('LOC-Q3')];

		for (const location of network) expect((await sync(client, location)).action).toBe('create');
		expect(writes(requests).map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);

		let from = requests.length;
		for (const location of network) expect((await sync(client, location)).action).toBe('unchanged');
		expect(writes(requests, from)).toEqual([]);

		const changed = structuredClone(network);
		changed[1].evses[0].connectors[0].max_electric_power = 11000;
		from = requests.length;
		for (const location of changed) await sync(client, location);
		expect(writes(requests, from).map((r) => [r.method, new URL(r.url).pathname, r.json])).toEqual([
			['PATCH', '/cpms/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-Q2/LOC-Q2-EVSE-1/1', { max_electric_power: 11000, last_updated: '2026-11-20T10:00:00Z' }],
		]);

		// a complete read of the site: only then may a missing EVSE be marked REMOVED
		changed[2].evses = changed[2].evses.slice(0, 1);
		changed[2]._completeness = { complete: true, reasons: [], sources: 1, refused: [] };
		from = requests.length;
		for (const location of changed) await sync(client, location);
		// the receiver holds the uid lower-cased: the REMOVED PATCH addresses it as the receiver has it
		expect(writes(requests, from).map((r) => [r.method, new URL(r.url).pathname, r.json.status])).toEqual([
			['PATCH', '/cpms/ocpi/2.2.1/receiver/locations/DE/ACM/LOC-Q3/loc-q3-evse-2', 'REMOVED'],
		]);

		for (let run = 1; run <= 5; run++) {
			from = requests.length;
			for (const location of changed) expect((await sync(client, location)).action).toBe('unchanged');
			expect(writes(requests, from)).toEqual([]);
			const counts = changed.map((location) => (s().cpms.store.location('2.2.1', 'DE*ACM', location.id)!.evses as unknown[]).length);
			expect(counts).toEqual([2, 1, 2]);
		}
		const statuses = s().cpms.store.location('2.2.1', 'DE*ACM', 'LOC-Q3')!.evses.map((e: LocationJson) => [e.uid, e.status]);
		expect(statuses).toEqual([
			['loc-q3-evse-1', 'AVAILABLE'],
			['loc-q3-evse-2', 'REMOVED'],
		]);
	});

	it('takes 200 + 3000 / 2003 without data as "not there" on GETs, with one request each', async () => {
		const { client, requests } = clientFor(s(), TOKEN);
		await client.discover();
		const from = requests.length;
		expect(await client.getLocation({ ...IDS, location_id: 'NOPE' })).toBeUndefined();
		expect(await client.getEvse({ ...IDS, location_id: 'LOC-Q1', evse_uid: 'NOPE' })).toBeUndefined();
		expect(await client.getConnector({ ...IDS, location_id: 'LOC-Q1', evse_uid: 'LOC-Q1-EVSE-1', connector_id: '9' })).toBeUndefined();
		expect(requests.length - from).toBe(3);
	});
});

describe('OCPI client: verified writes', () => {
	const s = withReferenceCpms({ quirks: true });

	it('fails a write the CPMS answers with another object, saying it changed another object', async () => {
		// a receiver that matched the URL to another EVSE: its echo names that one
		const { client } = clientFor(s(), TOKEN);
		await client.put('location', { ...IDS, location_id: 'LOC-V' }, twoEvseLocation('LOC-V'));
		const { client: confused } = clientFor(s(), TOKEN, {
			transport: async (request) => {
				const response = await fetch(request.url, { method: request.method, headers: request.headers, body: request.body });
				const text = await response.text();
				const body = request.method === 'PATCH' ? text.replace(/loc-v-evse-1/g, 'loc-v-evse-2') : text;
				return { status: response.status, headers: {}, body };
			},
		});
		const error = await confused.patch('evse', { ...IDS, location_id: 'LOC-V', evse_uid: 'LOC-V-EVSE-1' }, { status: 'CHARGING', last_updated: '2026-11-20T10:00:00Z' }).catch((e) => e);
		expect(error).toBeInstanceOf(OcpiError);
		expect(error).toMatchObject({ kind: 'verification', retryable: false });
		expect(error.message).toMatch(/^PATCH http:\/\/127\.0\.0\.1:\d+\/cpms\/ocpi\/2\.2\.1\/receiver\/locations\/DE\/ACM\/LOC-V\/LOC-V-EVSE-1: the CPMS changed another object: it answered with the EVSE uid "loc-v-evse-2" where "LOC-V-EVSE-1" was addressed$/);
		// the same echo in another case is ours
		expect(await client.patch('evse', { ...IDS, location_id: 'LOC-V', evse_uid: 'LOC-V-EVSE-1' }, { status: 'CHARGING', last_updated: '2026-11-20T10:00:00Z' })).toMatchObject({ statusCode: 1000 });
	});
});

/** A plain HTTP server answering every request with one fixed answer. */
async function answering(status: number, contentType: string, body: string): Promise<{ server: Server; url: string }> {
	const server = createServer((_req, res) => {
		res.writeHead(status, { 'Content-Type': contentType });
		res.end(body);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('OCPI client: errors a user can act on', () => {
	const s = withReferenceCpms();

	it.each([
		['a framework error', 405, 'application/json', '{"detail":"Method Not Allowed"}', /HTTP 405, not an OCPI response \(the OCPI response has no status_code\): Method Not Allowed$/],
		['an HTML page', 502, 'text/html', '<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>', /HTTP 502: 502 Bad Gateway nginx$/],
		['a text with the token in it', 400, 'text/plain', `rejected: Token ${TOKEN}`, /HTTP 400, not an OCPI response \(the body is not JSON\): rejected: Token \*\*\*$/],
	])('shows %s (trimmed, secrets redacted) instead of only "not an OCPI response"', async (_what, status, type, body, expected) => {
		const { server, url } = await answering(status, type, body);
		try {
			const { client } = clientFor(s(), TOKEN, { versionsUrl: `${url}/ocpi/versions?secret=1`, retry: { maxAttempts: 1 } });
			const error = await client.discover().catch((e) => e);
			expect(error.message).toMatch(expected);
			expect(error.message).toMatch(new RegExp(`^GET ${url.replace(/\./g, '\\.')}/ocpi/versions: `));
			expect(error.message).not.toContain('secret=1');
		} finally {
			server.close();
		}
	});

	it('a TLS error is not retried, and the error says the CPMS advertised https:// where the credential says http://', async () => {
		const started = await startCpms({ publicUrl: 'https://127.0.0.1:1' });
		try {
			// the CPMS advertises https://… on its real port: as a CPMS behind a TLS proxy misconfigured would
			const port = started.cpms.port;
			await started.cpms.close();
			const restarted = await startCpms({ port, publicUrl: `https://127.0.0.1:${port}` }, started.dir);
			const { client, requests } = clientFor(restarted, TOKEN, { versionsUrl: `http://127.0.0.1:${port}/ocpi/versions` });
			const error = await client.discover().catch((e) => e);
			await restarted.stop();
			expect(error).toMatchObject({ kind: 'network', retryable: false, attempts: 1 });
			expect(error.message).toMatch(new RegExp(`^GET https://127\\.0\\.0\\.1:${port}/ocpi/2\\.2\\.1: no answer from the CPMS: `));
			expect(error.message).toContain('it advertised https:// where the credential says http://');
			expect(error.message).toMatch(/TLS error is not retried/);
			expect(requests.map((r) => r.url)).toEqual([`http://127.0.0.1:${port}/ocpi/versions`, `https://127.0.0.1:${port}/ocpi/2.2.1`]);
		} finally {
			removeDir(started.dir);
		}
	});
});

describe('OCPI client: circuit breaker', () => {
	it('after N connection failures in a row (attempts of any call), further calls fail at once with "CPMS unreachable"', async () => {
		const started = await startCpms();
		const port = started.cpms.port;
		await started.stop();
		try {
			const { client, requests } = clientFor(started, TOKEN, { maxConnectionFailures: 3, retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
			const errors: OcpiError[] = [];
			for (const id of ['A', 'B', 'C', 'D', 'E']) errors.push(await client.getLocation({ ...IDS, location_id: `LOC-${id}` }).catch((e) => e));
			// A spends its 2 attempts, B its first; B's retry and every later call are not tried
			expect(errors.map((e) => e.kind)).toEqual(['network', 'unreachable', 'unreachable', 'unreachable', 'unreachable']);
			expect(errors[0].message).toMatch(new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/ocpi/versions: no answer from the CPMS: .*ECONNREFUSED`));
			expect(requests).toHaveLength(3);
			expect(errors[4].message).toMatch(new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/ocpi/versions: CPMS unreachable: 3 connection failures in a row \\(last: .*ECONNREFUSED`));
		} finally {
			removeDir(started.dir);
		}
	});
});
