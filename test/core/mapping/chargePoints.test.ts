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
});
