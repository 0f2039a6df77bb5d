/**
 * OCPI 2.3.0 EVSE (mod_locations.asciidoc §3.2): 2.2.1's fields with open capabilities and parking
 * restrictions, plus `parking` (links to the Location's parking_places) and `accepted_service_providers`.
 */
import { z } from 'zod/v4';
import { text } from '../fields';
import { TEXT_LIMITS } from '../limits';
import * as v221 from '../v221/evse';
import { lastUpdatedCoversChildrenRule, uniqueIdsRule } from '../v221/crossFieldRules';
import { EvseParkingSchema, ImageSchema } from './classes';
import { ConnectorSchema } from './connector';
import { CapabilitySchema, ParkingRestrictionSchema } from './enums';

const LIMITS = TEXT_LIMITS['2.3.0'];

export const EvseSchema = z
	.strictObject({
		...v221.EvseSchema.shape,
		capabilities: z.array(CapabilitySchema).optional(),
		connectors: z.array(ConnectorSchema).min(1).check(uniqueIdsRule('id', 'EVSE')),
		parking_restrictions: z.array(ParkingRestrictionSchema).optional(),
		parking: z.array(EvseParkingSchema).optional(),
		images: z.array(ImageSchema).optional(),
		/** Names of the eMSPs whose contracts are accepted here (for AFIR reporting to NAPs). */
		accepted_service_providers: z.array(text(LIMITS.acceptedServiceProvider!)).optional(),
	})
	.check(lastUpdatedCoversChildrenRule('connectors', 'EVSE', 'connectors'));
export type Evse = z.infer<typeof EvseSchema>;
export type EVSE = Evse;
