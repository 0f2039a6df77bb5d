/**
 * The Location fields from the first record of a Location (id, evses and last_updated are set
 * when assembling). Coordinates come from one "lat, lon" field or two; a missing time zone is
 * looked up from the coordinates, as the Validator's enrichment does.
 */
import { parseCoordinate } from '../enrichment/coordinateText';
import { timeZoneAt } from '../reference/timeZone';
import type { CompiledMapping } from './compileMapping';
import { mapField } from './fieldMapping';
import { missingValue } from './missingValues';
import { Outcome } from './outcome';
import type { ConnectorRecord } from './shapes';
import { coordinatesFromFields, isBlank, type OcpiGeoLocation } from './transforms';
import { hasPartyFields } from '../ocpi/version';

const TEXT_FIELDS = ['name', 'address', 'city', 'postal_code', 'state', 'country'] as const;
const REQUIRED: Record<string, string> = { address: 'street', city: 'city', country: 'country' };

function coordinatesOf(mapping: CompiledMapping, record: ConnectorRecord, out: Outcome): OcpiGeoLocation | undefined {
	const fields = mapping.fields.location;
	const pair = fields.get('coordinates')!;
	const fromPair = mapField(pair, record, pair.label, mapping.context, out);
	if (fromPair !== undefined) return out.take(fromPair) as OcpiGeoLocation | undefined;
	const latitude = fields.get('coordinates.latitude')!.read(record);
	const longitude = fields.get('coordinates.longitude')!.read(record);
	if (isBlank(latitude) && isBlank(longitude)) {
		out.fail("coordinates are missing: map one 'lat, lon' field or a latitude and a longitude field");
		return undefined;
	}
	return out.take(coordinatesFromFields(latitude, longitude, mapping.context.version));
}

function timeZoneOf(mapping: CompiledMapping, record: ConnectorRecord, coordinates: OcpiGeoLocation | undefined, out: Outcome): void {
	const field = mapping.fields.location.get('time_zone')!;
	if (out.take(mapField(field, record, field.label, mapping.context, out), 'time_zone') !== undefined) return;
	const zone = coordinates ? timeZoneAt(parseCoordinate(coordinates.latitude) ?? NaN, parseCoordinate(coordinates.longitude) ?? NaN) : undefined;
	if (zone) out.value.time_zone = zone;
	else if (hasPartyFields(mapping.context.version) && coordinates) out.fail(missingValue(field, record, 'timezone'));
}

export function mapLocation(mapping: CompiledMapping, record: ConnectorRecord, id: string): Outcome {
	const out = new Outcome();
	const { context } = mapping;
	const fields = mapping.fields.location;
	const generic = (name: string) => {
		const field = fields.get(name);
		return field ? out.take(mapField(field, record, field.label, context, out), name) : undefined;
	};
	if (mapping.party) {
		out.value.country_code = mapping.party.country_code;
		out.value.party_id = mapping.party.party_id;
	}
	out.value.id = id;
	if (context.version === '2.1.1') generic('type');
	else generic('publish');
	for (const name of TEXT_FIELDS) {
		const field = fields.get(name);
		if (!field) continue;
		const result = mapField(field, record, field.label, context, out);
		if (result === undefined && REQUIRED[name]) out.fail(missingValue(field, record, REQUIRED[name]));
		else out.take(result, name);
	}
	if (context.version === '2.1.1' && out.value.postal_code === undefined) out.fail(missingValue(fields.get('postal_code')!, record, 'zip'));
	const coordinates = coordinatesOf(mapping, record, out);
	if (coordinates) out.value.coordinates = coordinates;
	if (hasPartyFields(context.version)) generic('parking_type');
	const operator = fields.get('operator.name')!;
	const operatorName = out.take(mapField(operator, record, operator.label, context, out));
	if (operatorName !== undefined) out.value.operator = { name: operatorName };
	generic('facilities');
	timeZoneOf(mapping, record, coordinates, out);
	generic('charging_when_closed');
	// 2.3.0 only: absent from the field list of older versions
	generic('help_phone');
	const updated = fields.get('last_updated')!;
	out.updated = out.take(mapField(updated, record, updated.label, context, out)) as string | undefined;
	return out;
}
