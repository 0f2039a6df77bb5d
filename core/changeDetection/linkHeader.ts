/**
 * RFC 8288 `Link` header parsing: `<uri>; rel="next"; title="a, b", <uri2>; rel=prev`. Commas inside
 * `<…>` or quoted strings do not split links, quoted strings may hold `\"` escapes, `rel` may list several
 * space-separated types (compared case-insensitively), and only the first occurrence of a parameter counts
 * (RFC 8288 §3). `title*` style extended values (RFC 8187) are decoded when they are UTF-8.
 */
export interface LinkValue {
	/** As written; resolve against the request URL with `new URL(uri, base)`. */
	uri: string;
	/** Lower-cased parameter names; `rel` is also split into `rels`. */
	params: Record<string, string>;
	rels: string[];
}

function decodeExtValue(value: string): string {
	const match = /^([^']*)'[^']*'(.*)$/.exec(value);
	if (!match || match[1].toLowerCase() !== 'utf-8') return value;
	try {
		return decodeURIComponent(match[2]);
	} catch {
		return value;
	}
}

/** Never throws; broken pieces are skipped. Accepts several header lines (node gives an array for repeated headers). */
export function parseLinkHeader(header: string | readonly string[] | undefined | null): LinkValue[] {
	if (header === undefined || header === null) return [];
	const text = Array.isArray(header) ? header.join(', ') : String(header);
	const links: LinkValue[] = [];
	let i = 0;
	const n = text.length;
	const skipSpace = () => {
		while (i < n && (text[i] === ' ' || text[i] === '\t')) i++;
	};
	while (i < n) {
		skipSpace();
		if (text[i] === ',') {
			i++;
			continue;
		}
		if (text[i] !== '<') {
			// not a link: skip to the next top-level comma
			while (i < n && text[i] !== ',') i++;
			continue;
		}
		const close = text.indexOf('>', i + 1);
		if (close < 0) break;
		const uri = text.slice(i + 1, close).trim();
		i = close + 1;
		const params: Record<string, string> = {};
		for (;;) {
			skipSpace();
			if (text[i] !== ';') break;
			i++;
			skipSpace();
			let name = '';
			while (i < n && !/[=;,\s]/.test(text[i])) name += text[i++];
			skipSpace();
			let value = '';
			if (text[i] === '=') {
				i++;
				skipSpace();
				if (text[i] === '"') {
					i++;
					while (i < n && text[i] !== '"') {
						if (text[i] === '\\' && i + 1 < n) i++;
						value += text[i++];
					}
					i++; // closing quote
				} else {
					while (i < n && !/[;,]/.test(text[i])) value += text[i++];
					value = value.trim();
				}
			}
			const key = name.toLowerCase();
			if (key === '') continue;
			const decoded = key.endsWith('*') ? decodeExtValue(value) : value;
			if (!Object.prototype.hasOwnProperty.call(params, key)) params[key] = decoded;
		}
		const rels = (params.rel ?? '')
			.split(/\s+/)
			.filter(Boolean)
			.map((rel) => rel.toLowerCase());
		links.push({ uri, params, rels });
		// anything unexpected before the next link is ignored
		while (i < n && text[i] !== ',') i++;
	}
	return links;
}

/** The URI of the first link with this relation type, or undefined. */
export function linkWithRel(header: string | readonly string[] | undefined | null, rel: string): string | undefined {
	const wanted = rel.toLowerCase();
	return parseLinkHeader(header).find((link) => link.rels.includes(wanted))?.uri;
}
