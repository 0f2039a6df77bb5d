/** 2.3.0 → 2.2.1 down-conversion: what 2.2.1 cannot carry is removed, cut or replaced, and each loss reported. */
import { downgradeLocation } from '../../../core/ocpi/downgrade';
import { validateOcpiObject } from '../../../core/validation/validate';
import { baseLocation221, baseLocation230, chars } from '../../conformance/helpers';

type Json = Record<string, any>;

function valid221(location: unknown): void {
	expect(validateOcpiObject(location, { version: '2.2.1', kind: 'location', profile: 'spec' }).errors).toEqual([]);
}

describe('downgradeLocation 2.3.0 → 2.2.1', () => {
	it('removes, cuts and replaces exactly what 2.2.1 lacks; the result is a valid 2.2.1 Location', () => {
		const location = baseLocation230();
		location.address = chars(60, 'a');
		location.state = chars(30, 's');
		location.parking_type = 'FERRY';
		location.facilities = ['CAFE', 'DOG_PARK'];
		location.images[0].category = 'MAP';
		location.operator.logo.category = 'BRAND';
		location.energy_mix.environ_impact.push({ category: 'METHANE', amount: 1 });
		location.evses[0].capabilities = ['RESERVABLE', 'V2G_CAPABLE'];
		location.evses[0].parking_restrictions = ['EV_ONLY', 'TAXIS'];
		location.evses[0].connectors[0].standard = 'SAE_J3400';
		location._completeness = { complete: true };
		const result = downgradeLocation(location, '2.3.0', '2.2.1');
		expect(result.refused).toBeUndefined();
		expect(result.losses.map((loss) => `${loss.kind} ${loss.path}`)).toEqual([
			'removed parking_places',
			'removed help_phone',
			'cut address',
			'cut state',
			'removed parking_type',
			'removed facilities[1]',
			'removed images[0]',
			'removed operator.logo',
			'removed energy_mix.environ_impact[1]',
			'removed evses[0].parking',
			'removed evses[0].accepted_service_providers',
			'removed evses[0].capabilities[1]',
			'removed evses[0].parking_restrictions[1]',
			'changed evses[0].connectors[0].standard',
			'removed evses[0].connectors[1].capabilities',
			'removed evses[1].parking',
		]);
		const out = result.location as Json;
		expect(out.address).toHaveLength(45);
		expect(out.state).toHaveLength(20);
		expect(out.facilities).toEqual(['CAFE']);
		expect(out.evses[0].connectors[0].standard).toBe('TESLA_S');
		expect(out._completeness).toEqual({ complete: true });
		const { _completeness, ...ocpi } = out;
		valid221(ocpi);
		// the input is not touched
		expect(location.parking_places).toHaveLength(2);
	});

	it('a 2.2.1 Location passes unchanged, with no losses', () => {
		const location = baseLocation221();
		const result = downgradeLocation(location, '2.3.0', '2.2.1');
		expect(result.losses).toEqual([]);
		expect(result.location).toEqual(location);
	});

	it('a required value without a 2.2.1 stand-in refuses the whole Location (dropping the connector would read as a removal)', () => {
		const location = baseLocation230();
		location.evses[1].connectors[0].standard = 'MCS';
		const result = downgradeLocation(location, '2.3.0', '2.2.1');
		expect(result.location).toBeUndefined();
		expect(result.refused).toMatch(/^evses\[1\]\.connectors\[0\]\.standard is MCS, which OCPI 2\.2\.1 cannot express/);
		expect(result.losses).toContainEqual(expect.objectContaining({ path: 'evses[1].connectors[0].standard', kind: 'removed', from: 'MCS' }));
	});

	it('2.3.0 → 2.1.1 is refused with the reason; same version passes', () => {
		expect(downgradeLocation(baseLocation230(), '2.3.0', '2.1.1').refused).toMatch(/not supported/);
		expect(downgradeLocation(baseLocation230(), '2.3.0', '2.3.0')).toMatchObject({ losses: [] });
	});
});
