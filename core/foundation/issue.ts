/**
 * What is wrong with an OCPI object, in a form both a program and a person can use.
 * Codes are stable: workflows branch on them, so never rename one.
 */
export const ISSUE_CODES = {
	required: 'A required field is missing',
	wrong_type: 'The value has the wrong type (for example a number where text is expected)',
	not_an_object: 'An object was expected',
	too_long: 'The text is longer than OCPI allows',
	invalid_characters: 'The text holds characters OCPI does not allow here',
	invalid_format: 'The text does not have the format OCPI prescribes',
	not_utc: 'The date-time carries an offset; OCPI wants UTC',
	invalid_date: 'The date-time does not exist',
	out_of_range: 'The number is outside the allowed range',
	not_integer: 'A whole number was expected',
	not_allowed_value: 'The value is not one of the values OCPI defines',
	unlisted_enum_value: 'The value is not one OCPI lists for an open enumeration (2.3.0 OpenEnum): allowed, but older receivers refuse it',
	too_few_items: 'The list needs more entries',
	unknown_reference: 'An id refers to an object that does not exist (e.g. an EVSE parking_id naming no Parking of its Location)',
	duplicate_id: 'An id appears more than once where it must be unique',
	unsafe_id: 'An id that goes into the CPMS URL holds "." or "..", or a character (/ \\ % ? # or a control character) that would make the URL address another object',
	regular_hours_required: 'Opening hours that are not 24/7 need regular hours',
	period_end_before_begin: 'A period ends before (or when) it begins',
	publish_allowed_to_not_allowed: 'publish_allowed_to is only allowed when publish is false',
	publish_token_incomplete: 'A publish_allowed_to entry lacks the fields that must go together',
	last_updated_older_than_child: 'A parent object is older than one of its children',
	evse_id_format: 'The evse_id does not follow the eMI3 format',
	required_by_profile: 'The chosen rule profile requires this field',
	unknown_field: 'The field is not part of OCPI',
	suspicious_value: 'The value is allowed but probably wrong (for example a line-to-line voltage where OCPI wants line-to-neutral)',
} as const;

export type IssueCode = keyof typeof ISSUE_CODES;
export type IssueSeverity = 'error' | 'warning';

export interface OcpiIssue {
	/** JSON path from the checked object, e.g. `evses[1].connectors[0].max_voltage`; '' for the object itself. */
	path: string;
	code: IssueCode;
	/** One sentence a non-developer can act on. */
	message: string;
	/** The offending value (long strings shortened), absent when the field is missing. */
	value?: unknown;
	severity: IssueSeverity;
}

const MAX_SHOWN_STRING = 120;

/** Keeps reported values readable: a 10 MB string is shown by its start and its length. */
export function displayValue(value: unknown): unknown {
	if (typeof value === 'string' && value.length > MAX_SHOWN_STRING) {
		return `${value.slice(0, MAX_SHOWN_STRING)}… (${value.length} characters)`;
	}
	if (Array.isArray(value)) return `[list of ${value.length}]`;
	if (value !== null && typeof value === 'object') return '{object}';
	return value;
}
