import { MAPPING_PROFILE_FORMAT, parseMappingProfile } from '../../../core/mapping';
import sampleProfile from '../../fixtures/assets/sampleProfile.json';

describe('parseMappingProfile', () => {
	it('reads the sample profile and fills defaults', () => {
		const parsed = parseMappingProfile(JSON.stringify(sampleProfile));
		expect(parsed.ok).toBe(true);
		if (!parsed.ok) return;
		expect(parsed.profile.name).toBe('ampere-laden-assets');
		expect(parsed.profile.autoMap).toBe(true);
		expect(parsed.profile.units).toEqual({ power: 'kW' });
	});

	it('refuses a newer format, saying to update the package', () => {
		const parsed = parseMappingProfile({ ...sampleProfile, format: MAPPING_PROFILE_FORMAT + 1 });
		expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/format 2, newer than this package reads \(1\): update/) });
	});

	it('refuses an unknown or missing format', () => {
		expect(parseMappingProfile({ ...sampleProfile, format: 'v1' })).toEqual({ ok: false, reason: expect.stringMatching(/unknown format "v1"/) });
		const { format: _format, ...without } = sampleProfile;
		expect(parseMappingProfile(without)).toEqual({ ok: false, reason: expect.stringMatching(/no "format": add "format": 1/) });
	});

	it('refuses text that is not JSON and lists every other problem', () => {
		expect(parseMappingProfile('{oops')).toEqual({ ok: false, reason: expect.stringMatching(/not valid JSON/) });
		const parsed = parseMappingProfile({ ...sampleProfile, shape: 'grid', name: '' });
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.reason).toMatch(/name:/);
		expect(parsed.reason).toMatch(/shape:/);
	});

	it('refuses an unknown transform name', () => {
		const parsed = parseMappingProfile({ ...sampleProfile, fields: { location: { city: { source: 'town', transform: 'shout' } } } });
		expect(parsed).toEqual({ ok: false, reason: expect.stringMatching(/fields\.location\.city\.transform/) });
	});
});
