/** The editor's lists of OCPI fields and transforms, taken from the engine's catalogue (never copied). */
import type { INodePropertyOptions } from 'n8n-workflow';
import { FIELD_CATALOGUE, MAPPED_OBJECTS, TRANSFORM_NAMES, type MappedObject } from '../../core/mapping';

const OBJECT_NAMES: Record<MappedObject, string> = { location: 'Location', evse: 'EVSE', connector: 'Connector' };

function byName(a: INodePropertyOptions, b: INodePropertyOptions): number {
	return a.name.localeCompare(b.name);
}

/** "Connector › max_electric_power" with value "connector.max_electric_power". */
export const targetFieldOptions: INodePropertyOptions[] = MAPPED_OBJECTS.flatMap((object) => {
	const seen = new Set<string>();
	return FIELD_CATALOGUE[object]
		.filter((spec) => !seen.has(spec.field) && seen.add(spec.field))
		.map((spec) => ({
			name: `${OBJECT_NAMES[object]} › ${spec.field}`,
			value: `${object}.${spec.field}`,
			description: spec.description ?? `Default transform: ${spec.transform}`,
		}));
}).sort(byName);

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
