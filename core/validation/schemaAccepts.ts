/**
 * The Validator's usual answer without zod's generic parse: most objects are valid, and zod spends most of its
 * time building a parsed copy and issue lists nobody reads then. This walks the same schema and runs the same
 * checks (the very check functions of the schema: text limits, formats, OCPI field rules, cross-field rules; a
 * field rule's own test and a length limit's comparison are called directly, the others share one payload per call) on
 * the input as it stands, and says true only when not one check reports anything. Then zod's parse reports
 * nothing either, so validate.ts skips it; on any issue (an error or a warning), and for any schema part this
 * walk does not know, it says false and zod parses as before, so issues, paths and messages are zod's own.
 *
 * What zod does that matters here (zod/v4 core, the schema kinds core/ocpi builds): strict objects refuse
 * unknown own keys; optional takes undefined; number takes finite numbers only; enums take their listed
 * values; each schema's checks run after its own type check, unless the check's `when` says not to. A
 * cross-field check sees zod's parsed copy, which for an input with no issue holds the same fields and values
 * as the input (no schema here transforms), so it gets the input itself.
 */
import type { z } from 'zod/v4';
import { fieldRuleTest } from '../ocpi/fields';

type Schema = z.core.$ZodType;
type Check = z.core.$ZodCheck<unknown>;
type Payload = z.core.ParsePayload<unknown>;
/** Whether a value passes a schema part with no issue. */
export type Test = (value: unknown) => boolean;
/**
 * A schema part's test inside one acceptsTest call: `scratch` is that call's one payload for the checks that need
 * zod's (cross-field rules), its issues empty, since the walk stops at the first issue.
 */
type Walk = (value: unknown, scratch: Payload) => boolean;

/** The check kinds of core/ocpi's schemas: they only read the value. Any other kind (e.g. an overwrite) is left to zod. */
const READ_ONLY_CHECKS: ReadonlySet<string> = new Set(['custom', 'max_length', 'min_length']);

const hasOwn = (object: object, key: string): boolean => Object.prototype.hasOwnProperty.call(object, key);
const never: Walk = () => false;

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value zod's length checks apply to (their `when`): not null or undefined, with a length. */
function lengthOf(value: unknown): unknown {
	return value === null || value === undefined ? undefined : (value as { length?: unknown }).length;
}

/**
 * One check as a test, without a zod payload where the check is known: zod's max and min length (its `when`
 * and comparison), and core/ocpi's field rules (their test returns a problem or nothing). Any other read-only
 * check runs as zod runs it, on a payload of its own.
 */
function checkTest(check: Check): Walk {
	const inner = check._zod;
	const def = inner.def as Check['_zod']['def'] & { maximum?: number; minimum?: number };
	if (def.check === 'max_length' && typeof def.maximum === 'number') {
		const maximum = def.maximum;
		return (value) => {
			const length = lengthOf(value);
			return length === undefined || (length as number) <= maximum;
		};
	}
	if (def.check === 'min_length' && typeof def.minimum === 'number') {
		const minimum = def.minimum;
		return (value) => {
			const length = lengthOf(value);
			return length === undefined || (length as number) >= minimum;
		};
	}
	const fieldTest = inner.when ? undefined : fieldRuleTest(check);
	if (fieldTest) return (value) => fieldTest(value as never) === undefined;
	return (value, scratch) => {
		scratch.value = value;
		if (inner.when && !inner.when(scratch)) return true;
		const result: unknown = inner.check(scratch);
		// an async check makes zod's synchronous parse throw: zod must say so itself
		return !(result instanceof Promise) && scratch.issues.length === 0;
	};
}

/** A schema's own checks as zod's runChecks runs them on a payload without issues; false at the first issue. */
function withChecks(type: Walk, checks: readonly Check[] | undefined): Walk {
	if (!checks || checks.length === 0) return type;
	if (!checks.every((check) => READ_ONLY_CHECKS.has(check._zod.def.check))) return never;
	const tests = checks.map(checkTest);
	if (tests.length === 1) {
		const [only] = tests;
		return (value, scratch) => type(value, scratch) && only(value, scratch);
	}
	return (value, scratch) => {
		if (!type(value, scratch)) return false;
		for (let i = 0; i < tests.length; i++) if (!tests[i](value, scratch)) return false;
		return true;
	};
}

function objectTest(def: z.core.$ZodObjectDef, built: Map<Schema, Walk>): Walk {
	// only strict objects: any own key the shape lacks is an issue
	if (def.catchall?._zod.def.type !== 'never') return never;
	const shape = def.shape;
	const keys = Object.keys(shape);
	const fields = keys.map((key) => compiled(shape[key], built));
	return (value, scratch) => {
		if (!isObject(value)) return false;
		for (const key in value) if (hasOwn(value, key) && !hasOwn(shape, key)) return false;
		for (let i = 0; i < keys.length; i++) if (!fields[i](value[keys[i]], scratch)) return false;
		return true;
	};
}

function typeTest(schema: Schema, built: Map<Schema, Walk>): Walk {
	const def = schema._zod.def as z.core.$ZodTypeDef & { coerce?: boolean };
	// a schema that is itself a check (zod's string formats) or coerces is not one of ours: left to zod
	if (def.coerce || schema._zod.traits.has('$ZodCheck')) return never;
	switch (def.type) {
		case 'string':
			return (value) => typeof value === 'string';
		case 'number':
			return (value) => typeof value === 'number' && Number.isFinite(value);
		case 'boolean':
			return (value) => typeof value === 'boolean';
		case 'enum': {
			const values = schema._zod.values;
			return values ? (value) => values.has(value as string) : never;
		}
		case 'optional': {
			const inner = compiled((def as z.core.$ZodOptionalDef).innerType, built);
			return (value, scratch) => value === undefined || inner(value, scratch);
		}
		case 'array': {
			const element = compiled((def as z.core.$ZodArrayDef).element, built);
			return (value, scratch) => {
				if (!Array.isArray(value)) return false;
				for (let i = 0; i < value.length; i++) if (!element(value[i], scratch)) return false;
				return true;
			};
		}
		case 'object':
			return objectTest(def as z.core.$ZodObjectDef, built);
		default:
			return never;
	}
}

/** One schema part's test; `built` holds the parts already built (shared parts are built once). */
function compiled(schema: Schema, built: Map<Schema, Walk>): Walk {
	let test = built.get(schema);
	if (!test) {
		// schemas are trees: no part refers back to itself
		test = withChecks(typeTest(schema, built), schema._zod.def.checks as Check[] | undefined);
		built.set(schema, test);
	}
	return test;
}

/**
 * A test that says true only when `schema.safeParse(value)` would succeed with no issue at all. The package uses
 * the zod n8n ships: should its internals differ from what this walk reads, or a check throw, the answer is false
 * and zod itself decides, as before.
 */
export function acceptsTest(schema: Schema): Test {
	let test: Walk;
	try {
		test = compiled(schema, new Map());
	} catch {
		return () => false;
	}
	return (value) => {
		try {
			return test(value, { value, issues: [] });
		} catch {
			return false;
		}
	};
}
