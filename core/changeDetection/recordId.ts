/** Record ids as state keys: strings and finite numbers count, anything else (missing, empty, objects) does not. */
export function idKey(id: unknown): string | undefined {
	if (typeof id === 'string') return id === '' ? undefined : id;
	if (typeof id === 'number' && Number.isFinite(id)) return String(id);
	if (typeof id === 'bigint') return id.toString();
	return undefined;
}
