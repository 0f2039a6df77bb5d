/**
 * The reference CPMS: a real HTTP server (node:http only) that receives Locations over OCPI 2.3.0, 2.2.1
 * and 2.1.1, runs the credentials handshake, persists what it gets, logs every request and can be
 * told to misbehave. `startReferenceCpms` is what tests, the demo and `npm run cpms` use.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { OcpiVersion } from '../../core/ocpi/version';
import { BodyTooLargeError, headerValue, listenOn, readBody, sendJson, sendText } from '../shared/http';
import { handleAdmin } from './admin';
import { authenticate, type AuthConfig } from './auth';
import { envelope, fail, ok, OCPI_STATUS, writeReply, type OcpiReply } from './envelope';
import { Faults, type FaultDecision, type FaultSettings } from './faults';
import { handleCredentials, type HandshakeContext } from './handshake';
import { handleLocations } from './locations';
import { handleSenderLocations } from './senderLocations';
import { DEFAULTS, type ReferenceCpmsOptions } from './options';
import { renderPage } from './page';
import { credentialsRedirect, QUIRKS_BASE_PATH, quirkyLocations, quirkySenderPage, withoutQuirksBase } from './quirks';
import { RequestLog, type RequestLogEntry } from './requestLog';
import { isOcpiRoute, routeOf, type Route } from './router';
import { CpmsStore, partyKey } from './store';
import { senderLocationsUrl, SUPPORTED_VERSIONS, versionDetails, versionsList } from './versions';

export interface ReferenceCpms {
	/** Base URL, e.g. http://127.0.0.1:8270 */
	url: string;
	/** What a client is given out of band, with tokenA. */
	versionsUrl: string;
	port: number;
	tokenA: string;
	store: CpmsStore;
	requestLog: RequestLog;
	faults: Faults;
	/** Merges fault settings; null switches all faults off. */
	setFaults(settings: Partial<FaultSettings> | null): FaultSettings;
	close(): Promise<void>;
}

const CALLBACK_TIMEOUT_MS = 5000;
const JSON_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function loggableHeaders(req: IncomingMessage): Record<string, string> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(req.headers)) {
		if (name === 'authorization' || value === undefined) continue;
		headers[name] = Array.isArray(value) ? value.join(', ') : value;
	}
	return headers;
}

function routingHeader(req: IncomingMessage, side: 'from' | 'to'): string | undefined {
	const country = headerValue(req, `ocpi-${side}-country-code`);
	const party = headerValue(req, `ocpi-${side}-party-id`);
	return country || party ? `${country ?? '?'}/${party ?? '?'}` : undefined;
}

/** A fault that is answered (not a dropped connection). */
function faultReply(decision: FaultDecision, settings: FaultSettings): OcpiReply | undefined {
	switch (decision.action) {
		case 'down503':
			return fail(503, OCPI_STATUS.serverError, 'CPMS is down (fault switch)');
		case 'tooManyRequests':
			return { ...fail(429, OCPI_STATUS.clientError, 'Too many requests (fault switch)'), headers: { 'Retry-After': String(settings.retryAfterSeconds) } };
		case 'error5xx':
			return fail(settings.error5xxStatus, OCPI_STATUS.serverError, 'Internal error (fault switch)');
		case 'ocpiError':
			return fail(200, settings.ocpiErrorCode, 'OCPI server error (fault switch)');
		default:
			return undefined;
	}
}

export async function startReferenceCpms(options: ReferenceCpmsOptions = {}): Promise<ReferenceCpms> {
	const host = options.host ?? DEFAULTS.host;
	const store = new CpmsStore(options.dataFile);
	const faults = new Faults(options.faults);
	const log = new RequestLog(options.requestLogLimit ?? DEFAULTS.requestLogLimit);
	const auth: AuthConfig = {
		tokenA: options.tokenA ?? randomUUID(),
		extraTokens: options.extraTokens ?? [],
		tokenEncoding: options.tokenEncoding ?? DEFAULTS.tokenEncoding,
	};
	const credentialsRoles = options.credentialsEndpointRoles ?? DEFAULTS.credentialsEndpointRoles;
	const quirks = options.quirks === true;
	const versions = options.versions ?? SUPPORTED_VERSIONS;
	let baseUrl = '';
	// with quirks, versions and endpoints are advertised on another base than the versions URL given out
	const advertisedBase = () => (quirks ? `${baseUrl}${QUIRKS_BASE_PATH}` : baseUrl);
	const handshake: HandshakeContext = {
		store,
		versionsUrl: '',
		ownRole: options.ownRole ?? DEFAULTS.ownRole,
		callback: options.credentialsCallback ?? DEFAULTS.credentialsCallback,
		callbackTimeoutMs: CALLBACK_TIMEOUT_MS,
	};

	async function readJson(req: IncomingMessage): Promise<{ body?: unknown; error?: OcpiReply }> {
		if (!JSON_METHODS.has(req.method ?? '')) {
			req.resume();
			return {};
		}
		try {
			const text = await readBody(req, DEFAULTS.bodyLimitBytes);
			if (text.trim() === '') return {};
			return { body: JSON.parse(text) };
		} catch (error) {
			if (error instanceof BodyTooLargeError) return { error: fail(413, OCPI_STATUS.clientError, error.message) };
			return { error: fail(400, OCPI_STATUS.invalidParameters, `The body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`) };
		}
	}

	/** Everything after faults: authentication, then the module. */
	const sender = options.senderInterface !== false;

	/** The asking party's Locations only; without OCPI-from-* headers, every party's. */
	function askingParty(req: IncomingMessage): string | undefined {
		const country = headerValue(req, 'ocpi-from-country-code');
		const party = headerValue(req, 'ocpi-from-party-id');
		return country && party ? partyKey(country, party) : undefined;
	}

	async function answerOcpi(route: Route, req: IncomingMessage, body: unknown, url: URL): Promise<OcpiReply> {
		if (route.kind === 'ocpiNotFound') {
			return route.version ? fail(404, OCPI_STATUS.unsupportedVersion, route.reason) : fail(404, OCPI_STATUS.clientError, route.reason);
		}
		const version: OcpiVersion | undefined = route.kind === 'versions' ? undefined : (route as { version: OcpiVersion }).version;
		// a CPMS started with a subset of versions knows nothing of the others
		if (version && !versions.includes(version)) return fail(404, OCPI_STATUS.unsupportedVersion, `Unsupported OCPI version "${version}": this CPMS speaks ${versions.join(', ')}`);
		const who = authenticate(headerValue(req, 'authorization'), version, store, auth);
		if (!who) return fail(401, OCPI_STATUS.clientError, 'Unauthorized: missing or unknown credentials token (Authorization: Token …)');
		const method = req.method ?? 'GET';
		switch (route.kind) {
			case 'versions':
				return method === 'GET' ? ok(versionsList(advertisedBase(), versions)) : fail(405, OCPI_STATUS.clientError, 'Only GET');
			case 'details':
				return method === 'GET' ? ok(versionDetails(advertisedBase(), route.version, credentialsRoles, sender)) : fail(405, OCPI_STATUS.clientError, 'Only GET');
			case 'credentials':
				return handleCredentials(handshake, method, route.version, who, body);
			case 'senderLocations':
			case 'locations':
				// Token A opens only versions and credentials (transport_and_format: "SHALL respond with 401")
				if (who.kind === 'tokenA') return fail(401, OCPI_STATUS.clientError, 'Unauthorized: CREDENTIALS_TOKEN_A may only be used for versions and credentials');
				if (route.kind === 'senderLocations') {
					if (!sender) return fail(404, OCPI_STATUS.clientError, 'This CPMS offers no Locations Sender interface');
					const senderUrl = senderLocationsUrl(advertisedBase(), route.version);
					const maxLimit = options.senderPageLimit ?? DEFAULTS.senderPageLimit;
					const page = handleSenderLocations(store, method, { version: route.version, party: askingParty(req), url, senderUrl, maxLimit });
					return quirks ? quirkySenderPage(page, route.version) : page;
				}
				return (quirks ? quirkyLocations : handleLocations)(store, { ...route, method, body, entryTime: options.stampEntryTime ? new Date().toISOString() : undefined });
			default:
				return fail(404, OCPI_STATUS.clientError, 'Not found');
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const started = Date.now();
		const url = new URL(req.url ?? '/', 'http://localhost');
		const route = routeOf(quirks ? withoutQuirksBase(url.pathname) : url.pathname);
		const entry: RequestLogEntry = {
			time: new Date(started).toISOString(),
			method: req.method ?? '',
			path: url.pathname + url.search,
			headers: loggableHeaders(req),
			status: 0,
			durationMs: 0,
			ocpiFrom: routingHeader(req, 'from'),
			ocpiTo: routingHeader(req, 'to'),
		};
		const finish = (status: number, ocpiStatus?: number) => {
			entry.status = status;
			if (ocpiStatus !== undefined) entry.ocpiStatus = ocpiStatus;
			entry.durationMs = Date.now() - started;
			log.add(entry);
		};

		if (!isOcpiRoute(route)) {
			const { body, error } = await readJson(req);
			if (route.kind === 'page' && req.method === 'GET') {
				sendText(res, 200, 'text/html; charset=utf-8', renderPage(store), {
					// no scripts at all: even if escaping failed somewhere, nothing could run
					'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
				});
				return finish(200);
			}
			if (route.kind === 'admin') {
				if (error) {
					sendJson(res, 400, { error: error.body.status_message });
					return finish(400);
				}
				const reply = handleAdmin(route.name, req, body, { log, faults, store });
				sendJson(res, reply.status, reply.body);
				return finish(reply.status);
			}
			sendJson(res, 404, { error: 'Not found' });
			return finish(404);
		}

		// X-Request-ID / X-Correlation-ID are echoed (or made up when missing) on every OCPI answer
		const correlation = {
			'X-Request-ID': headerValue(req, 'x-request-id') ?? randomUUID(),
			'X-Correlation-ID': headerValue(req, 'x-correlation-id') ?? randomUUID(),
		};
		const decision = faults.decide({ method: req.method, path: entry.path });
		if (decision.latencyMs > 0) await sleep(decision.latencyMs);
		if (decision.action) entry.fault = decision.action;
		if (decision.action === 'refuse' || decision.action === 'reset') {
			req.socket.destroy();
			return finish(0);
		}
		const redirect = quirks && route.kind === 'credentials' ? credentialsRedirect(url.pathname) : undefined;
		const { body, error } = redirect ? { body: undefined, error: redirect } : await readJson(req);
		if (redirect) req.resume();
		const handled = faultReply(decision, faults.current()) ?? error ?? (await answerOcpi(route, req, body, url));
		// a lost answer: the request was handled (a write is stored), then its answer is lost on its way back
		const lost = decision.action === 'lostAnswer' ? faults.current() : undefined;
		if (lost?.lostAnswerAs === 'reset') {
			req.socket.destroy();
			return finish(0);
		}
		const reply = lost ? fail(lost.error5xxStatus, OCPI_STATUS.serverError, 'Gateway lost the answer (fault switch)') : handled;
		writeReply(res, reply, correlation);
		finish(reply.http, reply.body.status_code);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!options.quiet) console.error('reference CPMS: unexpected error', error);
			if (!res.headersSent) sendJson(res, 500, envelope(OCPI_STATUS.serverError, undefined, 'Unexpected server error'));
			else res.destroy();
		});
	});

	const port = await listenOn(server, options.port ?? DEFAULTS.port, host);
	baseUrl = (options.publicUrl ?? `http://${host}:${port}`).replace(/\/+$/, '');
	handshake.versionsUrl = `${baseUrl}/ocpi/versions`;

	return {
		url: baseUrl,
		versionsUrl: handshake.versionsUrl,
		port,
		tokenA: auth.tokenA,
		store,
		requestLog: log,
		faults,
		setFaults: (settings) => faults.set(settings),
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.close((error) => {
					store.close();
					if (error) reject(error);
					else resolve();
				});
				server.closeAllConnections();
			}),
	};
}
