/**
 * Paths into JSON values. Reading: a dotted path ('address.street', 'outlets[0].kw') compiled once into
 * a getter, because the Mapper reads a dozen paths for each of hundreds of thousands of rows. Writing: the
 * path of a reported issue or change, `evses[1].uid`.
 */
export type Getter = (value: unknown) => unknown;

function segmentsOf(path: string): string[] {
	return path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.map((segment) => segment.trim())
		.filter((segment) => segment !== '');
}

export function compilePath(path: string): Getter {
	const segments = segmentsOf(path);
	if (segments.length === 1) {
		const [key] = segments;
		return (value) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
	}
	return (value) => {
		let current = value;
		for (const segment of segments) {
			if (current === null || typeof current !== 'object') return undefined;
			current = (current as Record<string, unknown>)[segment];
		}
		return current;
	};
}

/** Formats a path array (`['evses', 1, 'uid']`) as `evses[1].uid`. */
export function formatPath(segments: ReadonlyArray<string | number>): string {
	let out = '';
	for (const segment of segments) {
		if (typeof segment === 'number') out += `[${segment}]`;
		else out += out === '' ? segment : `.${segment}`;
	}
	return out;
}
