/** Building an asset API URL from the credential's base URL (messages show it with core/client/errorText's urlForMessage). */

/** `baseUrl` + `path` + `query`; throws on an invalid base URL. */
export function listUrl(baseUrl: string, path: string, query: Record<string, string> = {}): string {
	const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`);
	for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
	return url.toString();
}

/**
 * A path template with `{id}` filled in (or the id appended), encoded as one URL segment so it can only address
 * its own record. `.` and `..` are refused: URLs normalise them away even when percent-encoded.
 */
export function recordPath(template: string, id: string): string {
	if (id === '' || id === '.' || id === '..') throw new Error(`The id "${id}" cannot be put into a URL`);
	const segment = encodeURIComponent(id);
	return template.includes('{id}') ? template.split('{id}').join(segment) : `${template.replace(/\/+$/, '')}/${segment}`;
}
