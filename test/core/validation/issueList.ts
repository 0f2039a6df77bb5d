/** Test helper: a validation outcome as short, exact "path code severity" lines. */
import type { ValidationOptions } from '../../../core/validation/validate';
import { validateOcpiObject } from '../../../core/validation/validate';

export const SPEC_221: ValidationOptions = { version: '2.2.1', kind: 'location', profile: 'spec' };
export const SPEC_211: ValidationOptions = { version: '2.1.1', kind: 'location', profile: 'spec' };

export function issueList(input: unknown, options: ValidationOptions = SPEC_221): string[] {
	const { errors, warnings } = validateOcpiObject(input, options);
	return [...errors, ...warnings].map((issue) => `${issue.path} ${issue.code} ${issue.severity}`);
}
