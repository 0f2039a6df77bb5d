/**
 * Every field the Mapper can fill, per object: its default transform, its length limit or allowed
 * values, and the source names auto-mapping looks for. A few entries are inputs rather than OCPI
 * fields: `coordinates.latitude`/`.longitude` (two-field coordinates), `operator.name` and
 * `phases` (helps tell the power type).
 */
import * as v211 from '../ocpi/v211/enums';
import * as v221 from '../ocpi/v221/enums';
import * as v230 from '../ocpi/v230/enums';
import type { TextLimits } from '../ocpi/limits';
import type { OcpiVersion } from '../ocpi/version';
import type { MappedObject } from './profile';
import type { TransformName } from './transformNames';

export interface FieldSpec {
	field: string;
	transform: TransformName;
	/** Source names auto-mapping recognises, compared without case, spaces, '-', '_' and '.'. */
	names: readonly string[];
	maxLength?: number;
	/** The version's limit (core/ocpi/limits.ts), where versions differ; wins over maxLength. */
	limit?: keyof TextLimits;
	/** Allowed OCPI values (enums and lists of enums). */
	allowed?: (version: OcpiVersion) => readonly string[];
	/** Only in these versions; all when absent. */
	versions?: readonly OcpiVersion[];
	/** Used when neither source nor profile default gives a value. */
	fallback?: unknown;
	/** Shown in the editor's field list. */
	description?: string;
}

const TIMESTAMP_NAMES = ['last_updated', 'updated_at', 'updated', 'modified_at', 'last_modified', 'modified', 'changed_at'];
const byVersion =
	(forV221: readonly string[], forV211: readonly string[], forV230: readonly string[] = forV221) =>
	(version: OcpiVersion): readonly string[] =>
		version === '2.1.1' ? forV211 : version === '2.3.0' ? forV230 : forV221;
const SINCE_221: readonly OcpiVersion[] = ['2.3.0', '2.2.1'];
const ONLY_230: readonly OcpiVersion[] = ['2.3.0'];

export const LOCATION_FIELDS: readonly FieldSpec[] = [
	{ field: 'name', transform: 'text', limit: 'name', names: ['site_name', 'location_name', 'station_name', 'name'] },
	{ field: 'address', transform: 'text', limit: 'address', names: ['address', 'street', 'street_address', 'addr', 'strasse'] },
	{ field: 'city', transform: 'text', limit: 'city', names: ['city', 'town', 'municipality', 'place', 'ort', 'stadt'] },
	{ field: 'postal_code', transform: 'text', limit: 'postalCode', names: ['postal_code', 'zip', 'zip_code', 'postcode', 'plz'] },
	{ field: 'state', transform: 'text', limit: 'state', names: ['region', 'province', 'federal_state'], versions: SINCE_221 },
	{ field: 'country', transform: 'countryAlpha3', names: ['country', 'country_name', 'country_code_iso', 'land'] },
	{
		field: 'coordinates',
		transform: 'coordinates',
		names: ['coordinates', 'coords', 'latlon', 'lat_lon', 'latlng', 'geo', 'position', 'gps'],
		description: 'One field holding "latitude, longitude"',
	},
	{ field: 'coordinates.latitude', transform: 'latitude', names: ['latitude', 'lat', 'geo_lat'], description: 'Latitude alone' },
	{ field: 'coordinates.longitude', transform: 'longitude', names: ['longitude', 'lon', 'lng', 'long', 'geo_lon'], description: 'Longitude alone' },
	{ field: 'time_zone', transform: 'text', maxLength: 255, names: ['time_zone', 'timezone', 'tz'], description: 'Looked up from the coordinates when empty' },
	{ field: 'parking_type', transform: 'enum', allowed: () => v221.PARKING_TYPES, names: ['parking_type'], versions: SINCE_221 },
	{ field: 'type', transform: 'enum', allowed: () => v211.LOCATION_TYPES, names: ['location_type'], versions: ['2.1.1'], fallback: 'UNKNOWN' },
	{ field: 'facilities', transform: 'list', allowed: byVersion(v221.FACILITIES, v211.FACILITIES), names: ['facilities', 'amenities'] },
	{ field: 'operator.name', transform: 'text', maxLength: 100, names: ['operator', 'operator_name'], description: 'Operator name' },
	{ field: 'publish', transform: 'boolean', names: ['publish', 'public'], versions: SINCE_221, fallback: true },
	{ field: 'charging_when_closed', transform: 'boolean', names: ['charging_when_closed'] },
	{ field: 'help_phone', transform: 'text', limit: 'helpPhone', names: ['help_phone', 'helpdesk_phone', 'hotline', 'support_phone'], versions: ONLY_230 },
	{ field: 'last_updated', transform: 'timestamp', names: TIMESTAMP_NAMES, description: 'Run time when empty; never older than its EVSEs' },
];

export const EVSE_FIELDS: readonly FieldSpec[] = [
	{ field: 'evse_id', transform: 'upperCase', limit: 'evseId', names: ['evse_id', 'evseid', 'emi3_id', 'emi3'] },
	{ field: 'status', transform: 'status', names: ['status', 'state', 'operational_status', 'availability'], fallback: 'UNKNOWN' },
	{ field: 'capabilities', transform: 'list', allowed: byVersion(v221.CAPABILITIES, v211.CAPABILITIES), names: ['capabilities'] },
	{ field: 'floor_level', transform: 'text', limit: 'floorLevel', names: ['floor_level', 'floor', 'level'] },
	{ field: 'physical_reference', transform: 'text', limit: 'physicalReference', names: ['physical_reference', 'label', 'charger_label'] },
	{
		field: 'parking_restrictions',
		transform: 'list',
		allowed: byVersion(v221.PARKING_RESTRICTIONS, v221.PARKING_RESTRICTIONS, v230.PARKING_RESTRICTIONS),
		names: ['parking_restrictions'],
	},
	{ field: 'accepted_service_providers', transform: 'list', names: ['accepted_service_providers', 'accepted_emsps'], versions: ONLY_230 },
	{ field: 'last_updated', transform: 'timestamp', names: TIMESTAMP_NAMES, description: 'Run time when empty; never older than its connectors' },
];

export const CONNECTOR_FIELDS: readonly FieldSpec[] = [
	{
		field: 'standard',
		transform: 'connectorStandard',
		names: ['standard', 'plug', 'plug_type', 'connector_type', 'connector_standard', 'socket', 'socket_type', 'connector'],
	},
	{ field: 'format', transform: 'connectorFormat', names: ['format', 'connector_format'], description: 'From the plug type when empty' },
	{
		field: 'power_type',
		transform: 'powerType',
		names: ['power_type', 'type', 'current', 'current_type', 'ac_dc', 'acdc'],
		description: 'AC/DC text or OCPI value; with phases and the plug type',
	},
	{ field: 'phases', transform: 'none', names: ['phases', 'phase', 'number_of_phases'], description: 'Helps tell the power type' },
	{ field: 'max_voltage', transform: 'voltage', names: ['max_voltage', 'voltage', 'volts', 'volt'], description: '230 V assumed for AC when empty' },
	{ field: 'max_amperage', transform: 'current', names: ['max_amperage', 'amperage', 'amps', 'amp', 'ampere'], description: 'From power and voltage when empty' },
	{
		field: 'max_electric_power',
		transform: 'power',
		names: ['max_electric_power', 'power', 'kw', 'power_kw', 'max_power', 'rated_power', 'output_kw'],
	},
	{ field: 'tariff_ids', transform: 'list', names: ['tariff_ids', 'tariff_id', 'tariff'] },
	{ field: 'terms_and_conditions', transform: 'text', maxLength: 255, names: ['terms_and_conditions'] },
	{ field: 'last_updated', transform: 'timestamp', names: TIMESTAMP_NAMES, description: 'Run time when empty' },
];

export const FIELD_CATALOGUE: Readonly<Record<MappedObject, readonly FieldSpec[]>> = {
	location: LOCATION_FIELDS,
	evse: EVSE_FIELDS,
	connector: CONNECTOR_FIELDS,
};

export function fieldsFor(object: MappedObject, version: OcpiVersion): FieldSpec[] {
	return FIELD_CATALOGUE[object].filter((spec) => !spec.versions || spec.versions.includes(version));
}
