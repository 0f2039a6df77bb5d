/**
 * CONTRACT (implemented by the core-schema work): checks one OCPI object against the spec model of
 * the given version, including every cross-field rule, plus the profile's extra demands.
 * Never throws on bad input: any value (null, array, string, deeply nested junk) yields issues.
 */
import type { OcpiObjectKind, OcpiVersion } from '../ocpi/version';
import type { OcpiIssue } from './issue';
import type { RuleProfile } from './ruleProfile';

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
}

export function validateOcpiObject(_input: unknown, _options: ValidationOptions): ValidationResult {
	throw new Error('not implemented yet');
}
