/**
 * The sample network written as asset rows (as the bench does) and mapped back: every Location is
 * valid OCPI and carries the network's own connectors, statuses and addresses.
 */
import { mapAssets } from '../../../core/mapping';
import { validateOcpiObject } from '../../../core/validation/validate';
import { assetRowsFromNetwork } from '../../../bench/fixtures/assetRowsFromNetwork';
import { generateLocations } from '../../../bench/fixtures/network/generateNetwork';
import { NOW, rowsProfile } from './helpers';

type Json = Record<string, any>;

describe('sample network → asset rows → Mapper', () => {
	const network = [...generateLocations({ seed: 7, locations: 60 })];
	const profile = rowsProfile({ fields: { location: {}, evse: {}, connector: { tariff_ids: { source: 'tariff' } } } });
	const result = mapAssets(assetRowsFromNetwork(network), profile, { now: NOW });

	it('maps every row and every Location passes the Validator', () => {
		expect(result.unmappable).toEqual([]);
		expect(result.locations).toHaveLength(network.length);
		for (const { location } of result.locations) {
			const { _mapping, ...ocpi } = location;
			expect(validateOcpiObject(ocpi, { version: '2.2.1', kind: 'location', profile: 'spec' }).errors).toEqual([]);
		}
	});

	it('gives back the network the rows were written from', () => {
		result.locations.forEach(({ location }, index) => {
			const original = network[index] as Json;
			const mapped = location as Json;
			expect(mapped).toMatchObject({ id: original.id, address: original.address, city: original.city, postal_code: original.postal_code, country: original.country });
			expect(mapped.coordinates).toEqual(original.coordinates);
			expect(mapped.time_zone).toBe(original.time_zone);
			expect(mapped.evses.map((evse: Json) => [evse.uid, evse.status])).toEqual(original.evses.map((evse: Json) => [evse.uid, evse.status]));
			const connectors = (evses: Json[]) =>
				evses.flatMap((evse) =>
					evse.connectors.map((c: Json) => [c.id, c.standard, c.format, c.power_type, c.max_voltage, c.max_amperage, c.max_electric_power, c.tariff_ids, c.last_updated]),
				);
			expect(connectors(mapped.evses)).toEqual(connectors(original.evses));
		});
	});
});
