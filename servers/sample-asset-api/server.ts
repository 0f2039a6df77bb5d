/**
 * The sample asset API: a charge point operator's asset system as a real HTTP server (node:http only), the
 * source the trigger nodes poll or receive webhooks from. `startSampleAssetApi` is what tests and
 * `npm run asset-api` use.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { tokensEqual } from '../../core/webhook/headerToken';
import { BodyTooLargeError, headerValue, listenOn, readBody, sendJson } from '../shared/http';
import { listChargers, listSites, requestedPage } from './listing';
import { DEFAULTS, type ListFaults, type SampleAssetApiOptions } from './options';
import { routeOf, type Route } from './router';
import { SAMPLE_NETWORK_DEFAULTS, type AssetCharger } from './sampleNetwork';
import { AssetStore, type StoreResult } from './store';
import { WebhookSender, type AssetEventType, type WebhookTarget } from './webhooks';

export interface SampleAssetApi {
	/** Base URL, e.g. http://127.0.0.1:8271 */
	url: string;
	port: number;
	apiKey: string;
	store: AssetStore;
	webhooks: WebhookSender;
	/** Sets list faults (replaces the previous ones); null clears them. */
	setFaults(faults: ListFaults | null): void;
	/** Resolves when every queued webhook delivery has finished (delivered or given up). */
	webhooksIdle(): Promise<void>;
	close(): Promise<void>;
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT']);

function authorised(req: IncomingMessage, query: URLSearchParams, apiKey: string): boolean {
	const given = headerValue(req, 'x-api-key') ?? query.get('api_key') ?? '';
	return given !== '' && tokensEqual(given, apiKey);
}

function endpoints(): Record<string, string> {
	return {
		'GET /api/sites': 'one row per site (site_id, site_name, town, country, chargers, updated_at), same filters and pagination as /api/chargers',
		'GET /api/chargers': 'list; ?updated_since=ISO, ?sort=charger_id|updated_at, pagination: page&per_page | offset&limit | cursor&limit | paginate=link | paginate=next_url',
		'GET /api/chargers/:id': 'one charger',
		'POST /api/chargers': 'create (charger_id, site_id required)',
		'POST /api/chargers/batch': '{records: [...], events?: "each" | "keys"}: create all, then send one webhook per record at once, or one event naming every key',
		'PATCH /api/chargers/:id': 'update (bumps updated_at)',
		'POST /api/chargers/:id/decommission': "state → 'decommissioned'",
		'DELETE /api/chargers/:id': 'hard delete',
		'GET|POST /api/webhooks, DELETE /api/webhooks/:id': 'webhook subscriptions {url, secret}',
		'GET /admin/webhooks': 'delivery log',
		'PUT /admin/faults': '{failListPage?, failListPageTimes?}: that page of any list read answers 500',
	};
}

export async function startSampleAssetApi(options: SampleAssetApiOptions = {}): Promise<SampleAssetApi> {
	const host = options.host ?? DEFAULTS.host;
	const apiKey = options.apiKey ?? DEFAULTS.apiKey;
	const now = options.now ?? Date.now;
	const store = new AssetStore(options.dataFile, { sites: options.sites ?? SAMPLE_NETWORK_DEFAULTS.sites, seed: options.seed ?? SAMPLE_NETWORK_DEFAULTS.seed }, now);
	const flagTarget: WebhookTarget | undefined = options.webhookUrl
		? { url: options.webhookUrl, secret: options.webhookSecret ?? DEFAULTS.webhookSecret, source: 'flag' }
		: undefined;
	const webhooks = new WebhookSender({
		targets: () => [...(flagTarget ? [flagTarget] : []), ...store.data.webhooks.map((w) => ({ url: w.url, secret: w.secret, source: w.id }))],
		retryDelaysMs: options.webhookRetryDelaysMs ?? DEFAULTS.webhookRetryDelaysMs,
		timeoutMs: options.webhookTimeoutMs ?? DEFAULTS.webhookTimeoutMs,
		logLimit: DEFAULTS.webhookLogLimit,
		now,
		quiet: options.quiet,
	});
	let baseUrl = '';
	let faults: ListFaults = { ...options.faults };

	/** `data`: what the event carries when only changed fields are sent (else the whole record). */
	function changed(result: StoreResult, eventType: AssetEventType, status: number, data?: Record<string, unknown>): { status: number; body: unknown } {
		if (!result.ok) return { status: result.status, body: { error: result.error } };
		const carried = options.changedFieldsOnly && data ? { ...data, charger_id: result.record.charger_id } : result.record;
		webhooks.announce(eventType, result.record, carried);
		return { status, body: result.record };
	}

	function listFault(query: URLSearchParams): { status: number; body: unknown } | undefined {
		if (faults.failListPage === undefined || requestedPage(query) !== faults.failListPage) return undefined;
		if (faults.failListPageTimes !== undefined) {
			if (faults.failListPageTimes <= 0) return undefined;
			faults.failListPageTimes--;
		}
		return { status: 500, body: { error: `Injected fault: page ${faults.failListPage} fails` } };
	}

	function batch(body: unknown): { status: number; body: unknown } {
		const input = body as { records?: unknown; events?: unknown } | undefined;
		if (!Array.isArray(input?.records)) return { status: 400, body: { error: 'records (an array) is required' } };
		const style = input.events ?? 'each';
		if (style !== 'each' && style !== 'keys') return { status: 400, body: { error: 'events must be each or keys' } };
		const created: AssetCharger[] = [];
		let failure: { status: number; body: unknown } | undefined;
		for (const [index, record] of input.records.entries()) {
			const result = store.create(record);
			if (!result.ok) {
				failure = { status: result.status, body: { error: result.error, index, created: created.length } };
				break;
			}
			created.push(result.record);
		}
		// Every record is written before any event goes out: a receiver reading back finds them all.
		const eventIds = created.length ? webhooks.announceAtOnce('charger.created', created, style) : [];
		return failure ?? { status: 201, body: { created: created.length, event_ids: eventIds } };
	}

	function answer(route: Route, query: URLSearchParams, body: unknown): { status: number; body: unknown; headers?: Record<string, string> } {
		switch (route.kind) {
			case 'list': {
				const site = query.get('site_id');
				return listFault(query) ?? listChargers(site === null ? store.list() : store.chargersOfSite(site), query, baseUrl, { defaultPageSize: options.defaultPageSize });
			}
			case 'sites':
				return listFault(query) ?? listSites(store.sites(), query, baseUrl, { defaultPageSize: options.defaultPageSize });
			case 'get': {
				const record = store.get(route.id);
				return record ? { status: 200, body: record } : { status: 404, body: { error: `No charger ${route.id}` } };
			}
			case 'create':
				return changed(store.create(body), 'charger.created', 201);
			case 'batch':
				return batch(body);
			case 'faults':
				faults = { ...(body as ListFaults | undefined) };
				return { status: 200, body: faults };
			case 'update':
				return changed(store.update(route.id, body), 'charger.updated', 200, body as Record<string, unknown>);
			case 'decommission':
				return changed(store.decommission(route.id), 'charger.decommissioned', 200, { state: 'decommissioned' });
			case 'delete': {
				const result = store.remove(route.id);
				return result.ok ? (webhooks.announce('charger.deleted', result.record), { status: 204, body: undefined }) : { status: result.status, body: { error: result.error } };
			}
			case 'listWebhooks':
				// secrets are write-only
				return { status: 200, body: store.data.webhooks.map(({ secret: _secret, ...w }) => w) };
			case 'subscribe': {
				const input = body as { url?: unknown; secret?: unknown } | undefined;
				if (typeof input?.url !== 'string' || !/^https?:\/\//.test(input.url)) return { status: 400, body: { error: 'url (http or https) is required' } };
				if (input.secret !== undefined && (typeof input.secret !== 'string' || input.secret === '')) return { status: 400, body: { error: 'secret must be non-empty text' } };
				const subscription = { id: `wh_${randomUUID()}`, url: input.url, secret: (input.secret as string | undefined) ?? DEFAULTS.webhookSecret, created_at: store.stamp() };
				store.addWebhook(subscription);
				const { secret: _secret, ...shown } = subscription;
				return { status: 201, body: shown };
			}
			case 'unsubscribe':
				return store.removeWebhook(route.id) ? { status: 204, body: undefined } : { status: 404, body: { error: `No webhook ${route.id}` } };
			case 'deliveries':
				return { status: 200, body: webhooks.log() };
			default:
				return { status: 404, body: { error: 'Not found' } };
		}
	}

	async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://localhost');
		const method = req.method ?? 'GET';
		const route = routeOf(method, url.pathname);
		let body: unknown;
		if (BODY_METHODS.has(method)) {
			try {
				const text = await readBody(req, DEFAULTS.bodyLimitBytes);
				body = text.trim() === '' ? undefined : JSON.parse(text);
			} catch (error) {
				if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: error.message });
				return sendJson(res, 400, { error: 'The body is not valid JSON' });
			}
		} else {
			req.resume();
		}
		if (route.kind === 'index') return sendJson(res, 200, { name: 'sample asset API', auth: 'X-API-Key header or api_key query parameter', endpoints: endpoints() });
		if (route.kind === 'notFound') return sendJson(res, 404, { error: 'Not found' });
		if (!authorised(req, url.searchParams, apiKey)) {
			return sendJson(res, 401, { error: 'Unauthorized: send the API key in the X-API-Key header or the api_key query parameter' }, { 'WWW-Authenticate': 'ApiKey header="X-API-Key"' });
		}
		if (route.kind === 'methodNotAllowed') return sendJson(res, 405, { error: `Method not allowed; use ${route.allowed}` }, { Allow: route.allowed });
		const reply = answer(route, url.searchParams, body);
		if (reply.status === 204) {
			res.writeHead(204, reply.headers);
			res.end();
			return;
		}
		sendJson(res, reply.status, reply.body, reply.headers);
	}

	const server = createServer((req, res) => {
		handle(req, res).catch((error: unknown) => {
			if (!options.quiet) console.error('sample asset API: unexpected error', error);
			if (!res.headersSent) sendJson(res, 500, { error: 'Unexpected server error' });
			else res.destroy();
		});
	});
	const port = await listenOn(server, options.port ?? DEFAULTS.port, host);
	baseUrl = `http://${host}:${port}`;

	return {
		url: baseUrl,
		port,
		apiKey,
		store,
		webhooks,
		setFaults: (next) => {
			faults = { ...next };
		},
		webhooksIdle: () => webhooks.idle(),
		close: () =>
			new Promise<void>((resolve, reject) => {
				webhooks.close();
				server.close((error) => (error ? reject(error) : resolve()));
				server.closeAllConnections();
			}),
	};
}
