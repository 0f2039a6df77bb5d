/** OCPI 2.2.1 EVSE (mod_locations.asciidoc §3.2). */
import { z } from 'zod/v4';
import { ID_MAX_LENGTH } from '../ids';
import { ciString, dateTime, text, urlId } from '../fields';
import { DisplayTextSchema, GeoLocationSchema, ImageSchema, StatusScheduleSchema } from './classes';
import { ConnectorSchema } from './connector';
import { lastUpdatedCoversChildrenRule, uniqueIdsRule } from './crossFieldRules';
import { CapabilitySchema, ParkingRestrictionSchema, StatusSchema } from './enums';

export const EvseSchema = z
	.strictObject({
		uid: urlId(ID_MAX_LENGTH['2.2.1'].evse, true),
		/** eMI3 format is checked by the rule profile, since OCPI itself only refers to eMI3. */
		evse_id: ciString(48).optional(),
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
/** The spec's spelling. */
export type EVSE = Evse;
