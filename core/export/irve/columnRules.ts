/** Checks one written cell against its column's rules in the IRVE schema (required, type, pattern, enumeration, minimum). */
import type { ExportProblem } from '../shared/problem';
import type { IrveColumn, IrveValue } from './columns';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The text a cell holds in the CSV file. */
export function cellText(value: IrveValue): string {
	if (value === undefined) return '';
	return String(value);
}

function realDate(text: string): boolean {
	const match = DATE.exec(text);
	if (!match) return false;
	const date = new Date(`${text}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

/** `[lon,lat]` as the schema's geopoint array, numbers in range. */
function geopointProblem(text: string): string | undefined {
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		return 'is not "[longitude,latitude]"';
	}
	if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'is not "[longitude,latitude]"';
	const [lon, lat] = parsed as number[];
	if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return 'has a longitude or latitude out of range';
	return undefined;
}

function typeProblem(column: IrveColumn, text: string): string | undefined {
	switch (column.type) {
		case 'email':
			return EMAIL.test(text) ? undefined : 'is not an e-mail address';
		case 'integer':
			return INTEGER.test(text) ? undefined : 'is not an integer';
		case 'number':
			return NUMBER.test(text) ? undefined : 'is not a number with "." as decimal separator';
		case 'boolean':
			return text === 'true' || text === 'false' ? undefined : 'is not true or false';
		case 'date':
			return realDate(text) ? undefined : 'is not a date YYYY-MM-DD';
		case 'geopoint':
			return geopointProblem(text);
		default:
			return undefined;
	}
}

/** Every schema rule the cell breaks (an empty optional cell breaks none). */
export function checkCell(column: IrveColumn, value: IrveValue): ExportProblem[] {
	const text = cellText(value);
	const field = column.name;
	if (text === '') return column.required ? [{ rule: 'IRVE:required', field, message: `${field} is required by the IRVE schema and has no value` }] : [];
	const problems: ExportProblem[] = [];
	const type = typeProblem(column, text);
	if (type) problems.push({ rule: 'IRVE:type', field, message: `${field} '${text}' ${type}` });
	if (column.pattern && !column.pattern.test(text)) problems.push({ rule: 'IRVE:pattern', field, message: `${field} '${text}' does not match the schema pattern ${column.pattern.source}` });
	if (column.enum && !column.enum.includes(text)) problems.push({ rule: 'IRVE:enum', field, message: `${field} '${text}' is not one of: ${column.enum.join(', ')}` });
	if (column.minimum !== undefined && NUMBER.test(text) && Number(text) < column.minimum) {
		problems.push({ rule: 'IRVE:minimum', field, message: `${field} ${text} is below the minimum ${column.minimum}` });
	}
	return problems;
}
