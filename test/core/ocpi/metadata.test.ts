import { isMetadataKey, metadataOf, withoutMetadata } from '../../../core/ocpi/metadata';

describe('metadata fields', () => {
	const location = { id: 'LOC1', evses: [], _validation: { valid: true }, _mapping: { profile: 'p', version: 2 } };

	it('recognises only keys that start with an underscore', () => {
		expect(isMetadataKey('_validation')).toBe(true);
		expect(isMetadataKey('evse_id')).toBe(false);
	});

	it('strips metadata from the top level without touching the input', () => {
		expect(withoutMetadata(location)).toEqual({ id: 'LOC1', evses: [] });
		expect(location._validation).toEqual({ valid: true });
	});

	it('returns the metadata on its own', () => {
		expect(metadataOf(location)).toEqual({ _validation: { valid: true }, _mapping: { profile: 'p', version: 2 } });
	});

	it.each([null, 'text', 42, [1, 2]])('passes %p through unchanged', (value) => {
		expect(withoutMetadata(value)).toBe(value);
		expect(metadataOf(value)).toEqual({});
	});
});
