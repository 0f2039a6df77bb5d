/** The enumerations of the OCPI 2.2.1 Locations module (mod_locations.asciidoc §4) and TokenType (mod_tokens). */
import { z } from 'zod/v4';

export const CONNECTOR_TYPES = [
	'CHADEMO',
	'CHAOJI',
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
	'DOMESTIC_M',
	'DOMESTIC_N',
	'DOMESTIC_O',
	'GBT_AC',
	'GBT_DC',
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
	'NEMA_5_20',
	'NEMA_6_30',
	'NEMA_6_50',
	'NEMA_10_30',
	'NEMA_10_50',
	'NEMA_14_30',
	'NEMA_14_50',
	'PANTOGRAPH_BOTTOM_UP',
	'PANTOGRAPH_TOP_DOWN',
	'TESLA_R',
	'TESLA_S',
] as const;
export const ConnectorTypeSchema = z.enum(CONNECTOR_TYPES);
export type ConnectorType = z.infer<typeof ConnectorTypeSchema>;

export const CONNECTOR_FORMATS = ['SOCKET', 'CABLE'] as const;
export const ConnectorFormatSchema = z.enum(CONNECTOR_FORMATS);
export type ConnectorFormat = z.infer<typeof ConnectorFormatSchema>;

export const POWER_TYPES = ['AC_1_PHASE', 'AC_2_PHASE', 'AC_2_PHASE_SPLIT', 'AC_3_PHASE', 'DC'] as const;
export const PowerTypeSchema = z.enum(POWER_TYPES);
export type PowerType = z.infer<typeof PowerTypeSchema>;

export const STATUSES = [
	'AVAILABLE',
	'BLOCKED',
	'CHARGING',
	'INOPERATIVE',
	'OUTOFORDER',
	'PLANNED',
	'REMOVED',
	'RESERVED',
	'UNKNOWN',
] as const;
export const StatusSchema = z.enum(STATUSES);
export type Status = z.infer<typeof StatusSchema>;

export const CAPABILITIES = [
	'CHARGING_PROFILE_CAPABLE',
	'CHARGING_PREFERENCES_CAPABLE',
	'CHIP_CARD_SUPPORT',
	'CONTACTLESS_CARD_SUPPORT',
	'CREDIT_CARD_PAYABLE',
	'DEBIT_CARD_PAYABLE',
	'PED_TERMINAL',
	'REMOTE_START_STOP_CAPABLE',
	'RESERVABLE',
	'RFID_READER',
	'START_SESSION_CONNECTOR_REQUIRED',
	'TOKEN_GROUP_CAPABLE',
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
	'BIKE_SHARING',
	'BUS_STOP',
	'TAXI_STAND',
	'TRAM_STOP',
	'METRO_STATION',
	'TRAIN_STATION',
	'AIRPORT',
	'PARKING_LOT',
	'CARPOOL_PARKING',
	'FUEL_STATION',
	'WIFI',
] as const;
export const FacilitySchema = z.enum(FACILITIES);
export type Facility = z.infer<typeof FacilitySchema>;

export const PARKING_TYPES = [
	'ALONG_MOTORWAY',
	'PARKING_GARAGE',
	'PARKING_LOT',
	'ON_DRIVEWAY',
	'ON_STREET',
	'UNDERGROUND_GARAGE',
] as const;
export const ParkingTypeSchema = z.enum(PARKING_TYPES);
export type ParkingType = z.infer<typeof ParkingTypeSchema>;

export const PARKING_RESTRICTIONS = ['EV_ONLY', 'PLUGGED', 'DISABLED', 'CUSTOMERS', 'MOTORCYCLES'] as const;
export const ParkingRestrictionSchema = z.enum(PARKING_RESTRICTIONS);
export type ParkingRestriction = z.infer<typeof ParkingRestrictionSchema>;

export const IMAGE_CATEGORIES = ['CHARGER', 'ENTRANCE', 'LOCATION', 'NETWORK', 'OPERATOR', 'OTHER', 'OWNER'] as const;
export const ImageCategorySchema = z.enum(IMAGE_CATEGORIES);
export type ImageCategory = z.infer<typeof ImageCategorySchema>;

export const ENERGY_SOURCE_CATEGORIES = [
	'NUCLEAR',
	'GENERAL_FOSSIL',
	'COAL',
	'GAS',
	'GENERAL_GREEN',
	'SOLAR',
	'WIND',
	'WATER',
] as const;
export const EnergySourceCategorySchema = z.enum(ENERGY_SOURCE_CATEGORIES);
export type EnergySourceCategory = z.infer<typeof EnergySourceCategorySchema>;

export const ENVIRONMENTAL_IMPACT_CATEGORIES = ['NUCLEAR_WASTE', 'CARBON_DIOXIDE'] as const;
export const EnvironmentalImpactCategorySchema = z.enum(ENVIRONMENTAL_IMPACT_CATEGORIES);
export type EnvironmentalImpactCategory = z.infer<typeof EnvironmentalImpactCategorySchema>;

/** mod_tokens TokenType, used by PublishTokenType. */
export const TOKEN_TYPES = ['AD_HOC_USER', 'APP_USER', 'OTHER', 'RFID'] as const;
export const TokenTypeSchema = z.enum(TOKEN_TYPES);
export type TokenType = z.infer<typeof TokenTypeSchema>;
