/** Each transform as a field rule names it, wired through the engine on one flat row. */
import { mapAssets, type MappingProfileInput } from '../../../core/mapping';
import { NOW, rowsProfile } from './helpers';

type Json = Record<string, any>;

const ROW = {
	site_id: 'S-1',
	site_name: 'Depot',
	street: 'Hafenstraße 1',
	zip: 20457,
	town: 'Hamburg',
	country: 'DE',
	lat: '53,54132',
	lon: '9,98412',
	charger_id: 'CP-1',
	state: 'in service',
	no: 1,
	plug: 'CCS',
	kw: '150',
	current: 'DC',
	amps: 375,
	volts: 400,
};

function mapOne(row: Json, fields: MappingProfileInput['fields'], extra: Partial<MappingProfileInput> = {}) {
	const result = mapAssets([row], rowsProfile({ fields, ...extra }), { now: NOW });
	return { location: result.locations[0]?.location as Json | undefined, notes: result.locations[0]?.notes ?? [], unmappable: result.unmappable };
}

describe('transform wiring', () => {
	it('timestamp: any offset to UTC Z', () => {
		const { location } = mapOne({ ...ROW, changed: '2025-03-01T10:00:00+02:00' }, { location: {}, evse: {}, connector: { last_updated: { source: 'changed', transform: 'timestamp' } } });
		expect(location!.evses[0].connectors[0].last_updated).toBe('2025-03-01T08:00:00Z');
		expect(location!.last_updated).toBe('2025-03-01T08:00:00Z');
	});

	it('countryAlpha3 from an alpha-2 code, integer postal code as text', () => {
		const { location } = mapOne(ROW, undefined);
		expect(location!.country).toBe('DEU');
		expect(location!.postal_code).toBe('20457');
		expect(location!.coordinates).toEqual({ latitude: '53.541320', longitude: '9.984120' });
	});

	it('boolean, enum and list', () => {
		const { location } = mapOne(
			{ ...ROW, hidden: 'nein', garage: 'Parking Garage', extras: 'wifi; cafe' },
			{ location: { publish: { source: 'hidden' }, parking_type: { source: 'garage' }, facilities: { source: 'extras' } }, evse: {}, connector: {} },
		);
		expect(location!.publish).toBe(false);
		expect(location!.parking_type).toBe('PARKING_GARAGE');
		expect(location!.facilities).toEqual(['WIFI', 'CAFE']);
	});

	it('power in W, a connector format field, a power type given as OCPI text', () => {
		const { location } = mapOne(
			{ ...ROW, plug: 'Typ 2', watts: '11000', build: 'tethered', current: 'AC_3_PHASE', amps: 16 },
			{ location: {}, evse: {}, connector: { max_electric_power: { source: 'watts' }, format: { source: 'build' } } },
			{ units: { power: 'W' } },
		);
		expect(location!.evses[0].connectors[0]).toMatchObject({ format: 'CABLE', power_type: 'AC_3_PHASE', max_electric_power: 11000, max_voltage: 230 });
	});

	it('works out a missing current from power and voltage, and notes it', () => {
		const { amps: _amps, ...row } = ROW;
		const { location, notes } = mapOne(row, undefined);
		expect(location!.evses[0].connectors[0].max_amperage).toBe(375);
		expect(notes).toEqual(expect.arrayContaining([expect.stringMatching(/^max_amperage not in the data: 375 A worked out from 150000 W at 400 V \(DC\)/)]));
	});

	it('refuses a DC connector without a voltage, saying what to map', () => {
		const { volts: _volts, ...row } = ROW;
		const { unmappable } = mapOne(row, undefined);
		expect(unmappable[0].reasons).toEqual([expect.stringMatching(/max_voltage is missing: no source is mapped and auto-mapping found none of max_voltage, voltage, volts, volt; map a source field for it \(e\.g\. 'volts'\) or set a default/)]);
	});

	it('none keeps a value as is; an unknown status names the value map', () => {
		const { location } = mapOne({ ...ROW, ref: 'Bay 7' }, { location: {}, evse: { physical_reference: { source: 'ref', transform: 'none' } }, connector: {} });
		expect(location!.evses[0].physical_reference).toBe('Bay 7');
		const { unmappable } = mapOne({ ...ROW, state: 'kaputt' }, undefined);
		expect(unmappable[0].reasons).toEqual([expect.stringMatching(/^EVSE 'CP-1' at location 'S-1': status \('state'\) 'kaputt' has no OCPI Status value: add the row 'kaputt' → <OCPI Status value> to the Status value map/)]);
	});

	it('number with a decimal comma, when the profile says so', () => {
		const { location } = mapOne({ ...ROW, kw: '7,4', current: 'AC', phases: 1, plug: 'Typ 2', amps: 32, volts: 230 }, undefined, { units: { power: 'kW', decimalSeparator: ',' } });
		expect(location!.evses[0].connectors[0]).toMatchObject({ max_electric_power: 7400, power_type: 'AC_1_PHASE', max_voltage: 230 });
	});

	it('refuses a field the Mapper does not fill', () => {
		expect(() => mapOne(ROW, { location: { colour: { source: 'x' } }, evse: {}, connector: {} })).toThrow(/the location field 'colour' is not one the Mapper fills/);
	});
});

describe('required Location fields', () => {
	it('names a missing address and the source name to map', () => {
		const { street: _street, ...row } = ROW;
		const { unmappable } = mapOne(row, undefined);
		expect(unmappable[0].reasons).toEqual(["location 'S-1': address is missing: no source is mapped and auto-mapping found none of address, street, street_address, addr; map a source field for it (e.g. 'street') or set a default"]);
	});
});
