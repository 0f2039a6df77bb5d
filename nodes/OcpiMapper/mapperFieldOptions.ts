/** The editor's lists of OCPI fields and transforms, taken from the engine's catalogue (never copied). */
import type { INodePropertyOptions } from 'n8n-workflow';
import { FIELD_CATALOGUE, MAPPED_OBJECTS, TRANSFORM_NAMES, type MappedObject } from '../../core/mapping';

const OBJECT_NAMES: Record<MappedObject, string> = { location: 'Location', evse: 'EVSE', connector: 'Connector' };

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** What each OCPI field holds, in words a non-developer knows. */
const MEANINGS: Record<string, string> = {
	'location.name': 'Name of the site as drivers see it',
	'location.address': 'Street and house number',
	'location.city': 'City or town',
	'location.postal_code': 'Postal code',
	'location.state': 'State or province',
	'location.country': 'Country (name or code)',
	'location.time_zone': 'IANA time zone, e.g. Europe/Berlin',
	'location.parking_type': 'Kind of parking (PARKING_LOT, ON_STREET …)',
	'location.type': 'Kind of location (OCPI 2.1.1)',
	'location.facilities': 'Facilities nearby (SUPERMARKET, CAFE …)',
	'location.publish': 'Whether the site may be shown to drivers',
	'location.charging_when_closed': 'Whether charging continues when the site is closed',
	'location.last_updated': 'When the site last changed',
	'evse.evse_id': 'eMI3 EVSE ID printed on the charger, e.g. DE*ABC*E00017',
	'evse.status': 'Lifecycle or live status (in service, faulty, planned …)',
	'evse.capabilities': 'What the EVSE supports (RFID_READER, REMOTE_START_STOP_CAPABLE …)',
	'evse.floor_level': 'Floor of a car park',
	'evse.physical_reference': 'Number or label on the charger or bay',
	'evse.parking_restrictions': 'Who may park (EV_ONLY, CUSTOMERS …)',
	'evse.last_updated': 'When the EVSE last changed',
	'connector.standard': 'Plug type (Typ 2, CCS, CHAdeMO …)',
	'connector.format': 'Socket or tethered cable',
	'connector.power_type': 'AC single/three phase or DC',
	'connector.max_voltage': 'Voltage in V',
	'connector.max_amperage': 'Current in A',
	'connector.max_electric_power': 'Power (22 kW, 150000 W …)',
	'connector.tariff_ids': 'Tariff IDs that apply',
	'connector.terms_and_conditions': 'URL of terms and conditions',
	'connector.last_updated': 'When the connector last changed',
};

function describeTarget(object: MappedObject, spec: (typeof FIELD_CATALOGUE)[MappedObject][number]): string {
	const meaning = MEANINGS[`${object}.${spec.field}`] ?? spec.description ?? `Default transform: ${spec.transform}`;
	const extra = spec.description && MEANINGS[`${object}.${spec.field}`] ? `. ${spec.description}` : '';
	return `${meaning}${extra}. Auto-mapped from: ${spec.names.slice(0, 5).join(', ')}`;
}

/** "Connector › Max Voltage (max_voltage)" with value "connector.max_voltage". */
export const targetFieldOptions: INodePropertyOptions[] = MAPPED_OBJECTS.flatMap((object) => {
	const seen = new Set<string>();
	return FIELD_CATALOGUE[object]
		.filter((spec) => !seen.has(spec.field) && seen.add(spec.field))
		.map((spec) => ({
			name: `${OBJECT_NAMES[object]} › ${titleOfField(spec.field)} (${spec.field})`,
			value: `${object}.${spec.field}`,
			description: describeTarget(object, spec),
		}));
}).sort(byName);

function titleOfField(field: string): string {
	return field
		.split(/[._]/)
		.map((word) => (word === 'id' || word === 'ids' ? word.toUpperCase() : word.charAt(0).toUpperCase() + word.slice(1)))
		.join(' ');
}

const TRANSFORM_DESCRIPTIONS: Record<string, string> = {
	none: 'Take the value as it is',
	text: 'Trim, collapse spaces and cut to the OCPI length (cuts are reported)',
	upperCase: 'Like Text, then upper case (EVSE IDs)',
	number: 'Read a number written with a decimal comma or point',
	integer: 'Read a number and round it to a whole number (reported)',
	boolean: 'Yes/no, true/false, ja/nein, 1/0',
	timestamp: 'Any date-time → UTC with Z',
	countryAlpha3: 'Country name or code → ISO 3166-1 alpha-3 (Germany → DEU)',
	countryAlpha2: 'Country name or code → ISO 3166-1 alpha-2 (Germany → DE)',
	enum: 'Match an OCPI value however it is cased or spaced',
	list: 'A list, or text separated by commas, semicolons or |',
	connectorStandard: 'Plug names (Typ 2, CCS, Schuko) → OCPI ConnectorType, through the value map',
	connectorFormat: 'Socket or cable (tethered, mit Kabel) → SOCKET/CABLE',
	status: 'Status words (in service, faulty) → OCPI Status, through the value map',
	powerType: 'AC/DC text, with phases and plug type → OCPI PowerType',
	power: 'Power in the chosen unit or with its own (22 kW) → whole watts',
	current: 'Current (32 A) → whole amperes',
	voltage: 'Voltage (400 V) → whole volts, line-to-neutral for three-phase AC',
	coordinates: 'One "lat, lon" field → OCPI GeoLocation',
	latitude: 'Latitude, combined with the longitude field',
	longitude: 'Longitude, combined with the latitude field',
};

const TRANSFORM_NAMES_SHOWN: Record<string, string> = {
	countryAlpha3: 'Country → Alpha-3',
	countryAlpha2: 'Country → Alpha-2',
	upperCase: 'Upper Case Text',
	connectorStandard: 'Connector Standard',
	connectorFormat: 'Connector Format',
	powerType: 'Power Type',
	enum: 'OCPI Value',
	none: 'None (As Is)',
};

function titleOf(name: string): string {
	return TRANSFORM_NAMES_SHOWN[name] ?? name.charAt(0).toUpperCase() + name.slice(1);
}

export const transformOptions: INodePropertyOptions[] = [
	{ name: 'Automatic (Field Default)', value: '', description: "The field's own transform" },
	...TRANSFORM_NAMES.map((name) => ({ name: titleOf(name), value: name, description: TRANSFORM_DESCRIPTIONS[name] })).sort(byName),
];
