/**
 * A deep copy of plain JSON data (objects, lists, text, numbers, booleans, null) by a direct walk: several times
 * cheaper than structuredClone for the small objects enrichment copies once per Location. Reads through proxies
 * (n8n's Code node sandbox hands over proxied objects). Anything else (a Date, a Map, a function, a cycle, a
 * `__proto__` key) throws NotPlainData; copyData falls back to copies that know those.
 */
export class NotPlainData extends Error {}

// OCPI data is a few levels deep; deeper means a cycle or something that is not OCPI data
const MAX_DEPTH = 64;

function copy(value: unknown, depth: number): unknown {
	if (value === null) return null;
	const type = typeof value;
	if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined') return value;
	if (type !== 'object' || depth > MAX_DEPTH) throw new NotPlainData();
	if (Array.isArray(value)) {
		const out = new Array<unknown>(value.length);
		for (let i = 0; i < value.length; i++) out[i] = copy(value[i], depth + 1);
		return out;
	}
	const prototype = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) throw new NotPlainData();
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(value as object)) {
		if (key === '__proto__') throw new NotPlainData();
		out[key] = copy((value as Record<string, unknown>)[key], depth + 1);
	}
	return out;
}

export function plainCopy<T>(value: T): T {
	return copy(value, 0) as T;
}

/** Whether plainCopy would take the value, without copying it. */
export function isPlainData(value: unknown, depth = 0): boolean {
	return isPlainMember(value, depth);
}

// The Validator asks for every object it checks: leaves (most values) are decided here, objects and lists below.
function isPlainMember(value: unknown, depth: number): boolean {
	const type = typeof value;
	if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || value === null) return true;
	return type === 'object' && depth <= MAX_DEPTH && isPlainContainer(value as object, depth);
}

function isPlainContainer(value: object, depth: number): boolean {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) if (!isPlainMember(value[i], depth + 1)) return false;
		return true;
	}
	const prototype = Object.getPrototypeOf(value);
	if (prototype !== Object.prototype && prototype !== null) return false;
	for (const key in value) {
		if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
		if (key === '__proto__' || !isPlainMember((value as Record<string, unknown>)[key], depth + 1)) return false;
	}
	return true;
}

/**
 * The one deep copy enrichment makes (of the Location, and of the reference rows merged into it): the plain
 * walk, else structuredClone (Dates, Maps, cycles), else a JSON round-trip. The last is for what
 * structuredClone refuses: proxies (n8n's Code node on 1.x hands its objects over behind them, built in a
 * sandbox of its own) and members JSON drops (functions). Throws when no copy can take the value.
 */
export function copyData<T>(value: T): T {
	try {
		return plainCopy(value);
	} catch {
		// not plain JSON data
	}
	try {
		return structuredClone(value);
	} catch {
		// fails only on cycles, which OCPI data has not
		return JSON.parse(JSON.stringify(value)) as T;
	}
}
