/**
 * The text limits of the Locations module, per version. A limit is a property of the version: each
 * stands here once, and the models, the down-conversion and the reference CPMS read it from here.
 * `undefined` means the version has no such field.
 */
import type { OcpiVersion } from './version';

export interface TextLimits {
	/** Location.id (string(39) in 2.1.1, CiString(36) since 2.2). */
	locationId: number;
	/** EVSE.uid. */
	evseUid: number;
	connectorId: number;
	evseId: number;
	name: number;
	/** Location.address: 45 up to 2.3.0 edition 1, 255 in 2.3.0 edition 2. */
	address: number;
	city: number;
	postalCode: number;
	/** Location.state: none in 2.1.1, 20 in 2.2.1, 45 in 2.3.0 edition 2. */
	state?: number;
	floorLevel: number;
	physicalReference: number;
	tariffId: number;
	/** Location.help_phone, new in 2.3.0 (CiString(25)). */
	helpPhone?: number;
	/** Parking.id and EVSEParking.parking_id, new in 2.3.0 (CiString(36)). */
	parkingId?: number;
	/** Parking.physical_reference, new in 2.3.0 (string(12)). */
	parkingPhysicalReference?: number;
	/** One entry of EVSE.accepted_service_providers, new in 2.3.0 (string(50)). */
	acceptedServiceProvider?: number;
	/** One entry of Parking.standards, new in 2.3.0 (CiString(36)). */
	parkingStandard?: number;
}

const SINCE_221 = { locationId: 36, evseUid: 36, connectorId: 36, evseId: 48, name: 255, city: 45, postalCode: 10, floorLevel: 4, physicalReference: 16, tariffId: 36 };

export const TEXT_LIMITS: Readonly<Record<OcpiVersion, Readonly<TextLimits>>> = {
	'2.1.1': { ...SINCE_221, locationId: 39, evseUid: 39, address: 45 },
	'2.2.1': { ...SINCE_221, address: 45, state: 20 },
	'2.3.0': {
		...SINCE_221,
		address: 255,
		state: 45,
		helpPhone: 25,
		parkingId: 36,
		parkingPhysicalReference: 12,
		acceptedServiceProvider: 50,
		parkingStandard: 36,
	},
};
