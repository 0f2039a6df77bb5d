/**
 * The one place where zod's issues become OcpiIssues: a stable code and a sentence that names the
 * field and says what is expected. Custom OCPI checks (core/ocpi/fields.ts) carry their code and
 * wording in the issue's params; everything else is worded here from what zod reports.
 */
import type { z } from 'zod/v4';
import type { OcpiRuleParams } from '../ocpi/fields';
import { isOptionalAt } from '../ocpi/schemaWalk';
import { displayValue, type IssueCode, type OcpiIssue } from '../foundation/issue';
import { formatPath } from '../foundation/path';

type ZodIssue = z.core.$ZodIssue;
type PathSegment = string | number;

/** zod paths may hold symbols in theory; OCPI paths never do. */
function cleanPath(path: ReadonlyArray<PropertyKey>): PathSegment[] {
	return path.filter((segment): segment is PathSegment => typeof segment === 'string' || typeof segment === 'number');
}

/** The field as a person reads it: the last field name with any list positions after it, e.g. `facilities[2]`. */
function fieldLabel(path: PathSegment[], subject: string): string {
	let start = path.length - 1;
	while (start >= 0 && typeof path[start] === 'number') start--;
	if (start < 0) return path.length === 0 ? subject : `${subject} entry ${formatPath(path)}`;
	return formatPath(path.slice(start));
}

/** "text "230"", "the number 229.5", "a list", …: says what was given, type included. */
export function describeValue(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (typeof value === 'string') return `text ${JSON.stringify(displayValue(value))}`;
	if (typeof value === 'number') return `the number ${value}`;
	if (typeof value === 'boolean') return `${value}`;
	if (Array.isArray(value)) return `a list of ${value.length}`;
	if (typeof value === 'object') return 'an object';
	return `a ${typeof value}`;
}

const TYPE_NOUNS: Record<string, string> = {
	string: 'text',
	number: 'a number',
	int: 'a whole number',
	boolean: 'true or false',
	object: 'an object ({ … })',
	array: 'a list ([ … ])',
};

function issueOf(
	code: IssueCode,
	path: PathSegment[],
	message: string,
	input: unknown,
	severity: OcpiIssue['severity'] = 'error',
): OcpiIssue {
	const issue: OcpiIssue = { path: formatPath(path), code, message, severity };
	if (input !== undefined) issue.value = displayValue(input);
	return issue;
}

function requiredIssue(path: PathSegment[], label: string, input: undefined | null): OcpiIssue {
	return issueOf('required', path, `${label} is required but ${input === undefined ? 'missing' : 'null'}`, input);
}

/**
 * Many CPMS and asset exports write null for an optional field without a value, where OCPI says to
 * leave the field out. Worth fixing, not a reason to refuse the object.
 */
function nullInOptionalIssue(path: PathSegment[], label: string): OcpiIssue {
	return issueOf('wrong_type', path, `${label} is null; leave the field out when there is no value`, null, 'warning');
}

/** A missing value (undefined or null) where zod wanted one: required, or null in an optional field. */
function missingValueIssue(path: PathSegment[], label: string, input: undefined | null, schema: z.core.$ZodType | undefined): OcpiIssue {
	if (input === null && schema && isOptionalAt(schema, path)) return nullInOptionalIssue(path, label);
	return requiredIssue(path, label, input);
}

function enumMessage(label: string, values: ReadonlyArray<unknown>, input: unknown): string {
	const allowed = values.map(String).join(', ');
	let message = `${label} must be one of ${allowed}; got ${describeValue(input)}`;
	if (typeof input === 'string') {
		const sameLetters = values.find((value) => typeof value === 'string' && value.toUpperCase() === input.toUpperCase());
		if (sameLetters !== undefined) message += ` (the values are case-sensitive: write "${String(sameLetters)}")`;
	}
	return message;
}

function customIssue(issue: ZodIssue & { code: 'custom' }, path: PathSegment[], label: string): OcpiIssue {
	const params = issue.params as Partial<OcpiRuleParams> | undefined;
	const input = issue.input;
	if (!params?.ocpiCode) return issueOf('invalid_format', path, `${label} is not valid: ${issue.message}`, input);
	let message: string;
	if (params.message) {
		message = params.message.replace('{field}', label);
		if (params.related) {
			const checkedValue = path.slice(0, path.length - (params.depth ?? 0));
			message = message.replace('{related}', formatPath([...checkedValue, ...params.related]));
		}
	} else {
		message = `${label} must be ${params.expected ?? 'valid'}; got ${describeValue(input)}`;
	}
	return issueOf(params.ocpiCode, path, message, input, params.severity ?? 'error');
}

/**
 * Turns zod's issues into OcpiIssues. `subject` names the checked object in messages about the
 * object as a whole ("The Location"). With the `schema` the issues came from, null in an optional
 * field is told apart from null in a required one.
 */
export function translateZodIssues(issues: ReadonlyArray<ZodIssue>, subject: string, schema?: z.core.$ZodType): OcpiIssue[] {
	const out: OcpiIssue[] = [];
	for (const issue of issues) {
		const path = cleanPath(issue.path);
		const label = fieldLabel(path, subject);
		const input = issue.input;
		switch (issue.code) {
			case 'custom':
				out.push(customIssue(issue, path, label));
				break;
			case 'invalid_type':
				if (input === undefined || input === null) {
					out.push(missingValueIssue(path, label, input, schema));
				} else {
					const expected = TYPE_NOUNS[issue.expected] ?? issue.expected;
					out.push(issueOf('wrong_type', path, `${label} must be ${expected}; got ${describeValue(input)}`, input));
				}
				break;
			case 'too_big':
				if (issue.origin === 'string' && typeof input === 'string') {
					const message = `${label} must be at most ${issue.maximum} characters; got ${input.length} characters`;
					out.push(issueOf('too_long', path, message, input));
				} else if (issue.origin === 'array') {
					out.push(issueOf('too_long', path, `${label} may have at most ${issue.maximum} entries`, input));
				} else {
					out.push(issueOf('out_of_range', path, `${label} must be at most ${issue.maximum}; got ${describeValue(input)}`, input));
				}
				break;
			case 'too_small':
				if (issue.origin === 'array') {
					const count = Array.isArray(input) ? input.length : 0;
					const entries = issue.minimum === 1 ? 'entry' : 'entries';
					const message = `${label} needs at least ${issue.minimum} ${entries}; got ${count === 0 ? 'none' : count}`;
					out.push(issueOf('too_few_items', path, message, input));
				} else if (issue.origin === 'string') {
					out.push(issueOf('invalid_format', path, `${label} must have at least ${issue.minimum} characters`, input));
				} else {
					out.push(issueOf('out_of_range', path, `${label} must be at least ${issue.minimum}; got ${describeValue(input)}`, input));
				}
				break;
			case 'invalid_value':
				// zod reports a missing enum field as a wrong value
				if (input === undefined || input === null) out.push(missingValueIssue(path, label, input, schema));
				else out.push(issueOf('not_allowed_value', path, enumMessage(label, issue.values, input), input));
				break;
			case 'unrecognized_keys':
				for (const key of issue.keys) {
					const keyPath = [...path, key];
					const value = input !== null && typeof input === 'object' ? (input as Record<string, unknown>)[key] : undefined;
					const message = `${formatPath(keyPath)} is not a field OCPI defines here; check its spelling, or leave it out`;
					out.push(issueOf('unknown_field', keyPath, message, value, 'warning'));
				}
				break;
			case 'invalid_format':
				out.push(issueOf('invalid_format', path, `${label} does not have the format OCPI prescribes; got ${describeValue(input)}`, input));
				break;
			case 'not_multiple_of':
				out.push(issueOf('out_of_range', path, `${label} must be a multiple of ${String(issue.divisor)}; got ${describeValue(input)}`, input));
				break;
			default:
				out.push(issueOf('wrong_type', path, `${label} has the wrong type; got ${describeValue(input)}`, input));
		}
	}
	return out;
}
