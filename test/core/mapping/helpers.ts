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
