/**
 * The classes of the OCPI 2.1.1 Locations module (mod_locations.md §4, types.md). Differences from
 * 2.2.1: coordinates with exactly 6 decimals, Image.type a string(4), EnvironmentalImpact keyed by
 * `source` (as the 2.1.1 table names it), Hours as a choice between regular_hours and twentyfourseven.
 */
import { z } from 'zod/v4';
import { decimal, latitude, longitude, text } from '../fields';
import * as v221 from '../v221/classes';
import { regularHoursRequiredRule } from '../v221/crossFieldRules';
import { EnvironmentalImpactCategorySchema } from './enums';

const VERSION = '2.1.1';

// Unchanged from 2.1.1 to 2.2.1.
export {
	DisplayTextSchema,
	EnergySourceSchema,
	ExceptionalPeriodSchema,
	StatusScheduleSchema,
} from '../v221/classes';
export type { DisplayText, EnergySource, ExceptionalPeriod, StatusSchedule } from '../v221/classes';

// 2.2.1's classes with the 2.1.1 differences (as v230 builds on 2.2.1).
export const GeoLocationSchema = v221.GeoLocationSchema.extend({ latitude: latitude(VERSION), longitude: longitude(VERSION) });
export type GeoLocation = z.infer<typeof GeoLocationSchema>;

export const AdditionalGeoLocationSchema = v221.AdditionalGeoLocationSchema.extend({ latitude: latitude(VERSION), longitude: longitude(VERSION) });
export type AdditionalGeoLocation = z.infer<typeof AdditionalGeoLocationSchema>;

export const ImageSchema = v221.ImageSchema.extend({ type: text(4) });
export type Image = z.infer<typeof ImageSchema>;

export const BusinessDetailsSchema = v221.BusinessDetailsSchema.extend({ logo: ImageSchema.optional() });
export type BusinessDetails = z.infer<typeof BusinessDetailsSchema>;

export const RegularHoursSchema = v221.regularHoursSchema(VERSION);
export type RegularHours = z.infer<typeof RegularHoursSchema>;

export const HoursSchema = z
	.strictObject({
		...v221.HoursSchema.shape,
		twentyfourseven: z.boolean().optional(),
		regular_hours: z.array(RegularHoursSchema).optional(),
	})
	.check(regularHoursRequiredRule('not-true'));
export type Hours = z.infer<typeof HoursSchema>;

export const EnvironmentalImpactSchema = z.strictObject({
	source: EnvironmentalImpactCategorySchema,
	amount: decimal({ min: 0, expected: 'an amount in g/kWh, 0 or more' }),
});
export type EnvironmentalImpact = z.infer<typeof EnvironmentalImpactSchema>;

export const EnergyMixSchema = v221.EnergyMixSchema.extend({ environ_impact: z.array(EnvironmentalImpactSchema).optional() });
export type EnergyMix = z.infer<typeof EnergyMixSchema>;
