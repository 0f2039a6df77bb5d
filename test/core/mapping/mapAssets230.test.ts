/** The Mapper writes OCPI 2.3.0 (edition 2): its limits, its party fields and its connector types. */
import { mapAssets } from '../../../core/mapping';
import { mapConnectorStandard } from '../../../core/mapping/transforms';
import { CONNECTOR_STANDARD_PRESET } from '../../../core/mapping/transforms/connectorStandard';
import { createValueMap } from '../../../core/mapping/transforms/valueMap';
import { validateOcpiObject } from '../../../core/validation/validate';
import { sampleSites } from '../../fixtures/assets/sampleAssets';
import { NOW, profileWith } from './helpers';

type Json = Record<string, any>;

const LONG_ADDRESS = 'Industriegebiet Nord, Gewerbepark an der Bundesstraße 96, Zufahrt über Tor 3, Halle 7';

function connectorMap() {
	const map = createValueMap(CONNECTOR_STANDARD_PRESET);
	if (!map.ok) throw new Error(map.reason);
	return map.value;
}

describe('Mapper output 2.3.0', () => {
	it('maps the sample sites into valid 2.3.0 Locations with the party fields', () => {
		const result = mapAssets(sampleSites(), profileWith({ ocpiVersion: '2.3.0' }), { now: NOW });
		expect(result.unmappable).toEqual([]);
		expect(result.locations).toHaveLength(3);
		for (const { location } of result.locations) {
			const { _mapping, ...ocpi } = location as Json;
			expect(ocpi.country_code).toBeDefined();
			expect(ocpi.publish).toBe(true);
			expect(validateOcpiObject(ocpi, { version: '2.3.0', kind: 'location', profile: 'spec' }).errors).toEqual([]);
		}
	});

	it('keeps an address of more than 45 characters in 2.3.0 and cuts it, with a note, in 2.2.1 (limits of the version)', () => {
		expect(LONG_ADDRESS.length).toBeGreaterThan(45);
		const sites = () => sampleSites().map((site, i) => (i === 0 ? { ...site, street: LONG_ADDRESS } : site));
		const as230 = mapAssets(sites(), profileWith({ ocpiVersion: '2.3.0' }), { now: NOW });
		expect((as230.locations[0].location as Json).address).toBe(LONG_ADDRESS);
		const as221 = mapAssets(sites(), profileWith(), { now: NOW });
		const cut = as221.locations[0].location as Json;
		expect(cut.address).toHaveLength(45);
		expect(LONG_ADDRESS.startsWith(cut.address.trim())).toBe(true);
		expect(cut._mapping.notes.join('\n')).toMatch(/address/);
		expect((as230.locations[0].location as Json)._mapping.notes.join('\n')).not.toMatch(/^address/m);
	});

	it('maps the 2.3.0 fields help_phone and accepted_service_providers, and only in 2.3.0', () => {
		const sites = () =>
			sampleSites().map((site) => ({ ...site, hotline: '+49 30 1234567', chargers: site.chargers.map((charger) => ({ ...charger, accepted_emsps: 'Shell Recharge; Plugsurfing' })) }));
		const [as230] = mapAssets(sites(), profileWith({ ocpiVersion: '2.3.0' }), { now: NOW }).locations.map(({ location }) => location as Json);
		expect(as230.help_phone).toBe('+49 30 1234567');
		expect(as230.evses[0].accepted_service_providers).toEqual(['Shell Recharge', 'Plugsurfing']);
		const { _mapping, ...ocpi } = as230;
		expect(validateOcpiObject(ocpi, { version: '2.3.0', kind: 'location', profile: 'spec' }).errors).toEqual([]);
		const [as221] = mapAssets(sites(), profileWith(), { now: NOW }).locations.map(({ location }) => location as Json);
		expect(as221.help_phone).toBeUndefined();
		expect(as221.evses[0].accepted_service_providers).toBeUndefined();
	});

	it.each(['NACS', 'SAE J3400'])('%j is SAE_J3400 in 2.3.0 and TESLA_S with a note in 2.2.1', (raw) => {
		expect(mapConnectorStandard(connectorMap(), raw, undefined, '2.3.0')).toEqual({ ok: true, value: { standard: 'SAE_J3400', format: 'CABLE', formatFrom: 'preset' } });
		const older = mapConnectorStandard(connectorMap(), raw, undefined, '2.2.1');
		expect(older).toMatchObject({ ok: true, value: { standard: 'TESLA_S' } });
		expect(older.ok && older.note).toMatch(/OCPI 2.3.0 has SAE_J3400/);
	});

	it('MCS is a 2.3.0 value: mapped in 2.3.0, refused in 2.2.1 with the version that has it', () => {
		expect(mapConnectorStandard(connectorMap(), 'MCS', undefined, '2.3.0')).toMatchObject({ ok: true, value: { standard: 'MCS' } });
		expect(mapConnectorStandard(connectorMap(), 'MCS', undefined, '2.2.1')).toEqual({
			ok: false,
			reason: "connector standard 'MCS' is MCS, which OCPI 2.2.1 does not have: map it to another connector type or use OCPI 2.3.0",
		});
	});
});
