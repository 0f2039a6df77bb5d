/**
 * A mapping profile: the whole Mapper configuration as one JSON document with a name and a version,
 * so a team can review and version it like code. `format` is the version of this document's shape;
 * a profile written by a newer package (or by something else) is refused, never half-read.
 */
import { isRecord } from '../foundation/json';
import { z } from 'zod/v4';
import { OCPI_VERSIONS } from '../ocpi/version';
import { TRANSFORM_NAMES } from './transformNames';

export const MAPPING_PROFILE_FORMAT = 1;

export const ASSET_SHAPES = ['rows', 'chargePoints', 'sites'] as const;
export type AssetShape = (typeof ASSET_SHAPES)[number];

export const EVSE_GRANULARITIES = ['chargePoint', 'outlet'] as const;
export type EvseGranularity = (typeof EVSE_GRANULARITIES)[number];

export const MAPPED_OBJECTS = ['location', 'evse', 'connector'] as const;
export type MappedObject = (typeof MAPPED_OBJECTS)[number];

export const POWER_UNITS = ['W', 'kW', 'MW'] as const;

const FieldRuleSchema = z.strictObject({
	/** A dotted path in the asset record ('outlets.kw' is never needed: paths are read per level), or an n8n expression ('={{ … }}'). */
	source: z.string().optional(),
	transform: z.enum(TRANSFORM_NAMES).optional(),
	/** Used when the source is empty; goes through the transform like a source value. */
	default: z.unknown().optional(),
});
export type FieldRule = z.infer<typeof FieldRuleSchema>;

const FieldRulesSchema = z.record(z.string(), FieldRuleSchema);

const ValueMapSchema = z.record(z.string(), z.string());

export const MappingProfileSchema = z.strictObject({
	format: z.literal(MAPPING_PROFILE_FORMAT),
	name: z.string().trim().min(1),
	version: z.string().trim().min(1),
	shape: z.enum(ASSET_SHAPES),
	keys: z.strictObject({
		/** Path of the site / location key. */
		locationId: z.string().min(1),
		/** Path of the charge point key. */
		evseId: z.string().min(1),
		/** Path of the connector / outlet number within its charge point. */
		connectorId: z.string().min(1),
		/** With outlet granularity: path on the outlet naming the EVSE (bay) it belongs to; outlets sharing it charge one at a time. */
		evseGroup: z.string().optional(),
	}),
	paths: z
		.strictObject({
			/** A list inside each item holding the records (an export's `items`, an API page's `data.records`); absent: the item is the record. */
			records: z.string().trim().min(1).optional(),
			/** Sites shape: the array of charge points in a site item. */
			chargePoints: z.string().min(1).default('chargePoints'),
			/** Charge point and sites shapes: the array of connectors/outlets in a charge point. */
			connectors: z.string().min(1).default('connectors'),
		})
		.default({ chargePoints: 'chargePoints', connectors: 'connectors' }),
	evseGranularity: z.enum(EVSE_GRANULARITIES).default('chargePoint'),
	/**
	 * How ids are written (see idTemplates): `{chargePoint}[-{bay}]` etc. Absent: the ids of earlier versions
	 * ({chargePoint}, or {chargePoint}-{bay} with one EVSE per outlet; {connector}).
	 */
	ids: z
		.strictObject({
			evseUid: z.string().trim().min(1).optional(),
			connectorId: z.string().trim().min(1).optional(),
		})
		.optional(),
	ocpiVersion: z.enum(OCPI_VERSIONS).default('2.2.1'),
	/** The CPO's OCPI party; 2.2.1 Locations carry it. */
	party: z.strictObject({ country_code: z.string(), party_id: z.string() }).optional(),
	fields: z
		.strictObject({
			location: FieldRulesSchema.default({}),
			evse: FieldRulesSchema.default({}),
			connector: FieldRulesSchema.default({}),
		})
		.default({ location: {}, evse: {}, connector: {} }),
	/** The user's additions to the presets; theirs win. */
	valueMaps: z
		.strictObject({
			connectorStandard: ValueMapSchema.optional(),
			status: ValueMapSchema.optional(),
		})
		.default({}),
	units: z
		.strictObject({
			/** Unit of power values that carry none ('22'). */
			power: z.enum(POWER_UNITS).default('kW'),
			decimalSeparator: z.enum(['.', ',']).optional(),
		})
		.default({ power: 'kW' }),
	/** Whether auto-mapping fills fields the profile does not name (default true). */
	autoMap: z.boolean().default(true),
});
export type MappingProfile = z.infer<typeof MappingProfileSchema>;
/** What a user may write: defaults filled in by parsing. */
export type MappingProfileInput = z.input<typeof MappingProfileSchema>;

export type ProfileResult = { ok: true; profile: MappingProfile } | { ok: false; reason: string };

function describeIssue(issue: z.core.$ZodIssue): string {
	const path = issue.path.map(String).join('.');
	return path === '' ? issue.message : `${path}: ${issue.message}`;
}

/**
 * Reads a profile from JSON text or an object. Refuses a missing, unknown or newer `format` with a
 * message that says what to do, and lists every other problem at once.
 */
export function parseMappingProfile(source: unknown): ProfileResult {
	let json = source;
	if (typeof source === 'string') {
		try {
			json = JSON.parse(source);
		} catch (error) {
			return { ok: false, reason: `the mapping profile is not valid JSON (${(error as Error).message})` };
		}
	}
	if (!isRecord(json)) {
		return { ok: false, reason: 'the mapping profile must be a JSON object with format, name, version, shape and keys' };
	}
	const format = json.format;
	if (format === undefined) {
		return { ok: false, reason: `the mapping profile has no "format": add "format": ${MAPPING_PROFILE_FORMAT}` };
	}
	if (typeof format === 'number' && Number.isInteger(format) && format > MAPPING_PROFILE_FORMAT) {
		return {
			ok: false,
			reason: `the mapping profile has format ${format}, newer than this package reads (${MAPPING_PROFILE_FORMAT}): update n8n-nodes-ocpi-asset-connector or export the profile again from this version`,
		};
	}
	if (format !== MAPPING_PROFILE_FORMAT) {
		return { ok: false, reason: `the mapping profile has an unknown format ${JSON.stringify(format)}: this package reads format ${MAPPING_PROFILE_FORMAT}` };
	}
	const parsed = MappingProfileSchema.safeParse(json);
	if (!parsed.success) {
		return { ok: false, reason: `the mapping profile is not usable: ${parsed.error.issues.map(describeIssue).join('; ')}` };
	}
	return { ok: true, profile: parsed.data };
}
