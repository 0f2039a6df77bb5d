/** OCPI 2.2.1 Connector (mod_locations.asciidoc §3.3). */
import { z } from 'zod/v4';
import { ID_MAX_LENGTH } from '../ids';
import { ciString, dateTime, integer, url, urlId } from '../fields';
import { lineToNeutralVoltageRule } from './crossFieldRules';
import { ConnectorFormatSchema, ConnectorTypeSchema, PowerTypeSchema } from './enums';

export const ConnectorSchema = z
	.strictObject({
		id: urlId(ID_MAX_LENGTH['2.2.1'].connector, true),
		standard: ConnectorTypeSchema,
		format: ConnectorFormatSchema,
		power_type: PowerTypeSchema,
		/** Line to neutral for AC_3_PHASE (230, not 400). */
		max_voltage: integer({ min: 0, expected: 'a whole number of volts, 0 or more' }),
		max_amperage: integer({ min: 0, expected: 'a whole number of amperes, 0 or more' }),
		/** In watts (150000 for 150 kW), set when lower than voltage × amperage. */
		max_electric_power: integer({ min: 0, expected: 'a whole number of watts, 0 or more (150 kW is 150000)' }).optional(),
		tariff_ids: z.array(ciString(36)).optional(),
		terms_and_conditions: url().optional(),
		last_updated: dateTime(),
	})
	.check(lineToNeutralVoltageRule('max_voltage'));
export type Connector = z.infer<typeof ConnectorSchema>;
