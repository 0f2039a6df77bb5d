/** OCPI 2.1.1 EVSE (mod_locations.md §3.2): ids are case-sensitive strings, uid up to 39 characters. */
import { z } from 'zod/v4';
import { TEXT_LIMITS } from '../limits';
import { text, urlId } from '../fields';
import * as v221 from '../v221/evse';
import { lastUpdatedCoversChildrenRule, uniqueIdsRule } from '../v221/crossFieldRules';
import { GeoLocationSchema, ImageSchema } from './classes';
import { ConnectorSchema } from './connector';
import { CapabilitySchema } from './enums';

const LIMITS = TEXT_LIMITS['2.1.1'];

// 2.2.1's EVSE with 2.1.1's ids, enumerations and classes
export const EvseSchema = z
	.strictObject({
		...v221.EvseSchema.shape,
		uid: urlId(LIMITS.evseUid, false),
		evse_id: text(LIMITS.evseId).optional(),
		capabilities: z.array(CapabilitySchema).optional(),
		connectors: z.array(ConnectorSchema).min(1).check(uniqueIdsRule('id', 'EVSE')),
		coordinates: GeoLocationSchema.optional(),
		images: z.array(ImageSchema).optional(),
	})
	.check(lastUpdatedCoversChildrenRule('connectors', 'EVSE', 'connectors'));
export type Evse = z.infer<typeof EvseSchema>;
export type EVSE = Evse;
