/**
 * What a rule profile demands beyond the OCPI model. The model (core/ocpi) is the same for every
 * profile; these rules read the raw object, so they also work when the model found other problems.
 *
 * - spec:   an evse_id that is present but not eMI3 is a warning (OCPI only refers to eMI3).
 * - strict: what roaming hubs and AFIR-style access points require: an eMI3 evse_id on every EVSE
 *           that is not REMOVED (the spec keeps evse_id optional so a removed EVSE can drop it and
 *           the id can be reused), max_electric_power on every connector (2.2.1; 2.1.1 has no such
 *           field), and operator, postal_code and opening_times on the Location.
 *
 * A field holding null counts as missing here: the model already warns that null should be left out.
 */
import { isRecord } from '../ocpi/fields';
import { EVSE_ID_PATTERN } from '../ocpi/formats';
import { displayValue, type OcpiIssue } from '../foundation/issue';
import { formatPath } from '../foundation/path';
import type { ValidationOptions } from './validate';

type PathSegment = string | number;

interface ProfileContext {
	options: ValidationOptions;
	issues: OcpiIssue[];
}

const STRICT_LOCATION_FIELDS: ReadonlyArray<{ field: string; what: string; versions: ReadonlyArray<string> }> = [
	{ field: 'operator', what: 'the operator (name, optionally website and logo)', versions: ['2.2.1', '2.1.1'] },
	// 2.1.1 requires postal_code in the model already
	{ field: 'postal_code', what: 'the postal code', versions: ['2.2.1'] },
	{ field: 'opening_times', what: 'the opening times (twentyfourseven or regular_hours)', versions: ['2.2.1', '2.1.1'] },
];

function requiredByProfile(context: ProfileContext, path: PathSegment[], what: string): void {
	const field = formatPath(path);
	context.issues.push({
		path: field,
		code: 'required_by_profile',
		message: `${field} is missing: the strict rule profile (roaming hubs, national access points) requires ${what}`,
		severity: 'error',
	});
}

/** Where an EVSE or connector sits below the checked object; paths are only built for an issue. */
interface Position {
	evse?: number;
	connector?: number;
}

function pathTo(position: Position, field: string): PathSegment[] {
	const path: PathSegment[] = [];
	if (position.evse !== undefined) path.push('evses', position.evse);
	if (position.connector !== undefined) path.push('connectors', position.connector);
	path.push(field);
	return path;
}

/** Absent or null: null stands for "no value" in the exports this package reads. */
function missing(value: unknown): boolean {
	return value === undefined || value === null;
}

function checkEvseId(context: ProfileContext, evse: Record<string, unknown>, position: Position): void {
	const strict = context.options.profile === 'strict';
	const evseId = evse.evse_id;
	if (missing(evseId)) {
		// a REMOVED EVSE may drop its evse_id so that it can be reused (mod_locations, EVSE object)
		if (strict && evse.status !== 'REMOVED') {
			requiredByProfile(context, pathTo(position, 'evse_id'), 'an eMI3 evse_id such as "DE*ABC*E123456"');
		}
		return;
	}
	// a wrong type is reported by the model; the format only means something for text
	if (typeof evseId !== 'string' || EVSE_ID_PATTERN.test(evseId.toUpperCase())) return;
	const field = formatPath(pathTo(position, 'evse_id'));
	context.issues.push({
		path: field,
		code: 'evse_id_format',
		message: `${field} should follow the eMI3 format, country code, operator id, "E" and the EVSE number with "*" separators, e.g. "DE*ABC*E123456"; got ${JSON.stringify(displayValue(evseId))}`,
		value: displayValue(evseId),
		severity: strict ? 'error' : 'warning',
	});
}

function checkConnector(context: ProfileContext, connector: Record<string, unknown>, position: Position): void {
	if (context.options.profile !== 'strict' || context.options.version !== '2.2.1') return;
	if (missing(connector.max_electric_power)) {
		requiredByProfile(context, pathTo(position, 'max_electric_power'), 'the maximum power in watts (e.g. 22000 for 22 kW)');
	}
}

function checkEvse(context: ProfileContext, evse: Record<string, unknown>, evseIndex?: number): void {
	checkEvseId(context, evse, { evse: evseIndex });
	// connectors only matter to the strict 2.2.1 profile
	if (context.options.profile !== 'strict' || context.options.version !== '2.2.1') return;
	const connectors = evse.connectors;
	if (!Array.isArray(connectors)) return;
	for (let i = 0; i < connectors.length; i++) {
		const connector = connectors[i];
		if (isRecord(connector)) checkConnector(context, connector, { evse: evseIndex, connector: i });
	}
}

function checkLocation(context: ProfileContext, location: Record<string, unknown>): void {
	if (context.options.profile === 'strict') {
		for (const { field, what, versions } of STRICT_LOCATION_FIELDS) {
			if (versions.includes(context.options.version) && missing(location[field])) requiredByProfile(context, [field], what);
		}
	}
	const evses = location.evses;
	if (!Array.isArray(evses)) return;
	for (let i = 0; i < evses.length; i++) {
		const evse = evses[i];
		if (isRecord(evse)) checkEvse(context, evse, i);
	}
}

/** The profile's issues for an object (already known to be a JSON object), paths relative to it. */
export function profileIssues(object: Record<string, unknown>, options: ValidationOptions): OcpiIssue[] {
	const context: ProfileContext = { options, issues: [] };
	if (options.kind === 'location') checkLocation(context, object);
	else if (options.kind === 'evse') checkEvse(context, object);
	else checkConnector(context, object, {});
	return context.issues;
}
