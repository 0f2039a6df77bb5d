/**
 * The classes of the OCPI 2.1.1 Locations module (mod_locations.md §4, types.md). Differences from
 * 2.2.1: coordinates with exactly 6 decimals, Image.type a string(4), EnvironmentalImpact keyed by
 * `source` (as the 2.1.1 table names it), Hours as a choice between regular_hours and twentyfourseven.
 */
import { z } from 'zod/v4';
import { decimal, hourMinute, integer, latitude, longitude, text, url } from '../fields';
import { HOUR_MINUTE_PATTERNS } from '../formats';
import { DisplayTextSchema, EnergySourceSchema, ExceptionalPeriodSchema } from '../v221/classes';
import { energySourcesTotalRule, regularHoursRequiredRule, regularPeriodOrderRule } from '../v221/crossFieldRules';
import { EnvironmentalImpactCategorySchema, ImageCategorySchema } from './enums';

const VERSION = '2.1.1';

// Unchanged from 2.1.1 to 2.2.1.
export {
	DisplayTextSchema,
	EnergySourceSchema,
	ExceptionalPeriodSchema,
	StatusScheduleSchema,
} from '../v221/classes';
export type { DisplayText, EnergySource, ExceptionalPeriod, StatusSchedule } from '../v221/classes';

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
	type: text(4),
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

export const RegularHoursSchema = z
	.strictObject({
		weekday: integer({ min: 1, max: 7, expected: 'a day number from 1 (Monday) to 7 (Sunday)' }),
		period_begin: hourMinute(VERSION),
		period_end: hourMinute(VERSION),
	})
	.check(regularPeriodOrderRule(HOUR_MINUTE_PATTERNS[VERSION]));
export type RegularHours = z.infer<typeof RegularHoursSchema>;

export const HoursSchema = z
	.strictObject({
		twentyfourseven: z.boolean().optional(),
		regular_hours: z.array(RegularHoursSchema).optional(),
		exceptional_openings: z.array(ExceptionalPeriodSchema).optional(),
		exceptional_closings: z.array(ExceptionalPeriodSchema).optional(),
	})
	.check(regularHoursRequiredRule('not-true'));
export type Hours = z.infer<typeof HoursSchema>;

export const EnvironmentalImpactSchema = z.strictObject({
	source: EnvironmentalImpactCategorySchema,
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
