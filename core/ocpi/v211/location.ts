/**
 * OCPI 2.1.1 Location (mod_locations.md §3.1): has `type`, requires postal_code, time_zone optional;
 * no country_code, party_id, publish, state or parking_type.
 */
import { z } from 'zod/v4';
import { TEXT_LIMITS } from '../limits';
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

const LIMITS = TEXT_LIMITS['2.1.1'];

export const LocationSchema = z
	.strictObject({
		id: urlId(LIMITS.locationId, false),
		type: LocationTypeSchema,
		name: text(LIMITS.name).optional(),
		address: text(LIMITS.address),
		city: text(LIMITS.city),
		postal_code: text(LIMITS.postalCode),
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
