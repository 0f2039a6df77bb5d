/**
 * Reading a source value: a dotted path ('address.street', 'outlets[0].kw') compiled once into a
 * getter, because the Mapper reads a dozen paths for each of hundreds of thousands of rows.
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

export function isExpression(source: string): boolean {
	return source.startsWith('=');
}
