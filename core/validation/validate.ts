/**
 * CONTRACT (implemented by the core-schema work): checks one OCPI object against the spec model of
 * the given version, including every cross-field rule, plus the profile's extra demands.
 * Never throws on bad input: any value (null, array, string, deeply nested junk) yields issues.
 */
import { schemaFor } from '../ocpi';
import { isRecord } from '../ocpi/fields';
import { rerunObjectRules } from '../ocpi/schemaWalk';
import { isOcpiVersion, OCPI_OBJECT_KINDS, OCPI_VERSIONS, type OcpiObjectKind, type OcpiVersion } from '../ocpi/version';
import type { z } from 'zod/v4';
import type { OcpiIssue } from '../foundation/issue';
import { profileOutcome, type ObjectCompleteness } from './profileRules';
import type { RuleProfile } from './ruleProfile';
import { acceptsTest } from './schemaAccepts';
import { describeValue, translateZodIssues } from './zodIssues';

export interface ValidationOptions {
	version: OcpiVersion;
	kind: OcpiObjectKind;
	profile: RuleProfile;
}

export interface ValidationResult {
	valid: boolean;
	/** Severity 'error': any of these makes the object invalid. All of them, not the first. */
	errors: OcpiIssue[];
	/** Severity 'warning': worth fixing, not a reason to refuse. */
	warnings: OcpiIssue[];
	/** The completeness score in the chosen profile (not for `spec`, which demands nothing on top of OCPI). */
	completeness?: ObjectCompleteness;
}

const SUBJECTS: Record<OcpiObjectKind, string> = { location: 'The Location', evse: 'The EVSE', connector: 'The Connector' };

/** zod keeps the offending value in each issue only when asked; the messages need it. */
const PARSE_CONTEXT = { reportInput: true } as const;

/** Per version and kind: whether zod would find no issue at all, answered without its parse (built once, at load). */
const ACCEPTS = Object.fromEntries(
	OCPI_VERSIONS.map((version) => [version, Object.fromEntries(OCPI_OBJECT_KINDS.map((kind) => [kind, acceptsTest(schemaFor(version, kind))]))]),
) as Record<OcpiVersion, Record<OcpiObjectKind, (value: unknown) => boolean>>;

function resultOf(issues: OcpiIssue[]): ValidationResult {
	const errors: OcpiIssue[] = [];
	const warnings: OcpiIssue[] = [];
	for (const issue of issues) (issue.severity === 'error' ? errors : warnings).push(issue);
	return { valid: errors.length === 0, errors, warnings };
}

function failure(message: string, code: OcpiIssue['code'] = 'not_an_object'): ValidationResult {
	return { valid: false, errors: [{ path: '', code, message, severity: 'error' }], warnings: [] };
}

function check(input: unknown, options: ValidationOptions): ValidationResult {
	const subject = SUBJECTS[options.kind];
	if (!isRecord(input)) {
		return failure(`${subject} must be a JSON object ({ … }); got ${describeValue(input)}`);
	}
	const schema = schemaFor(options.version, options.kind);
	// the usual case, an object without a single issue, needs no parse by zod (schemaAccepts.ts says when)
	const parsed = ACCEPTS[options.version][options.kind](input) ? undefined : schema.safeParse(input, PARSE_CONTEXT);
	const { issues: profile, completeness } = profileOutcome(input, options);
	const scored = (result: ValidationResult): ValidationResult => (completeness ? { ...result, completeness } : result);
	// fast path: a valid object has nothing to translate
	if (!parsed || parsed.success) return scored(profile.length === 0 ? { valid: true, errors: [], warnings: [] } : resultOf(profile));
	const issues = translateZodIssues(parsed.error.issues, subject, schema);
	// zod leaves optional fields with errors out of the value its cross-field rules see (a Location's
	// evses when one EVSE is wrong): run those rules again on the input as given, and keep what is new.
	const rerun = translateZodIssues(rerunObjectRules(schema, input, parsed.error.issues) as unknown as z.core.$ZodIssue[], subject, schema);
	return scored(resultOf([...withoutRepeats(issues, rerun), ...profile]));
}

/** `issues` followed by those of `more` whose path and code are not reported yet. */
function withoutRepeats(issues: OcpiIssue[], more: OcpiIssue[]): OcpiIssue[] {
	if (more.length === 0) return issues;
	const seen = new Set(issues.map((issue) => `${issue.path}\u0000${issue.code}`));
	const out = issues.slice();
	for (const issue of more) {
		const key = `${issue.path}\u0000${issue.code}`;
		if (seen.has(key)) continue;
		seen.add(key);
		out.push(issue);
	}
	return out;
}

export function validateOcpiObject(input: unknown, options: ValidationOptions): ValidationResult {
	if (!isOcpiVersion(options?.version) || !OCPI_OBJECT_KINDS.includes(options.kind)) {
		return failure(`Cannot check: unknown OCPI version or object kind (${String(options?.version)}, ${String(options?.kind)})`, 'not_allowed_value');
	}
	try {
		return check(input, options);
	} catch (error) {
		// A safety net for inputs no JSON can produce (throwing getters, proxies): report, never throw.
		const reason = error instanceof Error ? error.message : String(error);
		return failure(`${SUBJECTS[options.kind]} could not be checked (${reason})`, 'invalid_format');
	}
}
