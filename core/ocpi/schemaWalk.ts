/**
 * Reads the shape of the OCPI zod schemas, for the failure path of validation only:
 *
 * - `isOptionalAt`: is the field at a path optional? (null there is a warning, not "required")
 * - `rerunObjectRules`: runs every cross-field rule (objectRule) once more, on the RAW input. zod
 *   leaves an optional field with errors out of the parsed value (a Location's `evses` when one EVSE
 *   is wrong), so a rule on the parent never saw it. The rules themselves stay where they are, attached
 *   to their schemas; this only finds them and calls them again.
 *
 * Only objects, arrays and optional wrappers are walked: that is all the Locations model is built of.
 */
import type { z } from 'zod/v4';
import { isRecord, objectRuleCheck } from './fields';

type PathSegment = string | number;
type AnySchema = z.core.$ZodType;
type RawIssue = z.core.$ZodRawIssue;

interface SchemaDef {
	type: string;
	shape?: Record<string, AnySchema>;
	element?: AnySchema;
	innerType?: AnySchema;
	checks?: ReadonlyArray<unknown>;
}

function defOf(schema: AnySchema): SchemaDef {
	return schema._zod.def as unknown as SchemaDef;
}

function unwrapOptional(schema: AnySchema): AnySchema {
	let current = schema;
	let def = defOf(current);
	while (def.type === 'optional' && def.innerType) {
		current = def.innerType;
		def = defOf(current);
	}
	return current;
}

/** True when the field at `path` (object keys and list positions) is declared optional. */
export function isOptionalAt(schema: AnySchema, path: ReadonlyArray<PathSegment>): boolean {
	if (path.length === 0) return false;
	let current: AnySchema | undefined = schema;
	for (const segment of path) {
		if (!current) return false;
		const def = defOf(unwrapOptional(current));
		if (typeof segment === 'number') current = def.type === 'array' ? def.element : undefined;
		else current = def.type === 'object' ? def.shape?.[segment] : undefined;
	}
	return current !== undefined && defOf(current).type === 'optional';
}

/** An issue found on the raw input, with its path from the checked object. */
export type RerunIssue = RawIssue & { path: PathSegment[] };

const NO_MARKERS: ReadonlySet<PathSegment> = new Set();

/**
 * For every node: the child keys that the zod run reported something under, so failedField() answers
 * the same on the raw input. A field that is only null does not count (it is "not given").
 */
function failedChildren(issues: ReadonlyArray<z.core.$ZodIssue>): Map<string, Set<PathSegment>> {
	const byParent = new Map<string, Set<PathSegment>>();
	for (const issue of issues) {
		const path = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
		let parentKey = '';
		for (let i = 0; i < path.length; i++) {
			const last = i === path.length - 1;
			if (!(last && issue.input === null)) {
				let keys = byParent.get(parentKey);
				if (!keys) byParent.set(parentKey, (keys = new Set()));
				keys.add(path[i]);
			}
			parentKey += `/${String(path[i])}`;
		}
	}
	return byParent;
}

/**
 * Runs the cross-field rules of `schema` and everything below it on `input` as given, and returns
 * what they report, paths from the top. May repeat what the zod run found: the caller dedupes.
 */
export function rerunObjectRules(schema: AnySchema, input: unknown, zodIssues: ReadonlyArray<z.core.$ZodIssue>): RerunIssue[] {
	const failed = failedChildren(zodIssues);
	const out: RerunIssue[] = [];
	const visit = (node: AnySchema, value: unknown, path: PathSegment[], pathKey: string): void => {
		if (value === undefined || value === null) return;
		const def = defOf(node);
		if (def.checks) {
			for (const check of def.checks) {
				const rule = objectRuleCheck(check);
				if (!rule) continue;
				const markers = failed.get(pathKey) ?? NO_MARKERS;
				const issues: RawIssue[] = [];
				for (const key of markers) issues.push({ code: 'custom', path: [key], input: value, message: '' } as RawIssue);
				const payload = { value, issues } as z.core.ParsePayload;
				rule(value, payload);
				for (let i = markers.size; i < issues.length; i++) {
					const issue = issues[i];
					out.push({ ...issue, path: [...path, ...((issue.path ?? []) as PathSegment[])] } as RerunIssue);
				}
			}
		}
		if (def.type === 'optional' && def.innerType) {
			visit(def.innerType, value, path, pathKey);
		} else if (def.type === 'object' && def.shape && isRecord(value)) {
			for (const key of Object.keys(def.shape)) {
				if (Object.prototype.hasOwnProperty.call(value, key)) visit(def.shape[key], value[key], [...path, key], `${pathKey}/${key}`);
			}
		} else if (def.type === 'array' && def.element && Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) visit(def.element, value[i], [...path, i], `${pathKey}/${i}`);
		}
	};
	visit(schema, input, [], '');
	return out;
}
