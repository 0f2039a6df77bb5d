/** OCPI 2.1.1 Connector (mod_locations.md §3.3): `voltage`/`amperage`, one `tariff_id`, no max_electric_power. */
import { z } from 'zod/v4';
import { ID_MAX_LENGTH } from '../ids';
import { dateTime, integer, text, url, urlId } from '../fields';
import { lineToNeutralVoltageRule } from '../v221/crossFieldRules';
import { ConnectorFormatSchema, ConnectorTypeSchema, PowerTypeSchema } from './enums';

export const ConnectorSchema = z
	.strictObject({
		id: urlId(ID_MAX_LENGTH['2.1.1'].connector, false),
		standard: ConnectorTypeSchema,
		format: ConnectorFormatSchema,
		power_type: PowerTypeSchema,
		/** Line to neutral for AC_3_PHASE. */
		voltage: integer({ min: 0, expected: 'a whole number of volts, 0 or more' }),
		amperage: integer({ min: 0, expected: 'a whole number of amperes, 0 or more' }),
		tariff_id: text(36).optional(),
		terms_and_conditions: url().optional(),
		last_updated: dateTime(),
	})
	.check(lineToNeutralVoltageRule('voltage'));
export type Connector = z.infer<typeof ConnectorSchema>;
