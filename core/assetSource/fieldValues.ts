/**
 * One field of every record read, as one list: what a workflow needs from a long list when it only joins or
 * batches by that field (e.g. the site ids of 60,000 sites). One array of values instead of an n8n item per
 * record keeps memory and execution data small: n8n copies, proxies and serialises each item object.
 */
import { compilePath } from '../foundation/path';

export interface FieldValues {
	/** The field's value of each record that has one (a string or a number), in read order. */
	values: Array<string | number>;
	/** Records whose field is missing, empty or not a string or number: left out of `values`. */
	missing: number;
}

export function fieldValues(records: readonly unknown[], field: string): FieldValues {
	const get = compilePath(field);
	const values: Array<string | number> = [];
	let missing = 0;
	for (const record of records) {
		const value = get(record);
		if ((typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value))) values.push(value);
		else missing++;
	}
	return { values, missing };
}
