/** The Location fingerprint follows the equivalence rules: what a spec-legal CPMS hands back hashes like what we sent. */
import { fingerprintLocation } from '../../../core/sync';
import { twoEvseLocation, validLocation } from '../../fixtures/ocpiLocations';

const base = () => twoEvseLocation('LOC-1');

describe('fingerprintLocation', () => {
	it('ignores last_updated at every level, EVSE and Connector order, [] vs absent, null, spec defaults and DateTime forms', () => {
		const sent = base();
		sent.exceptional_openings = [{ period_begin: '2026-12-24T12:00:00Z', period_end: '2026-12-25T00:00:00Z' }];
		const held = structuredClone(sent);
		held.last_updated = '2026-11-30T00:00:00+00:00';
		held.evses.reverse();
		held.evses[0].last_updated = '2026-11-30T00:00:00.000';
		held.evses[0].connectors[0].last_updated = '2026-11-30T00:00:00Z';
		held.facilities = [];
		held.images = null;
		held.charging_when_closed = true;
		held.exceptional_openings = [{ period_begin: '2026-12-24T12:00:00.000+00:00', period_end: '2026-12-25T00:00:00' }];
		expect(fingerprintLocation(held, '2.2.1')).toBe(fingerprintLocation(sent, '2.2.1'));
		expect(fingerprintLocation(sent, '2.2.1')).toMatch(/^[0-9a-f]{64}$/);
	});

	it('compares CiString ids in any case for 2.2.1, case-sensitively for 2.1.1', () => {
		const sent = validLocation('LOC-1');
		const held = { ...structuredClone(sent), id: 'loc-1', party_id: 'acm' };
		expect(fingerprintLocation(held, '2.2.1')).toBe(fingerprintLocation(sent, '2.2.1'));
		expect(fingerprintLocation(held, '2.1.1')).not.toBe(fingerprintLocation(sent, '2.1.1'));
	});

	it('leaves REMOVED EVSEs out, and sees real changes and fields only one side has', () => {
		const sent = validLocation('LOC-1');
		const held = base();
		held.evses[1].status = 'REMOVED';
		expect(fingerprintLocation(held, '2.2.1')).toBe(fingerprintLocation(sent, '2.2.1'));
		held.evses[1].status = 'AVAILABLE';
		expect(fingerprintLocation(held, '2.2.1')).not.toBe(fingerprintLocation(sent, '2.2.1'));
		expect(fingerprintLocation({ ...sent, cpms_note: 'x' }, '2.2.1')).not.toBe(fingerprintLocation(sent, '2.2.1'));
		const changed = structuredClone(sent);
		changed.evses[0].connectors[0].max_amperage = 16;
		expect(fingerprintLocation(changed, '2.2.1')).not.toBe(fingerprintLocation(sent, '2.2.1'));
	});
});
