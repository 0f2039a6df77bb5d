/**
 * Coordinates from one field ('52.3702, 4.8952', '52,3702;4,8952', '52.3702 4.8952') or two, as
 * numbers or text → OCPI GeoLocation strings. Reading and writing digits is the enrichment's
 * (core/enrichment/coordinateText.ts), so the Mapper and the Validator format coordinates alike.
 */
import { LATITUDE_RANGE, LONGITUDE_RANGE } from '../../ocpi/formats';
import type { OcpiVersion } from '../../ocpi/version';
import { isWithinRange, parseCoordinate, toOcpiCoordinate, type Axis } from '../../enrichment/coordinateText';
import { fail, isBlank, joinNotes, ok, quote, type TransformResult } from './result';

export interface OcpiGeoLocation {
	latitude: string;
	longitude: string;
}

// Fewer decimals than this is coarser than about 1 m, the precision OCPI 2.2.1 asks for.
const PRECISE_DECIMALS = 5;

function splitPair(text: string): [string, string] | undefined {
	const trimmed = text.trim();
	const pick = (parts: string[]): [string, string] | undefined => (parts.length === 2 ? [parts[0], parts[1]] : undefined);
	if (trimmed.includes(';')) return pick(trimmed.split(';'));
	const commas = trimmed.split(',').length - 1;
	if (commas === 1) return pick(trimmed.split(','));
	// '52,3702, 4,8952': decimal commas, and a comma with a space between the two.
	if (commas === 3) return pick(trimmed.split(/,\s+/));
	return pick(trimmed.split(/\s+/));
}

function read(raw: unknown, axis: Axis, field: string): TransformResult<number> {
	if (isBlank(raw)) return fail(`${field} ${axis} is empty: fill it in the source data`);
	const value = parseCoordinate(raw);
	if (value === undefined) return fail(`${field} ${axis} ${quote(raw)} is not a number: write it like 52.370216`);
	return ok(value);
}

function write(given: unknown, value: number, axis: Axis, field: string, version: OcpiVersion): TransformResult<string> {
	const raw = typeof given === 'string' ? given.trim() : given;
	const rewrite = toOcpiCoordinate(raw, axis, version);
	// No rewrite: the text already has the OCPI form.
	if (!rewrite) return typeof raw === 'string' ? ok(raw) : fail(`${field} ${axis} ${value} cannot be written in OCPI form`);
	if (rewrite.givenDecimals >= PRECISE_DECIMALS) return ok(rewrite.text);
	return ok(
		rewrite.text,
		`${field} ${axis} ${quote(raw)} has only ${rewrite.givenDecimals} decimals (coarser than 1 m): written as ${rewrite.text}; check the position`,
	);
}

/** From two fields. Refuses out-of-range values, naming a likely swap, and the 0, 0 placeholder. */
export function coordinatesFromFields(
	latitude: unknown,
	longitude: unknown,
	version: OcpiVersion = '2.2.1',
	field = 'coordinates',
): TransformResult<OcpiGeoLocation> {
	const lat = read(latitude, 'latitude', field);
	if (!lat.ok) return lat;
	const lon = read(longitude, 'longitude', field);
	if (!lon.ok) return lon;
	if (!isWithinRange('latitude', lat.value)) {
		return isWithinRange('latitude', lon.value)
			? fail(`latitude ${lat.value} is out of range: are latitude and longitude swapped?`)
			: fail(`latitude ${lat.value} is out of range (-${LATITUDE_RANGE} to ${LATITUDE_RANGE}): check the source data`);
	}
	if (!isWithinRange('longitude', lon.value)) {
		return fail(`longitude ${lon.value} is out of range (-${LONGITUDE_RANGE} to ${LONGITUDE_RANGE}): check the source data`);
	}
	if (lat.value === 0 && lon.value === 0) {
		return fail(`${field} 0, 0 is a placeholder (a point at sea off Africa), not a charger's position: fill in the real coordinates`);
	}
	const latText = write(latitude, lat.value, 'latitude', field, version);
	if (!latText.ok) return latText;
	const lonText = write(longitude, lon.value, 'longitude', field, version);
	if (!lonText.ok) return lonText;
	return ok({ latitude: latText.value, longitude: lonText.value }, joinNotes(latText.note, lonText.note));
}

/** From one field holding latitude first, then longitude. */
export function coordinatesFromPair(raw: unknown, version: OcpiVersion = '2.2.1', field = 'coordinates'): TransformResult<OcpiGeoLocation> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (typeof raw !== 'string') return fail(`${field} is ${quote(raw)}, not text like '52.3702, 4.8952': map a text field or two fields`);
	const pair = splitPair(raw);
	if (!pair) {
		return fail(`${field} ${quote(raw)} does not split into latitude and longitude: write them like '52.3702, 4.8952' or '52,3702;4,8952'`);
	}
	return coordinatesFromFields(pair[0], pair[1], version, field);
}
