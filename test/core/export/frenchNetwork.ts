/** A small French network as the Mapper gives it (OCPI 2.2.1 Locations), and the reference data the IRVE file needs. */
import type { ReferenceTable } from '../../../core/export/shared/stationData';

// Loosely typed on purpose, like the other fixtures: tests break these Locations in specific ways.
export function parisLocation(overrides: Record<string, unknown> = {}): Record<string, any> {
	return {
		country_code: 'FR',
		party_id: 'A68',
		id: 'PAR-0001',
		publish: true,
		name: 'Parking Picpus',
		address: '1 avenue de la Paix',
		city: 'Paris',
		postal_code: '75001',
		country: 'FRA',
		coordinates: { latitude: '48.856600', longitude: '2.352200' },
		parking_type: 'PARKING_GARAGE',
		evses: [
			{
				uid: 'PAR-0001-AC1-1',
				evse_id: 'FR*A68*E00010011',
				status: 'AVAILABLE',
				capabilities: ['RFID_READER', 'CREDIT_CARD_PAYABLE'],
				connectors: [{ id: '1', standard: 'IEC_62196_T2', format: 'SOCKET', power_type: 'AC_3_PHASE', max_voltage: 230, max_amperage: 32, max_electric_power: 22000, last_updated: '2026-03-01T10:00:00Z' }],
				last_updated: '2026-03-01T10:00:00Z',
			},
			{
				uid: 'PAR-0001-DC1-1',
				evse_id: 'FR*A68*E00010021',
				status: 'AVAILABLE',
				capabilities: ['RFID_READER'],
				connectors: [
					{ id: '1', standard: 'IEC_62196_T2_COMBO', format: 'CABLE', power_type: 'DC', max_voltage: 920, max_amperage: 500, max_electric_power: 150000, last_updated: '2026-03-01T10:00:00Z' },
					{ id: '2', standard: 'CHADEMO', format: 'CABLE', power_type: 'DC', max_voltage: 500, max_amperage: 125, last_updated: '2026-03-01T10:00:00Z' },
				],
				last_updated: '2026-03-01T10:00:00Z',
			},
		],
		operator: { name: 'Ampère Recharge SAS' },
		opening_times: { twentyfourseven: false, regular_hours: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, period_begin: '08:00', period_end: '12:00' }, { weekday, period_begin: '14:00', period_end: '18:00' }]) },
		time_zone: 'Europe/Paris',
		last_updated: '2026-03-01T10:00:00Z',
		_mapping: { profile: 'fr', version: '1' },
		...overrides,
	};
}

/** What OCPI does not carry: network-wide values in `*`, per-station values by Location id. */
export function parisReference(): ReferenceTable {
	return {
		'*': {
			nom_amenageur: 'Ampère Recharge SAS',
			siren_amenageur: '732829320',
			contact_amenageur: 'amenageur@ampere-recharge.fr',
			contact_operateur: 'support@ampere-recharge.fr',
			telephone_operateur: '+33102030405',
			nom_enseigne: 'Ampère',
			condition_acces: 'Accès libre',
			reservation: false,
			paiement_acte: true,
			accessibilite_pmr: 'Accessible mais non réservé PMR',
			restriction_gabarit: 'Hauteur maximale 2,10 m',
			station_deux_roues: false,
		},
		'PAR-0001': { code_insee_commune: '75101', raccordement: 'Direct', num_pdl: '12345678901234' },
	};
}
