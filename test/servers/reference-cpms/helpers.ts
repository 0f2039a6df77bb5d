/** Starts the reference CPMS in-process on a free port with a temp data file, and talks to it over real HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startReferenceCpms, type ReferenceCpms, type ReferenceCpmsOptions } from '../../../servers/reference-cpms';
import { encodeToken } from '../../../servers/reference-cpms/auth';
import type { OcpiVersion } from '../../../core/ocpi/version';
import { baseLocation211 } from '../../conformance/helpers';

export const TOKEN_A = 'test-token-a';
/** Pre-registered token for the Locations tests (no handshake needed there). */
export const TOKEN = 'test-token-c';

export interface Started {
	cpms: ReferenceCpms;
	dir: string;
	dataFile: string;
	stop(): Promise<void>;
}

export async function startCpms(options: ReferenceCpmsOptions = {}, dir = mkdtempSync(join(tmpdir(), 'cpms-test-'))): Promise<Started> {
	const dataFile = join(dir, 'cpms.sqlite');
	const cpms = await startReferenceCpms({
		port: 0,
		quiet: true,
		tokenA: TOKEN_A,
		extraTokens: [TOKEN],
		credentialsCallback: 'skip',
		dataFile,
		...options,
	});
	return {
		cpms,
		dir,
		dataFile,
		stop: async () => {
			await cpms.close();
		},
	};
}

export function removeDir(dir: string): void {
	rmSync(dir, { recursive: true, force: true });
}

/**
 * One reference CPMS for the enclosing `describe` (or file): started in `beforeAll`, closed and its temp dir removed
 * in `afterAll`. Many suites need exactly this lifecycle; registering the hooks here keeps it in one place.
 * Call it at suite level, not inside a test. The accessor throws if used before `beforeAll` has run.
 */
export function withReferenceCpms(options: ReferenceCpmsOptions = {}): () => Started {
	let started: Started | undefined;
	beforeAll(async () => {
		started = await startCpms(options);
	});
	afterAll(async () => {
		if (!started) return;
		await started.stop();
		removeDir(started.dir);
	});
	return () => {
		if (!started) throw new Error('withReferenceCpms: the CPMS is not started yet (use the accessor inside hooks or tests)');
		return started;
	};
}

export interface CallOptions {
	/** The raw token; encoded per `encoding` (default base64). null = no Authorization header. */
	token?: string | null;
	encoding?: 'base64' | 'plain';
	body?: unknown;
	/** Sent as-is, for malformed JSON. */
	rawBody?: string;
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Headers;
	json: any;
}

export async function call(method: string, url: string, options: CallOptions = {}): Promise<CallResult> {
	const headers: Record<string, string> = { ...options.headers };
	const token = options.token === undefined ? TOKEN : options.token;
	if (token !== null) headers.Authorization = `Token ${options.encoding === 'plain' ? token : encodeToken(token)}`;
	let body: string | undefined = options.rawBody;
	if (options.body !== undefined) body = JSON.stringify(options.body);
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(url, { method, headers, body });
	const text = await response.text();
	let json: any;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	return { status: response.status, headers: response.headers, json };
}

/** Finds an endpoint URL the way a client must: versions → details → endpoint by identifier (and role in 2.2.1). */
export async function discover(cpms: ReferenceCpms, version: OcpiVersion, identifier: string, token = TOKEN): Promise<string> {
	const encoding = version === '2.1.1' ? 'plain' : 'base64';
	const versions = await call('GET', cpms.versionsUrl, { token, encoding });
	const entry = versions.json.data.find((v: { version: string }) => v.version === version);
	const details = await call('GET', entry.url, { token, encoding });
	const endpoint = details.json.data.endpoints.find(
		(e: { identifier: string; role?: string }) => e.identifier === identifier && (version === '2.1.1' || identifier === 'credentials' || e.role === 'RECEIVER'),
	);
	return endpoint.url;
}

/** A valid OCPI 2.1.1 Location (the 2.1.1 spec example breaks its own coordinate rule): the conformance one, under `id`. */
export function validLocation211(id = 'LOC-211'): Record<string, any> {
	return { ...baseLocation211(), id };
}
