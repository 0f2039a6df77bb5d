/** OCPI 2.2.1 EVSE (mod_locations.asciidoc §3.2). */
import { z } from 'zod/v4';
import { ciString, dateTime, text, urlId } from '../fields';
import { DisplayTextSchema, GeoLocationSchema, ImageSchema, StatusScheduleSchema } from './classes';
import { ConnectorSchema } from './connector';
import { lastUpdatedCoversChildrenRule, uniqueIdsRule } from './crossFieldRules';
import { CapabilitySchema, ParkingRestrictionSchema, StatusSchema } from './enums';
import { TEXT_LIMITS } from '../limits';

const LIMITS = TEXT_LIMITS['2.2.1'];

export const EvseSchema = z
	.strictObject({
		uid: urlId(LIMITS.evseUid, true),
		/** eMI3 format is checked by the rule profile, since OCPI itself only refers to eMI3. */
		evse_id: ciString(LIMITS.evseId).optional(),
		status: StatusSchema,
		status_schedule: z.array(StatusScheduleSchema).optional(),
		capabilities: z.array(CapabilitySchema).optional(),
		connectors: z.array(ConnectorSchema).min(1).check(uniqueIdsRule('id', 'EVSE')),
		floor_level: text(LIMITS.floorLevel).optional(),
		coordinates: GeoLocationSchema.optional(),
		physical_reference: text(LIMITS.physicalReference).optional(),
		directions: z.array(DisplayTextSchema).optional(),
		parking_restrictions: z.array(ParkingRestrictionSchema).optional(),
		images: z.array(ImageSchema).optional(),
		last_updated: dateTime(),
	})
	.check(lastUpdatedCoversChildrenRule('connectors', 'EVSE', 'connectors'));
export type Evse = z.infer<typeof EvseSchema>;
/** The spec's spelling. */
export type EVSE = Evse;
