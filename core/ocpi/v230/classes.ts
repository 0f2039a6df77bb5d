/**
 * The classes of the OCPI 2.3.0 (edition 2) Locations module. Unchanged from 2.2.1 but for the enumerations
 * that became OpenEnums (Image.category, EnvironmentalImpact.category, PublishTokenType.type), plus the new
 * Parking and EVSEParking classes.
 */
import { z } from 'zod/v4';
import { ciString, decimal, text } from '../fields';
import { TEXT_LIMITS } from '../limits';
import * as v221 from '../v221/classes';
import { publishTokenRule } from '../v221/crossFieldRules';
import { parkingDimensionsRule, parkingPhotoRule } from './crossFieldRules';
import {
	EnvironmentalImpactCategorySchema,
	EvsePositionSchema,
	ImageCategorySchema,
	ParkingDirectionSchema,
	TokenTypeSchema,
	VehicleTypeSchema,
} from './enums';

const LIMITS = TEXT_LIMITS['2.3.0'];

// Unchanged from 2.2.1.
export {
	AdditionalGeoLocationSchema,
	DisplayTextSchema,
	EnergySourceSchema,
	ExceptionalPeriodSchema,
	GeoLocationSchema,
	HoursSchema,
	RegularHoursSchema,
	StatusScheduleSchema,
} from '../v221/classes';
export type { AdditionalGeoLocation, DisplayText, EnergySource, ExceptionalPeriod, GeoLocation, Hours, RegularHours, StatusSchedule } from '../v221/classes';

export const ImageSchema = v221.ImageSchema.extend({ category: ImageCategorySchema });
export type Image = z.infer<typeof ImageSchema>;

export const BusinessDetailsSchema = v221.BusinessDetailsSchema.extend({ logo: ImageSchema.optional() });
export type BusinessDetails = z.infer<typeof BusinessDetailsSchema>;

export const EnvironmentalImpactSchema = v221.EnvironmentalImpactSchema.extend({ category: EnvironmentalImpactCategorySchema });
export type EnvironmentalImpact = z.infer<typeof EnvironmentalImpactSchema>;

export const EnergyMixSchema = v221.EnergyMixSchema.extend({ environ_impact: z.array(EnvironmentalImpactSchema).optional() });
export type EnergyMix = z.infer<typeof EnergyMixSchema>;

export const PublishTokenTypeSchema = z.strictObject({ ...v221.PublishTokenTypeSchema.shape, type: TokenTypeSchema.optional() }).check(publishTokenRule);
export type PublishTokenType = z.infer<typeof PublishTokenTypeSchema>;

/** A length in centimetres or a weight in kilograms: a positive number. */
const measure = (unit: string) => decimal({ min: 0, expected: `a number of ${unit}, 0 or more` });

/** Parking (§3.4, new in 2.3.0 for AFIR): a parking space, or the parking limits near an EVSE. */
export const ParkingSchema = z
	.strictObject({
		id: ciString(LIMITS.parkingId!),
		physical_reference: text(LIMITS.parkingPhysicalReference!).optional(),
		vehicle_types: z.array(VehicleTypeSchema).min(1),
		max_vehicle_weight: measure('kilograms').optional(),
		max_vehicle_height: measure('centimetres').optional(),
		max_vehicle_length: measure('centimetres').optional(),
		max_vehicle_width: measure('centimetres').optional(),
		parking_space_length: measure('centimetres').optional(),
		parking_space_width: measure('centimetres').optional(),
		dangerous_goods_allowed: z.boolean().optional(),
		direction: ParkingDirectionSchema.optional(),
		drive_through: z.boolean().optional(),
		restricted_to_type: z.boolean(),
		reservation_required: z.boolean(),
		time_limit: measure('minutes').optional(),
		roofed: z.boolean().optional(),
		images: z.array(ImageSchema).optional(),
		lighting: z.boolean().optional(),
		refrigeration_outlet: z.boolean().optional(),
		standards: z.array(ciString(LIMITS.parkingStandard!)).optional(),
		/** A CiString without a stated length. */
		apds_reference: ciString(Number.MAX_SAFE_INTEGER).optional(),
	})
	.check(parkingDimensionsRule, parkingPhotoRule);
export type Parking = z.infer<typeof ParkingSchema>;

/** EVSEParking (new in 2.3.0): which of the Location's parking_places an EVSE serves. */
export const EvseParkingSchema = z.strictObject({
	parking_id: ciString(LIMITS.parkingId!),
	evse_position: EvsePositionSchema.optional(),
});
export type EvseParking = z.infer<typeof EvseParkingSchema>;
