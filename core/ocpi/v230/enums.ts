/**
 * The enumerations of the OCPI 2.3.0 (edition 2) Locations module (mod_locations.asciidoc §4) and TokenType
 * (mod_tokens). Most are OpenEnums in 2.3.0 (types.asciidoc): a receiver must accept values the spec does
 * not list, so they are checked with openEnum (an unlisted value is a warning). ConnectorFormat, PowerType,
 * Status, EnergySourceCategory, EVSEPosition and ParkingDirection stay closed enums.
 */
import { z } from 'zod/v4';
import { openEnum } from '../fields';
import * as v221 from '../v221/enums';

const VERSION = '2.3.0';

/** 2.2.1's list plus MCS and SAE_J3400 (NACS). */
export const CONNECTOR_TYPES = [...v221.CONNECTOR_TYPES, 'MCS', 'SAE_J3400'] as const;
export const ConnectorTypeSchema = openEnum(CONNECTOR_TYPES, VERSION);
/** The listed values; the schema also accepts others (OpenEnum). */
export type ConnectorType = (typeof CONNECTOR_TYPES)[number];

export { CONNECTOR_FORMATS, ConnectorFormatSchema, POWER_TYPES, PowerTypeSchema, STATUSES, StatusSchema } from '../v221/enums';
export { ENERGY_SOURCE_CATEGORIES, EnergySourceCategorySchema } from '../v221/enums';

export const CAPABILITIES = v221.CAPABILITIES;
export const CapabilitySchema = openEnum(CAPABILITIES, VERSION);

/** New in 2.3.0: what a Connector offers (ISO 15118 Plug & Charge). */
export const CONNECTOR_CAPABILITIES = ['ISO_15118_2_PLUG_AND_CHARGE', 'ISO_15118_20_PLUG_AND_CHARGE'] as const;
export const ConnectorCapabilitySchema = openEnum(CONNECTOR_CAPABILITIES, VERSION);

export const FACILITIES = v221.FACILITIES;
export const FacilitySchema = openEnum(FACILITIES, VERSION);

export const PARKING_TYPES = v221.PARKING_TYPES;
export const ParkingTypeSchema = openEnum(PARKING_TYPES, VERSION);

/** 2.2.1's list plus EMPLOYEES, TAXIS and TENANTS. */
export const PARKING_RESTRICTIONS = [...v221.PARKING_RESTRICTIONS, 'EMPLOYEES', 'TAXIS', 'TENANTS'] as const;
export const ParkingRestrictionSchema = openEnum(PARKING_RESTRICTIONS, VERSION);
export type ParkingRestriction = (typeof PARKING_RESTRICTIONS)[number];

export const IMAGE_CATEGORIES = v221.IMAGE_CATEGORIES;
export const ImageCategorySchema = openEnum(IMAGE_CATEGORIES, VERSION);

export const ENVIRONMENTAL_IMPACT_CATEGORIES = v221.ENVIRONMENTAL_IMPACT_CATEGORIES;
export const EnvironmentalImpactCategorySchema = openEnum(ENVIRONMENTAL_IMPACT_CATEGORIES, VERSION);

/** 2.2.1's list plus EMAID (ISO 15118 contract certificates). */
export const TOKEN_TYPES = [...v221.TOKEN_TYPES, 'EMAID'] as const;
export const TokenTypeSchema = openEnum(TOKEN_TYPES, VERSION);

/** New in 2.3.0: which vehicles a Parking is designed for (with approximate UNECE codes in the spec). */
export const VEHICLE_TYPES = [
	'MOTORCYCLE',
	'PERSONAL_VEHICLE',
	'PERSONAL_VEHICLE_WITH_TRAILER',
	'VAN',
	'SEMI_TRACTOR',
	'RIGID',
	'TRUCK_WITH_TRAILER',
	'BUS',
	'DISABLED',
] as const;
export const VehicleTypeSchema = openEnum(VEHICLE_TYPES, VERSION);
export type VehicleType = (typeof VEHICLE_TYPES)[number];

/** New in 2.3.0, closed: where the EVSE is relative to its parking space. */
export const EVSE_POSITIONS = ['LEFT', 'RIGHT', 'CENTER'] as const;
export const EvsePositionSchema = z.enum(EVSE_POSITIONS);

/** New in 2.3.0, closed: how vehicles park relative to the roadway. */
export const PARKING_DIRECTIONS = ['PARALLEL', 'PERPENDICULAR', 'ANGLE'] as const;
export const ParkingDirectionSchema = z.enum(PARKING_DIRECTIONS);
