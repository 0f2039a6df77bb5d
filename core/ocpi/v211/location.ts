/**
 * OCPI 2.1.1 Location (mod_locations.md §3.1): has `type`, requires postal_code, time_zone optional;
 * no country_code, party_id, publish, state or parking_type.
 */
import { z } from 'zod/v4';
import { ID_MAX_LENGTH } from '../ids';
import { countryAlpha3, dateTime, text, timeZone, urlId } from '../fields';
import { lastUpdatedCoversChildrenRule, uniqueIdsRule } from '../v221/crossFieldRules';
import {
	AdditionalGeoLocationSchema,
	BusinessDetailsSchema,
	DisplayTextSchema,
	EnergyMixSchema,
	GeoLocationSchema,
	HoursSchema,
	ImageSchema,
} from './classes';
import { FacilitySchema, LocationTypeSchema } from './enums';
import { EvseSchema } from './evse';

export const LocationSchema = z
	.strictObject({
		id: urlId(ID_MAX_LENGTH['2.1.1'].location, false),
		type: LocationTypeSchema,
		name: text(255).optional(),
		address: text(45),
		city: text(45),
		postal_code: text(10),
		country: countryAlpha3(),
		coordinates: GeoLocationSchema,
		related_locations: z.array(AdditionalGeoLocationSchema).optional(),
		evses: z.array(EvseSchema).check(uniqueIdsRule('uid', 'Location')).optional(),
		directions: z.array(DisplayTextSchema).optional(),
		operator: BusinessDetailsSchema.optional(),
		suboperator: BusinessDetailsSchema.optional(),
		owner: BusinessDetailsSchema.optional(),
		facilities: z.array(FacilitySchema).optional(),
		time_zone: timeZone().optional(),
		opening_times: HoursSchema.optional(),
		charging_when_closed: z.boolean().optional(),
		images: z.array(ImageSchema).optional(),
		energy_mix: EnergyMixSchema.optional(),
		last_updated: dateTime(),
	})
	.check(lastUpdatedCoversChildrenRule('evses', 'Location', 'EVSEs'));
export type Location = z.infer<typeof LocationSchema>;
