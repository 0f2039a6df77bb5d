/** Minimal valid objects per version; tests copy one and break exactly one thing. */
export function connector221(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: '1',
		standard: 'IEC_62196_T2',
		format: 'SOCKET',
		power_type: 'AC_3_PHASE',
		max_voltage: 230,
		max_amperage: 32,
		max_electric_power: 22000,
		tariff_ids: ['T1'],
		last_updated: '2024-05-01T10:00:00Z',
		...overrides,
	};
}

export function evse221(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		uid: 'EVSE-1',
		evse_id: 'DE*ABC*E0001*1',
		status: 'AVAILABLE',
		capabilities: ['RFID_READER'],
		connectors: [connector221(), connector221({ id: '2', standard: 'DOMESTIC_F', max_amperage: 16, max_electric_power: 3700 })],
		last_updated: '2024-05-01T10:00:00Z',
		...overrides,
	};
}

export function location221(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		country_code: 'DE',
		party_id: 'ABC',
		id: 'LOC-1',
		publish: true,
		name: 'Marktplatz',
		address: 'Marktplatz 1',
		city: 'Berlin',
		postal_code: '10115',
		country: 'DEU',
		coordinates: { latitude: '52.520008', longitude: '13.404954' },
		evses: [evse221(), evse221({ uid: 'EVSE-2', evse_id: 'DE*ABC*E0001*2' })],
		operator: { name: 'ABC Charging' },
		time_zone: 'Europe/Berlin',
		opening_times: { twentyfourseven: true },
		last_updated: '2024-05-01T10:00:00Z',
		...overrides,
	};
}

export function connector211(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: '1',
		standard: 'IEC_62196_T2',
		format: 'SOCKET',
		power_type: 'AC_3_PHASE',
		voltage: 230,
		amperage: 32,
		tariff_id: 'T1',
		last_updated: '2024-05-01T10:00:00Z',
		...overrides,
	};
}

export function evse211(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		uid: 'EVSE-1',
		evse_id: 'DE*ABC*E0001*1',
		status: 'AVAILABLE',
		connectors: [connector211(), connector211({ id: '2' })],
		last_updated: '2024-05-01T10:00:00Z',
		...overrides,
	};
}

export function location211(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		id: 'LOC-1',
		type: 'ON_STREET',
		address: 'Marktplatz 1',
		city: 'Berlin',
		postal_code: '10115',
		country: 'DEU',
		coordinates: { latitude: '52.520008', longitude: '13.404954' },
		evses: [evse211(), evse211({ uid: 'EVSE-2', evse_id: 'DE*ABC*E0001*2' })],
		operator: { name: 'ABC Charging' },
		opening_times: { twentyfourseven: true },
		last_updated: '2024-05-01T10:00:00Z',
		...overrides,
	};
}
