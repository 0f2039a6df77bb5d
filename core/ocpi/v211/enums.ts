/** The enumerations of the OCPI 2.1.1 Locations module (mod_locations.md §4): mostly subsets of 2.2.1. */
import { z } from 'zod/v4';

export const CONNECTOR_TYPES = [
	'CHADEMO',
	'DOMESTIC_A',
	'DOMESTIC_B',
	'DOMESTIC_C',
	'DOMESTIC_D',
	'DOMESTIC_E',
	'DOMESTIC_F',
	'DOMESTIC_G',
	'DOMESTIC_H',
	'DOMESTIC_I',
	'DOMESTIC_J',
	'DOMESTIC_K',
	'DOMESTIC_L',
	'IEC_60309_2_single_16',
	'IEC_60309_2_three_16',
	'IEC_60309_2_three_32',
	'IEC_60309_2_three_64',
	'IEC_62196_T1',
	'IEC_62196_T1_COMBO',
	'IEC_62196_T2',
	'IEC_62196_T2_COMBO',
	'IEC_62196_T3A',
	'IEC_62196_T3C',
	'TESLA_R',
	'TESLA_S',
] as const;
export const ConnectorTypeSchema = z.enum(CONNECTOR_TYPES);
export type ConnectorType = z.infer<typeof ConnectorTypeSchema>;

export const POWER_TYPES = ['AC_1_PHASE', 'AC_3_PHASE', 'DC'] as const;
export const PowerTypeSchema = z.enum(POWER_TYPES);
export type PowerType = z.infer<typeof PowerTypeSchema>;

export const CAPABILITIES = [
	'CHARGING_PROFILE_CAPABLE',
	'CREDIT_CARD_PAYABLE',
	'REMOTE_START_STOP_CAPABLE',
	'RESERVABLE',
	'RFID_READER',
	'UNLOCK_CAPABLE',
] as const;
export const CapabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof CapabilitySchema>;

export const FACILITIES = [
	'HOTEL',
	'RESTAURANT',
	'CAFE',
	'MALL',
	'SUPERMARKET',
	'SPORT',
	'RECREATION_AREA',
	'NATURE',
	'MUSEUM',
	'BUS_STOP',
	'TAXI_STAND',
	'TRAIN_STATION',
	'AIRPORT',
	'CARPOOL_PARKING',
	'FUEL_STATION',
	'WIFI',
] as const;
export const FacilitySchema = z.enum(FACILITIES);
export type Facility = z.infer<typeof FacilitySchema>;

/** 2.1.1 only: the kind of place (2.2.1 replaced it with ParkingType). */
export const LOCATION_TYPES = ['ON_STREET', 'PARKING_GARAGE', 'UNDERGROUND_GARAGE', 'PARKING_LOT', 'OTHER', 'UNKNOWN'] as const;
export const LocationTypeSchema = z.enum(LOCATION_TYPES);
export type LocationType = z.infer<typeof LocationTypeSchema>;

// Unchanged from 2.1.1 to 2.2.1.
export {
	CONNECTOR_FORMATS,
	ConnectorFormatSchema,
	ENERGY_SOURCE_CATEGORIES,
	EnergySourceCategorySchema,
	ENVIRONMENTAL_IMPACT_CATEGORIES,
	EnvironmentalImpactCategorySchema,
	IMAGE_CATEGORIES,
	ImageCategorySchema,
	PARKING_RESTRICTIONS,
	ParkingRestrictionSchema,
	STATUSES,
	StatusSchema,
} from '../v221/enums';
export type {
	ConnectorFormat,
	EnergySourceCategory,
	EnvironmentalImpactCategory,
	ImageCategory,
	ParkingRestriction,
	Status,
} from '../v221/enums';
