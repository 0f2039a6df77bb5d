import { mapAssets } from '../../../core/mapping';
import { sampleSites } from '../../fixtures/assets/sampleAssets';
import { NOW, profileWith } from './helpers';

describe('mapAssets: the charge point of each EVSE (the AFIR exports group EVSEs into stations by it)', () => {
	it('names the charge point of every EVSE in _mapping when EVSEs are per outlet', () => {
		const profile = profileWith({ evseGranularity: 'outlet', keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no', evseGroup: 'bay' } });
		const [berlin] = mapAssets(sampleSites(), profile, { now: NOW }).locations;
		expect(berlin.location._mapping.chargePoints).toEqual({
			'BER-0001-AC1-1': 'BER-0001-AC1',
			'BER-0001-AC1-2': 'BER-0001-AC1',
			'BER-0001-DC1-1': 'BER-0001-DC1',
		});
	});

	it('adds nothing when the EVSE is the charge point', () => {
		const [berlin] = mapAssets(sampleSites(), profileWith({}), { now: NOW }).locations;
		expect(berlin.location._mapping.chargePoints).toBeUndefined();
	});

	it('reads an EVSE field from the outlet when EVSEs are per outlet, in the charge point shape too', () => {
		const charger = { charger_id: 'X-1', site_id: 'X', site_name: 'n', street: 's 1', zip: '10115', town: 'Berlin', country: 'Germany', lat: 52.5, lon: 13.4, updated_at: '2025-01-01T00:00:00Z', outlets: [{ no: 1, bay: 1, plug: 'CCS', kw: '50', current: 'DC', amps: 125, volts: 500, evse_id: 'DE*AMP*EX11' }] };
		const profile = profileWith({ shape: 'chargePoints', evseGranularity: 'outlet', paths: { chargePoints: 'chargePoints', connectors: 'outlets' }, keys: { locationId: 'site_id', evseId: 'charger_id', connectorId: 'no', evseGroup: 'bay' }, fields: { location: { city: { source: 'town' } }, evse: { evse_id: { source: 'evse_id' } }, connector: {} } });
		const [location] = mapAssets([charger], profile, { now: NOW }).locations;
		expect((location.location.evses as Array<Record<string, unknown>>)[0]).toMatchObject({ uid: 'X-1-1', evse_id: 'DE*AMP*EX11' });
	});
});
