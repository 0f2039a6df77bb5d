/**
 * The public surface of the OCPI model: one namespace per version, the main types by version, and
 * the schema for a (version, kind) pair.
 */
import type { z } from 'zod/v4';
import * as v211 from './v211';
import * as v221 from './v221';
import * as v230 from './v230';
import type { OcpiObjectKind, OcpiVersion } from './version';

export { v211, v221, v230 };
export { OCPI_OBJECT_KINDS, OCPI_VERSIONS, isOcpiVersion, type OcpiObjectKind, type OcpiVersion } from './version';

export type Location230 = v230.Location;
export type Evse230 = v230.Evse;
export type Connector230 = v230.Connector;
export type Location221 = v221.Location;
export type Evse221 = v221.Evse;
export type Connector221 = v221.Connector;
export type Location211 = v211.Location;
export type Evse211 = v211.Evse;
export type Connector211 = v211.Connector;

const SCHEMAS = {
	'2.3.0': { location: v230.LocationSchema, evse: v230.EvseSchema, connector: v230.ConnectorSchema },
	'2.2.1': { location: v221.LocationSchema, evse: v221.EvseSchema, connector: v221.ConnectorSchema },
	'2.1.1': { location: v211.LocationSchema, evse: v211.EvseSchema, connector: v211.ConnectorSchema },
} as const;

/** The schema of the given version's Location, EVSE or Connector. */
export function schemaFor<V extends OcpiVersion, K extends OcpiObjectKind>(version: V, kind: K): (typeof SCHEMAS)[V][K];
export function schemaFor(version: OcpiVersion, kind: OcpiObjectKind): z.ZodType {
	return SCHEMAS[version][kind];
}
