/**
 * What a rule profile demands beyond the OCPI model. The model (core/ocpi) is the same for every
 * profile; these rules read the raw object, so they also work when the model found other problems.
 *
 * - spec:   an evse_id that is present but not eMI3 is a warning (OCPI only refers to eMI3).
 * - strict, nl-nap, afir: the rule sets of profileRuleSets.ts (each data point with its source); every
 *   missing point is an error, and the object gets a completeness score (points given / points required).
 *   A non-eMI3 evse_id is an error too. EVSEs with status REMOVED are not scored: the spec lets a removed
 *   EVSE drop its evse_id so that the id can be reused.
 *
 * A field holding null counts as missing here: the model already warns that null should be left out.
 */
import { isRecord } from '../ocpi/fields';
import { EVSE_ID_PATTERN } from '../ocpi/formats';
import { displayValue, type OcpiIssue } from '../foundation/issue';
import { formatPath } from '../foundation/path';
import { COMPLETENESS_PROFILES, rulesFor, type CompletenessProfile, type ProfileRule, type RuleLevel } from './profileRuleSets';
import type { ValidationOptions } from './validate';

type PathSegment = string | number;

/** How complete one object is in a profile. */
export interface ObjectCompleteness {
	profile: string;
	/** Points given / points required, 0 to 1 (1 when nothing is required). */
	score: number;
	present: number;
	required: number;
	/** The rule ids of the missing points, once per occurrence (an EVSE rule per EVSE). */
	missing: string[];
}

interface ProfileContext {
	options: ValidationOptions;
	issues: OcpiIssue[];
	profile?: CompletenessProfile;
	rules: Record<RuleLevel, ProfileRule[]>;
	present: number;
	required: number;
	missing: string[];
}

/** Absent or null: null stands for "no value" in the exports this package reads. */
function missing(value: unknown): boolean {
	return value === undefined || value === null;
}

function valueAt(object: Record<string, unknown>, dotted: string): unknown {
	let current: unknown = object;
	for (const key of dotted.split('.')) {
		if (!isRecord(current)) return undefined;
		current = current[key];
	}
	return current;
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
	path.push(...field.split('.'));
	return path;
}

function applyRules(context: ProfileContext, level: RuleLevel, object: Record<string, unknown>, position: Position): void {
	const profile = context.profile;
	if (!profile) return;
	for (const rule of context.rules[level]) {
		context.required++;
		const value = valueAt(object, rule.field);
		if (!missing(value) && (!rule.list || Array.isArray(value))) {
			context.present++;
			continue;
		}
		context.missing.push(rule.id);
		const field = formatPath(pathTo(position, rule.field));
		context.issues.push({
			path: field,
			code: 'required_by_profile',
			message: `${field} is missing: the ${profile.label} rule profile requires ${rule.what}`,
			severity: 'error',
		});
	}
}

function checkEvseIdFormat(context: ProfileContext, evse: Record<string, unknown>, position: Position): void {
	const evseId = evse.evse_id;
	// a wrong type is reported by the model; the format only means something for text
	if (typeof evseId !== 'string' || EVSE_ID_PATTERN.test(evseId.toUpperCase())) return;
	const field = formatPath(pathTo(position, 'evse_id'));
	context.issues.push({
		path: field,
		code: 'evse_id_format',
		message: `${field} should follow the eMI3 format, country code, operator id, "E" and the EVSE number with "*" separators, e.g. "DE*ABC*E123456"; got ${JSON.stringify(displayValue(evseId))}`,
		value: displayValue(evseId),
		severity: context.profile ? 'error' : 'warning',
	});
}

function checkConnector(context: ProfileContext, connector: Record<string, unknown>, position: Position): void {
	applyRules(context, 'connector', connector, position);
}

function checkEvse(context: ProfileContext, evse: Record<string, unknown>, evseIndex?: number): void {
	checkEvseIdFormat(context, evse, { evse: evseIndex });
	// a REMOVED EVSE may drop its evse_id so that it can be reused (mod_locations, EVSE object), and is no longer offered
	if (!context.profile || evse.status === 'REMOVED') return;
	applyRules(context, 'evse', evse, { evse: evseIndex });
	const connectors = evse.connectors;
	if (!Array.isArray(connectors)) return;
	for (let i = 0; i < connectors.length; i++) {
		const connector = connectors[i];
		if (isRecord(connector)) checkConnector(context, connector, { evse: evseIndex, connector: i });
	}
}

function checkLocation(context: ProfileContext, location: Record<string, unknown>): void {
	applyRules(context, 'location', location, {});
	const evses = location.evses;
	if (!Array.isArray(evses)) return;
	for (let i = 0; i < evses.length; i++) {
		const evse = evses[i];
		if (isRecord(evse)) checkEvse(context, evse, i);
	}
}

export interface ProfileOutcome {
	issues: OcpiIssue[];
	/** Absent for the spec profile, which demands nothing on top of OCPI. */
	completeness?: ObjectCompleteness;
}

/** The profile's issues and score for an object (already known to be a JSON object), paths relative to it. */
export function profileOutcome(object: Record<string, unknown>, options: ValidationOptions): ProfileOutcome {
	const profile = COMPLETENESS_PROFILES[options.profile];
	const rules: Record<RuleLevel, ProfileRule[]> = { location: [], evse: [], connector: [] };
	if (profile) for (const rule of rulesFor(profile, options.version)) rules[rule.level].push(rule);
	const context: ProfileContext = { options, issues: [], profile, rules, present: 0, required: 0, missing: [] };
	if (options.kind === 'location') checkLocation(context, object);
	else if (options.kind === 'evse') checkEvse(context, object);
	else checkConnector(context, object, {});
	if (!profile) return { issues: context.issues };
	const { present, required } = context;
	return {
		issues: context.issues,
		completeness: { profile: profile.name, score: required === 0 ? 1 : present / required, present, required, missing: context.missing },
	};
}

/** The profile's issues for an object, paths relative to it. */
export function profileIssues(object: Record<string, unknown>, options: ValidationOptions): OcpiIssue[] {
	return profileOutcome(object, options).issues;
}
