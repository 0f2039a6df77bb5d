/** Minimal valid objects per version, two of each below a Location; tests copy one and break exactly one thing. */
import { testConnector, testEvse, testLocation } from '../../fixtures/ocpiLocations';

export function connector221(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return testConnector('2.2.1', overrides);
}

export function evse221(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	const connectors = [connector221(), connector221({ id: '2', standard: 'DOMESTIC_F', max_amperage: 16, max_electric_power: 3700 })];
	return testEvse('2.2.1', { connectors, ...overrides });
}

export function location221(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return testLocation('2.2.1', { evses: [evse221(), evse221({ uid: 'EVSE-2', evse_id: 'DE*ABC*E0001*2' })], ...overrides });
}

export function connector211(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return testConnector('2.1.1', overrides);
}

export function evse211(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return testEvse('2.1.1', { connectors: [connector211(), connector211({ id: '2' })], ...overrides });
}

export function location211(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return testLocation('2.1.1', { evses: [evse211(), evse211({ uid: 'EVSE-2', evse_id: 'DE*ABC*E0001*2' })], ...overrides });
}
