/**
 * Reference Data parsed once per execution. n8n hands the node its parameters item by item, so a table of
 * 5,000 rows would otherwise be parsed 5,000 times (quadratic); the parameter is almost always the same text
 * for every item, and an expression that gives a different table per item still gets each table parsed once.
 */
import { parseReferenceTable, type ReferenceTableResult } from './referenceTable';

export class ReferenceTables {
	/** key field → source text → parsed table */
	private readonly texts = new Map<string, Map<string, ReferenceTableResult>>();
	/** source object (an expression's result) → key field → parsed table */
	private readonly objects = new WeakMap<object, Map<string, ReferenceTableResult>>();

	parse(source: unknown, keyField: string): ReferenceTableResult {
		const cache = this.cacheFor(source, keyField);
		const key = typeof source === 'string' ? source : keyField;
		const known = cache?.get(key);
		if (known) return known;
		const parsed = parseReferenceTable(source, keyField);
		cache?.set(key, parsed);
		return parsed;
	}

	private cacheFor(source: unknown, keyField: string): Map<string, ReferenceTableResult> | undefined {
		if (typeof source === 'string') {
			let byText = this.texts.get(keyField);
			if (!byText) this.texts.set(keyField, (byText = new Map()));
			return byText;
		}
		if (source === null || typeof source !== 'object') return undefined;
		let byKeyField = this.objects.get(source);
		if (!byKeyField) this.objects.set(source, (byKeyField = new Map()));
		return byKeyField;
	}
}
