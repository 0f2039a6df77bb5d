/**
 * The credentials module: registration (POST), update (PUT), unregistration (DELETE) and GET.
 * The client arrives with CREDENTIALS_TOKEN_A, posts its Credentials holding TOKEN_B and its
 * versions URL, and gets TOKEN_C back; from then on Token A is void.
 */
import { randomUUID } from 'node:crypto';
import type { OcpiVersion } from '../../core/ocpi/version';
import { encodeToken, type TokenKind } from './auth';
import { fail, ok, OCPI_STATUS, type OcpiReply } from './envelope';
import type { CallbackMode, CpmsRole } from './options';
import type { CpmsStore, Json, Registration } from './store';

export interface HandshakeContext {
	store: CpmsStore;
	versionsUrl: string;
	ownRole: CpmsRole;
	callback: CallbackMode;
	callbackTimeoutMs: number;
	/** Set while a POST/PUT awaits its callback, so two concurrent POSTs cannot both register. */
	busy?: boolean;
}

const ROLES = ['CPO', 'EMSP', 'HUB', 'NAP', 'NSP', 'OTHER', 'SCSP'];
const PRINTABLE_ASCII = /^[\x20-\x7E]+$/;

function isText(value: unknown, max: number, pattern = PRINTABLE_ASCII): value is string {
	return typeof value === 'string' && value.length > 0 && value.length <= max && pattern.test(value);
}

/** A party's identification fields, shared by the 2.2.1 CredentialsRole and the 2.1.1 Credentials object. */
function partyProblems(value: Json, path: string): string[] {
	const problems: string[] = [];
	if (!isText(value.country_code, 2, /^[A-Za-z]{2}$/)) problems.push(`${path}country_code must be an ISO 3166-1 alpha-2 code`);
	if (!isText(value.party_id, 3)) problems.push(`${path}party_id must be a CiString(3)`);
	const details = value.business_details;
	if (typeof details !== 'object' || details === null || !isText((details as Json).name, 100, /^[^\r\n\t]+$/)) {
		problems.push(`${path}business_details.name is required (string(100))`);
	}
	return problems;
}

/** The Credentials object is not a Locations object, so core/validation does not cover it; these are its few rules. */
export function credentialsProblems(version: OcpiVersion, body: unknown): string[] {
	if (typeof body !== 'object' || body === null || Array.isArray(body)) return ['The Credentials object must be a JSON object'];
	const value = body as Json;
	const problems: string[] = [];
	if (!isText(value.token, 64)) problems.push('token must be printable ASCII text of 1-64 characters (not encoded)');
	if (!isText(value.url, 255) || !/^https?:\/\//i.test(value.url)) problems.push('url must be the http(s) URL of your versions endpoint');
	if (version === '2.1.1') return [...problems, ...partyProblems(value, '')];
	if (!Array.isArray(value.roles) || value.roles.length === 0) return [...problems, 'roles must list at least one CredentialsRole'];
	const seen = new Set<string>();
	value.roles.forEach((role: unknown, i: number) => {
		const path = `roles[${i}].`;
		if (typeof role !== 'object' || role === null) return problems.push(`${path.slice(0, -1)} must be an object`);
		const r = role as Json;
		if (!ROLES.includes(r.role)) problems.push(`${path}role must be one of ${ROLES.join(', ')}`);
		problems.push(...partyProblems(r, path));
		const key = `${r.role}|${String(r.party_id).toUpperCase()}|${String(r.country_code).toUpperCase()}`;
		if (seen.has(key)) problems.push(`${path.slice(0, -1)} repeats role, party_id and country_code of an earlier role`);
		seen.add(key);
		return undefined;
	});
	return problems;
}

export function ownCredentials(ctx: HandshakeContext, version: OcpiVersion, token: string): Json {
	const { role, ...party } = ctx.ownRole;
	if (version === '2.1.1') return { token, url: ctx.versionsUrl, ...party };
	return { token, url: ctx.versionsUrl, roles: [{ role, ...party }] };
}

async function getData(url: string, authorization: string, timeoutMs: number): Promise<unknown> {
	const response = await fetch(url, { headers: { Authorization: authorization }, signal: AbortSignal.timeout(timeoutMs) });
	if (!response.ok) throw new Error(`GET ${url} answered HTTP ${response.status}`);
	const body = (await response.json()) as Json;
	if (body?.status_code !== OCPI_STATUS.success) throw new Error(`GET ${url} answered OCPI status ${String(body?.status_code)}`);
	return body.data;
}

/** Calls the client's versions and version details with TOKEN_B, as the spec wants the receiver to. */
export async function callBack(ctx: HandshakeContext, version: OcpiVersion, clientUrl: string, tokenB: string): Promise<NonNullable<Registration['callback']>> {
	const authorization = `Token ${version === '2.1.1' ? tokenB : encodeToken(tokenB)}`;
	try {
		const versions = await getData(clientUrl, authorization, ctx.callbackTimeoutMs);
		const entry = Array.isArray(versions) ? (versions as Json[]).find((v) => v?.version === version) : undefined;
		if (!entry || typeof entry.url !== 'string') return { ok: false, detail: `The client's versions list has no ${version}` };
		const details = (await getData(entry.url, authorization, ctx.callbackTimeoutMs)) as Json;
		const endpoints = Array.isArray(details?.endpoints) ? (details.endpoints as Json[]) : [];
		if (!endpoints.some((e) => e?.identifier === 'credentials')) {
			return { ok: false, detail: `The client's ${version} details list no credentials endpoint`, endpoints };
		}
		return { ok: true, detail: `Fetched ${endpoints.length} endpoint(s) of ${version}`, endpoints };
	} catch (error) {
		return { ok: false, detail: `Callback to ${clientUrl} failed: ${error instanceof Error ? error.message : String(error)}` };
	}
}

async function register(ctx: HandshakeContext, version: OcpiVersion, body: unknown, voidTokenA: string | undefined): Promise<OcpiReply> {
	if (ctx.busy) return notAllowed('A registration is in progress');
	ctx.busy = true;
	try {
		return await registerNow(ctx, version, body, voidTokenA);
	} finally {
		ctx.busy = false;
	}
}

async function registerNow(ctx: HandshakeContext, version: OcpiVersion, body: unknown, voidTokenA: string | undefined): Promise<OcpiReply> {
	const problems = credentialsProblems(version, body);
	if (problems.length > 0) return fail(400, OCPI_STATUS.invalidParameters, `Invalid Credentials: ${problems.join('; ')}`);
	const credentials = body as Json;
	let callback: Registration['callback'];
	if (ctx.callback !== 'skip') {
		callback = await callBack(ctx, version, credentials.url, credentials.token);
		if (!callback.ok && ctx.callback === 'require') {
			const code = callback.endpoints ? OCPI_STATUS.noMatchingEndpoints : OCPI_STATUS.unableToUseClientApi;
			return fail(200, code, callback.detail);
		}
	}
	const registration: Registration = {
		version,
		clientToken: credentials.token,
		clientUrl: credentials.url,
		clientRoles: version === '2.1.1' ? [{ party_id: credentials.party_id, country_code: credentials.country_code, business_details: credentials.business_details }] : credentials.roles,
		serverToken: randomUUID(),
		registeredAt: new Date().toISOString(),
		callback,
	};
	ctx.store.setRegistration(registration, voidTokenA);
	return ok(ownCredentials(ctx, version, registration.serverToken));
}

function notAllowed(message: string): OcpiReply {
	return { ...fail(405, OCPI_STATUS.clientError, message), headers: { Allow: 'GET, POST, PUT, DELETE' } };
}

export async function handleCredentials(
	ctx: HandshakeContext,
	method: string,
	version: OcpiVersion,
	auth: { kind: TokenKind; token: string },
	body: unknown,
): Promise<OcpiReply> {
	const registered = ctx.store.registration !== null;
	switch (method) {
		case 'GET':
			return ok(ownCredentials(ctx, version, auth.token));
		case 'POST':
			if (registered) return notAllowed('Already registered: use PUT to update or DELETE to unregister');
			return register(ctx, version, body, auth.kind === 'tokenA' ? auth.token : undefined);
		case 'PUT':
			if (!registered || auth.kind !== 'registered') return notAllowed('Not registered: POST the Credentials first');
			return register(ctx, version, body, undefined);
		case 'DELETE':
			if (!registered || auth.kind !== 'registered') return notAllowed('Not registered');
			ctx.store.setRegistration(null);
			return ok();
		default:
			return notAllowed(`${method} is not part of the credentials module`);
	}
}
