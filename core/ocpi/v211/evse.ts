/** OCPI 2.1.1 EVSE (mod_locations.md §3.2): ids are case-sensitive strings, uid up to 39 characters. */
import { z } from 'zod/v4';
import { ID_MAX_LENGTH } from '../ids';
import { dateTime, text, urlId } from '../fields';
import { lastUpdatedCoversChildrenRule, uniqueIdsRule } from '../v221/crossFieldRules';
import { DisplayTextSchema, GeoLocationSchema, ImageSchema, StatusScheduleSchema } from './classes';
import { ConnectorSchema } from './connector';
import { CapabilitySchema, ParkingRestrictionSchema, StatusSchema } from './enums';

export const EvseSchema = z
	.strictObject({
		uid: urlId(ID_MAX_LENGTH['2.1.1'].evse, false),
		evse_id: text(48).optional(),
		status: StatusSchema,
		status_schedule: z.array(StatusScheduleSchema).optional(),
		capabilities: z.array(CapabilitySchema).optional(),
		connectors: z.array(ConnectorSchema).min(1).check(uniqueIdsRule('id', 'EVSE')),
		floor_level: text(4).optional(),
		coordinates: GeoLocationSchema.optional(),
		physical_reference: text(16).optional(),
		directions: z.array(DisplayTextSchema).optional(),
		parking_restrictions: z.array(ParkingRestrictionSchema).optional(),
		images: z.array(ImageSchema).optional(),
		last_updated: dateTime(),
	})
	.check(lastUpdatedCoversChildrenRule('connectors', 'EVSE', 'connectors'));
export type Evse = z.infer<typeof EvseSchema>;
export type EVSE = Evse;
