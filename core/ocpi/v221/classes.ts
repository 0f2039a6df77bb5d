/** The classes the OCPI 2.2.1 Locations module builds its objects from (mod_locations.asciidoc §4, types.asciidoc). */
import { z } from 'zod/v4';
import {
	ciString,
	dateTime,
	decimal,
	hourMinute,
	integer,
	languageCode,
	latitude,
	longitude,
	percentage,
	text,
	url,
} from '../fields';
import { HOUR_MINUTE_PATTERNS } from '../formats';
import type { OcpiVersion } from '../version';
import {
	energySourcesTotalRule,
	exceptionalPeriodOrderRule,
	publishTokenRule,
	regularHoursRequiredRule,
	regularPeriodOrderRule,
	statusSchedulePeriodOrderRule,
} from './crossFieldRules';
import {
	EnergySourceCategorySchema,
	EnvironmentalImpactCategorySchema,
	ImageCategorySchema,
	StatusSchema,
	TokenTypeSchema,
} from './enums';

const VERSION = '2.2.1';

export const DisplayTextSchema = z.strictObject({
	language: languageCode(),
	text: text(512),
});
export type DisplayText = z.infer<typeof DisplayTextSchema>;

export const GeoLocationSchema = z.strictObject({
	latitude: latitude(VERSION),
	longitude: longitude(VERSION),
});
export type GeoLocation = z.infer<typeof GeoLocationSchema>;

export const AdditionalGeoLocationSchema = z.strictObject({
	latitude: latitude(VERSION),
	longitude: longitude(VERSION),
	name: DisplayTextSchema.optional(),
});
export type AdditionalGeoLocation = z.infer<typeof AdditionalGeoLocationSchema>;

const imageSize = () => integer({ min: 0, max: 99999, expected: 'a whole number of pixels from 0 to 99999' });

export const ImageSchema = z.strictObject({
	url: url(),
	thumbnail: url().optional(),
	category: ImageCategorySchema,
	type: ciString(4),
	width: imageSize().optional(),
	height: imageSize().optional(),
});
export type Image = z.infer<typeof ImageSchema>;

export const BusinessDetailsSchema = z.strictObject({
	name: text(100),
	website: url().optional(),
	logo: ImageSchema.optional(),
});
export type BusinessDetails = z.infer<typeof BusinessDetailsSchema>;

/** RegularHours of a version: the same fields in every version, hour:minute written as that version writes it. */
export function regularHoursSchema(version: OcpiVersion) {
	return z
		.strictObject({
			weekday: integer({ min: 1, max: 7, expected: 'a day number from 1 (Monday) to 7 (Sunday)' }),
			period_begin: hourMinute(version),
			period_end: hourMinute(version),
		})
		.check(regularPeriodOrderRule(HOUR_MINUTE_PATTERNS[version]));
}

export const RegularHoursSchema = regularHoursSchema(VERSION);
export type RegularHours = z.infer<typeof RegularHoursSchema>;

export const ExceptionalPeriodSchema = z
	.strictObject({
		period_begin: dateTime(),
		period_end: dateTime(),
	})
	.check(exceptionalPeriodOrderRule);
export type ExceptionalPeriod = z.infer<typeof ExceptionalPeriodSchema>;

export const HoursSchema = z
	.strictObject({
		twentyfourseven: z.boolean(),
		regular_hours: z.array(RegularHoursSchema).optional(),
		exceptional_openings: z.array(ExceptionalPeriodSchema).optional(),
		exceptional_closings: z.array(ExceptionalPeriodSchema).optional(),
	})
	.check(regularHoursRequiredRule('false'));
export type Hours = z.infer<typeof HoursSchema>;

export const EnergySourceSchema = z.strictObject({
	source: EnergySourceCategorySchema,
	percentage: percentage(),
});
export type EnergySource = z.infer<typeof EnergySourceSchema>;

export const EnvironmentalImpactSchema = z.strictObject({
	category: EnvironmentalImpactCategorySchema,
	amount: decimal({ min: 0, expected: 'an amount in g/kWh, 0 or more' }),
});
export type EnvironmentalImpact = z.infer<typeof EnvironmentalImpactSchema>;

export const EnergyMixSchema = z.strictObject({
	is_green_energy: z.boolean(),
	energy_sources: z.array(EnergySourceSchema).check(energySourcesTotalRule).optional(),
	environ_impact: z.array(EnvironmentalImpactSchema).optional(),
	supplier_name: text(64).optional(),
	energy_product_name: text(64).optional(),
});
export type EnergyMix = z.infer<typeof EnergyMixSchema>;

export const StatusScheduleSchema = z
	.strictObject({
		period_begin: dateTime(),
		period_end: dateTime().optional(),
		status: StatusSchema,
	})
	.check(statusSchedulePeriodOrderRule);
export type StatusSchedule = z.infer<typeof StatusScheduleSchema>;

export const PublishTokenTypeSchema = z
	.strictObject({
		uid: ciString(36).optional(),
		type: TokenTypeSchema.optional(),
		visual_number: text(64).optional(),
		issuer: text(64).optional(),
		group_id: ciString(36).optional(),
	})
	.check(publishTokenRule);
export type PublishTokenType = z.infer<typeof PublishTokenTypeSchema>;
