/** The OCPI 2.1.1 model: its own fields, subsets and formats. */
import { v211 } from '../../../core/ocpi';
import { issueList, SPEC_211 } from '../validation/issueList';
import { connector211, evse211, location211 } from '../validation/validObjects';

const CONNECTOR = { ...SPEC_211, kind: 'connector' as const };
const EVSE = { ...SPEC_211, kind: 'evse' as const };

describe('OCPI 2.1.1 Location', () => {
	it('accepts the base Location, and one without time_zone', () => {
		expect(issueList(location211(), SPEC_211)).toEqual([]);
		expect(issueList(location211({ time_zone: 'Europe/Brussels' }), SPEC_211)).toEqual([]);
		expect(v211.LocationSchema.safeParse(location211()).success).toBe(true);
	});
	it('requires type and postal_code', () => {
		const location = location211();
		delete location.type;
		delete location.postal_code;
		expect(issueList(location, SPEC_211)).toEqual(['type required error', 'postal_code required error']);
		expect(issueList(location211({ type: 'ON_DRIVEWAY' }), SPEC_211)).toEqual(['type not_allowed_value error']);
	});
	it('knows no country_code, party_id, publish, state or parking_type', () => {
		const extra = { country_code: 'DE', party_id: 'ABC', publish: true, state: 'Berlin', parking_type: 'ON_STREET' };
		expect(issueList(location211(extra), SPEC_211)).toEqual(
			Object.keys(extra).map((key) => `${key} unknown_field warning`),
		);
	});
	it('allows 39 characters in id and uid', () => {
		expect(issueList(location211({ id: 'x'.repeat(39) }), SPEC_211)).toEqual([]);
		expect(issueList(location211({ id: 'x'.repeat(40) }), SPEC_211)).toEqual(['id too_long error']);
		expect(issueList(evse211({ uid: 'x'.repeat(40) }), EVSE)).toEqual(['uid too_long error']);
	});
	it('wants exactly 6 decimals in coordinates', () => {
		const at = (latitude: string) => location211({ coordinates: { latitude, longitude: '13.404954' } });
		expect(issueList(at('52.52000'), SPEC_211)).toEqual(['coordinates.latitude invalid_format error']);
		expect(issueList(at('52.5200081'), SPEC_211)).toEqual(['coordinates.latitude invalid_format error']);
		expect(issueList(at('-52.520008'), SPEC_211)).toEqual([]);
	});
	it('knows only the 2.1.1 facilities', () => {
		expect(issueList(location211({ facilities: ['WIFI', 'PARKING_LOT'] }), SPEC_211)).toEqual(['facilities[1] not_allowed_value error']);
	});
	it('names environmental impact by source', () => {
		const mix = { is_green_energy: false, environ_impact: [{ source: 'CARBON_DIOXIDE', amount: 372 }] };
		expect(issueList(location211({ energy_mix: mix }), SPEC_211)).toEqual([]);
	});
});

describe('OCPI 2.1.1 EVSE', () => {
	it('knows only the 2.1.1 capabilities', () => {
		expect(issueList(evse211({ capabilities: ['RESERVABLE', 'CHIP_CARD_SUPPORT'] }), EVSE)).toEqual(['capabilities[1] not_allowed_value error']);
	});
});

describe('OCPI 2.1.1 Connector', () => {
	it('accepts voltage, amperage and a single tariff_id', () => {
		expect(issueList(connector211(), CONNECTOR)).toEqual([]);
	});
	it('refuses the 2.2.1 names', () => {
		const connector = connector211({ max_voltage: 230, max_electric_power: 22000, tariff_ids: ['T1'] });
		delete connector.voltage;
		expect(issueList(connector, CONNECTOR)).toEqual([
			'voltage required error',
			'max_voltage unknown_field warning',
			'max_electric_power unknown_field warning',
			'tariff_ids unknown_field warning',
		]);
	});
	it('wants whole volts and amperes', () => {
		expect(issueList(connector211({ voltage: 229.5, amperage: 16.5 }), CONNECTOR)).toEqual([
			'voltage not_integer error',
			'amperage not_integer error',
		]);
	});
	it('knows only the 2.1.1 power types and standards', () => {
		expect(issueList(connector211({ power_type: 'AC_2_PHASE', standard: 'GBT_DC' }), CONNECTOR)).toEqual([
			'standard not_allowed_value error',
			'power_type not_allowed_value error',
		]);
	});
});
