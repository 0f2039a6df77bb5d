/** OCPI 2.2.1 Location (mod_locations.asciidoc §3.1). */
import { z } from 'zod/v4';
import { ID_MAX_LENGTH } from '../ids';
import { countryAlpha2, countryAlpha3, dateTime, text, timeZone, urlId } from '../fields';
import {
	AdditionalGeoLocationSchema,
	BusinessDetailsSchema,
	DisplayTextSchema,
	EnergyMixSchema,
	GeoLocationSchema,
	HoursSchema,
	ImageSchema,
	PublishTokenTypeSchema,
} from './classes';
import { lastUpdatedCoversChildrenRule, publishAllowedToRule, uniqueIdsRule } from './crossFieldRules';
import { FacilitySchema, ParkingTypeSchema } from './enums';
import { EvseSchema } from './evse';

export const LocationSchema = z
	.strictObject({
		/** Of the CPO that owns the Location (alpha-2), not of the Location itself. */
		country_code: countryAlpha2(),
		party_id: urlId(3, true),
		id: urlId(ID_MAX_LENGTH['2.2.1'].location, true),
		publish: z.boolean(),
		publish_allowed_to: z.array(PublishTokenTypeSchema).optional(),
		name: text(255).optional(),
		address: text(45),
		city: text(45),
		postal_code: text(10).optional(),
		state: text(20).optional(),
		/** Of the Location itself (alpha-3). */
		country: countryAlpha3(),
		coordinates: GeoLocationSchema,
		related_locations: z.array(AdditionalGeoLocationSchema).optional(),
		parking_type: ParkingTypeSchema.optional(),
		evses: z.array(EvseSchema).check(uniqueIdsRule('uid', 'Location')).optional(),
		directions: z.array(DisplayTextSchema).optional(),
		operator: BusinessDetailsSchema.optional(),
		suboperator: BusinessDetailsSchema.optional(),
		owner: BusinessDetailsSchema.optional(),
		facilities: z.array(FacilitySchema).optional(),
		time_zone: timeZone(),
		opening_times: HoursSchema.optional(),
		charging_when_closed: z.boolean().optional(),
		images: z.array(ImageSchema).optional(),
		energy_mix: EnergyMixSchema.optional(),
		last_updated: dateTime(),
	})
	.check(publishAllowedToRule, lastUpdatedCoversChildrenRule('evses', 'Location', 'EVSEs'));
export type Location = z.infer<typeof LocationSchema>;
