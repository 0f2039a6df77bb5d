/** Shared set-up for the mapping engine tests: the sample profile in each shape. */
import { parseMappingProfile, type MappingProfile, type MappingProfileInput } from '../../../core/mapping';
import sampleProfile from '../../fixtures/assets/sampleProfile.json';

export const NOW = new Date('2025-06-01T12:00:00Z');

export function profileWith(changes: Partial<MappingProfileInput> = {}): MappingProfile {
	const parsed = parseMappingProfile({ ...structuredClone(sampleProfile), ...changes });
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.profile;
}

export const rowsProfile = (changes: Partial<MappingProfileInput> = {}) => profileWith({ shape: 'rows', ...changes });

/** A site's own fields, for tests that build their charge points around it. */
export function depotSite(): Record<string, any> {
	return { site_id: 'S-1', name: 'Depot', street: 'Hafenstraße 1', town: 'Hamburg', country: 'DE', lat: '53.54132', lon: '9.98412' };
}
