/** OCPI 2.3.0 Connector (mod_locations.asciidoc §3.3): 2.2.1's fields with an open standard, plus `capabilities`. */
import { z } from 'zod/v4';
import * as v221 from '../v221/connector';
import { lineToNeutralVoltageRule } from '../v221/crossFieldRules';
import { ConnectorCapabilitySchema, ConnectorTypeSchema } from './enums';

export const ConnectorSchema = z
	.strictObject({
		...v221.ConnectorSchema.shape,
		standard: ConnectorTypeSchema,
		/** New in 2.3.0: ISO 15118 Plug & Charge. */
		capabilities: z.array(ConnectorCapabilitySchema).optional(),
	})
	.check(lineToNeutralVoltageRule('max_voltage'));
export type Connector = z.infer<typeof ConnectorSchema>;
