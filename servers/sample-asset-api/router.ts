/** Maps method + path onto what the API should do; no I/O here. */
import { decodeSegment } from '../shared/http';

export type Route =
	| { kind: 'index' }
	| { kind: 'list' }
	| { kind: 'sites' }
	| { kind: 'create' }
	| { kind: 'batch' }
	| { kind: 'faults' }
	| { kind: 'get'; id: string }
	| { kind: 'update'; id: string }
	| { kind: 'delete'; id: string }
	| { kind: 'decommission'; id: string }
	| { kind: 'listWebhooks' }
	| { kind: 'subscribe' }
	| { kind: 'unsubscribe'; id: string }
	| { kind: 'deliveries' }
	| { kind: 'methodNotAllowed'; allowed: string }
	| { kind: 'notFound' };

function byMethod(method: string, options: Record<string, Route>): Route {
	return options[method] ?? { kind: 'methodNotAllowed', allowed: Object.keys(options).join(', ') };
}

export function routeOf(method: string, pathname: string): Route {
	const raw = pathname.replace(/\/+$/, '').split('/').slice(1);
	if (raw.length === 0 || (raw.length === 1 && raw[0] === '')) return byMethod(method, { GET: { kind: 'index' } });
	const parts = raw.map(decodeSegment);
	if (parts.some((p) => p === undefined || p === '')) return { kind: 'notFound' };
	const [a, b, c, d] = parts as string[];
	if (a === 'admin' && b === 'webhooks' && parts.length === 2) return byMethod(method, { GET: { kind: 'deliveries' } });
	if (a === 'admin' && b === 'faults' && parts.length === 2) return byMethod(method, { PUT: { kind: 'faults' } });
	if (a !== 'api') return { kind: 'notFound' };
	if (b === 'chargers') {
		if (parts.length === 2) return byMethod(method, { GET: { kind: 'list' }, POST: { kind: 'create' } });
		if (parts.length === 3 && c === 'batch') return byMethod(method, { POST: { kind: 'batch' } });
		if (parts.length === 3) return byMethod(method, { GET: { kind: 'get', id: c }, PATCH: { kind: 'update', id: c }, DELETE: { kind: 'delete', id: c } });
		if (parts.length === 4 && d === 'decommission') return byMethod(method, { POST: { kind: 'decommission', id: c } });
	}
	if (b === 'sites' && parts.length === 2) return byMethod(method, { GET: { kind: 'sites' } });
	if (b === 'webhooks') {
		if (parts.length === 2) return byMethod(method, { GET: { kind: 'listWebhooks' }, POST: { kind: 'subscribe' } });
		if (parts.length === 3) return byMethod(method, { DELETE: { kind: 'unsubscribe', id: c } });
	}
	return { kind: 'notFound' };
}
