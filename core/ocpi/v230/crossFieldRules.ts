/**
 * The cross-field rules 2.3.0 adds (Parking). Like those of 2.2.1 they read defensively: they also run on
 * the raw input (schemaWalk.ts), so any JSON value may arrive and null means "not given".
 */
import { failedField, isGiven, isRecord, objectRule, reportIssue } from '../fields';

/** The vehicle types for which the spec lets a Parking leave out its dimensions. */
const SMALL_VEHICLES: ReadonlySet<unknown> = new Set(['PERSONAL_VEHICLE', 'MOTORCYCLE']);

/** The Parking fields the spec says "should be provided unless vehicle_types holds only PERSONAL_VEHICLE or MOTORCYCLE". */
export const PARKING_DIMENSION_FIELDS = [
	'max_vehicle_weight',
	'max_vehicle_height',
	'max_vehicle_length',
	'max_vehicle_width',
	'parking_space_length',
	'parking_space_width',
	'dangerous_goods_allowed',
] as const;

/** Parking: larger vehicles need the dimensions (a warning: "should" in the spec). */
export const parkingDimensionsRule = objectRule((value, payload) => {
	if (!isRecord(value) || !Array.isArray(value.vehicle_types)) return;
	const larger = value.vehicle_types.filter((type) => typeof type === 'string' && !SMALL_VEHICLES.has(type));
	if (larger.length === 0) return;
	for (const field of PARKING_DIMENSION_FIELDS) {
		if (isGiven(value[field]) || failedField(payload, field)) continue;
		const message = `${field} should be given for a Parking that accommodates ${larger.join(', ')} (OCPI 2.3.0 leaves it out only for PERSONAL_VEHICLE and MOTORCYCLE)`;
		reportIssue(payload, { ocpiCode: 'suspicious_value', message, severity: 'warning' }, [field], undefined);
	}
});

/** Parking: a space for vehicles with a disabled permit should come with a photo (a warning). */
export const parkingPhotoRule = objectRule((value, payload) => {
	if (!isRecord(value) || !Array.isArray(value.vehicle_types) || !value.vehicle_types.includes('DISABLED')) return;
	if ((Array.isArray(value.images) && value.images.length > 0) || failedField(payload, 'images')) return;
	const message = 'images should hold at least one photo of a Parking whose vehicle_types include DISABLED (OCPI 2.3.0 Parking object)';
	reportIssue(payload, { ocpiCode: 'suspicious_value', message, severity: 'warning' }, ['images'], undefined);
});

/**
 * Location: an EVSE's parking[].parking_id refers to one of the Location's parking_places by id. Ids are
 * CiStrings, so they compare without case.
 */
export const evseParkingReferenceRule = objectRule((value, payload) => {
	if (!isRecord(value) || !Array.isArray(value.evses)) return;
	// zod leaves parking_places with an error of its own out; the rerun on the raw input sees it
	if (!Array.isArray(value.parking_places) && failedField(payload, 'parking_places')) return;
	const places = Array.isArray(value.parking_places) ? value.parking_places : [];
	const known = new Set<string>();
	for (const place of places) if (isRecord(place) && typeof place.id === 'string') known.add(place.id.toUpperCase());
	value.evses.forEach((evse, evseIndex) => {
		if (!isRecord(evse) || !Array.isArray(evse.parking)) return;
		evse.parking.forEach((link, linkIndex) => {
			if (!isRecord(link) || typeof link.parking_id !== 'string' || known.has(link.parking_id.toUpperCase())) return;
			const message = `{field} "${link.parking_id}" refers to no Parking of this Location: add a Parking with that id to parking_places, or correct the id`;
			reportIssue(payload, { ocpiCode: 'unknown_reference', message }, ['evses', evseIndex, 'parking', linkIndex, 'parking_id'], link.parking_id);
		});
	});
});
