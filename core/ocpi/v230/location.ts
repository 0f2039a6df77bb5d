/**
 * OCPI 2.3.0 edition 2 Location (mod_locations.asciidoc §3.1): 2.2.1's fields with address up to 255 and
 * state up to 45 characters, open enumerations, plus `parking_places` and `help_phone`.
 */
import { z } from 'zod/v4';
import { ciString, text } from '../fields';
import { TEXT_LIMITS } from '../limits';
import * as v221 from '../v221/location';
import { lastUpdatedCoversChildrenRule, publishAllowedToRule, uniqueIdsRule } from '../v221/crossFieldRules';
import { BusinessDetailsSchema, EnergyMixSchema, ImageSchema, ParkingSchema, PublishTokenTypeSchema } from './classes';
import { evseParkingReferenceRule } from './crossFieldRules';
import { FacilitySchema, ParkingTypeSchema } from './enums';
import { EvseSchema } from './evse';

const LIMITS = TEXT_LIMITS['2.3.0'];

export const LocationSchema = z
	.strictObject({
		...v221.LocationSchema.shape,
		publish_allowed_to: z.array(PublishTokenTypeSchema).optional(),
		address: text(LIMITS.address),
		state: text(LIMITS.state!).optional(),
		parking_type: ParkingTypeSchema.optional(),
		evses: z.array(EvseSchema).check(uniqueIdsRule('uid', 'Location')).optional(),
		parking_places: z.array(ParkingSchema).check(uniqueIdsRule('id', 'Location')).optional(),
		operator: BusinessDetailsSchema.optional(),
		suboperator: BusinessDetailsSchema.optional(),
		owner: BusinessDetailsSchema.optional(),
		facilities: z.array(FacilitySchema).optional(),
		images: z.array(ImageSchema).optional(),
		energy_mix: EnergyMixSchema.optional(),
		help_phone: ciString(LIMITS.helpPhone!).optional(),
	})
	.check(publishAllowedToRule, lastUpdatedCoversChildrenRule('evses', 'Location', 'EVSEs'), evseParkingReferenceRule);
export type Location = z.infer<typeof LocationSchema>;
