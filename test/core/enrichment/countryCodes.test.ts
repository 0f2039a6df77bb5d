import { enrichOcpiObject } from '../../../core/enrichment/enrich';

const ON = { countryCodes: true };

describe('countryCodes switch', () => {
	it.each([
		['Germany', 'DEU'],
		['Deutschland', 'DEU'],
		['The Netherlands', 'NLD'],
		['Nederland', 'NLD'],
		['België', 'BEL'],
		['Österreich', 'AUT'],
		['Schweiz', 'CHE'],
		['España', 'ESP'],
		['Sverige', 'SWE'],
		['Norge', 'NOR'],
		['Danmark', 'DNK'],
		['United Kingdom', 'GBR'],
		['UK', 'GBR'],
		['Great Britain', 'GBR'],
		['  france ', 'FRA'],
		['DE', 'DEU'],
		['de', 'DEU'],
		['deu', 'DEU'],
	])('country %p → %s', (country, alpha3) => {
		expect((enrichOcpiObject({ country }, 'location', '2.1.1', ON).object as { country: string }).country).toBe(alpha3);
	});

	it('lists the change with the reason in words', () => {
		expect(enrichOcpiObject({ country: 'Germany' }, 'location', '2.2.1', ON).changes).toEqual([
			{ path: 'country', from: 'Germany', to: 'DEU', reason: "country name 'Germany' (Germany) converted to ISO 3166-1 alpha-3" },
		]);
		expect(enrichOcpiObject({ country: 'nl' }, 'location', '2.2.1', ON).changes[0].reason).toBe(
			"alpha-2 code 'nl' (Netherlands) converted to ISO 3166-1 alpha-3",
		);
		expect(enrichOcpiObject({ country: 'deu' }, 'location', '2.2.1', ON).changes[0].reason).toBe(
			"alpha-3 code 'deu' written in upper case as ISO 3166-1 requires",
		);
	});

	it.each(['DEU', 'Atlantis', 'XXX', '', 42, null, ['DE']])('leaves country %p unchanged', (country) => {
		expect(enrichOcpiObject({ country }, 'location', '2.2.1', ON)).toEqual({ object: { country }, changes: [] });
	});

	it('upper-cases a lower-case party country_code in 2.2.1 only, and only when it is a real alpha-2', () => {
		expect(enrichOcpiObject({ country_code: 'nl', country: 'NLD' }, 'location', '2.2.1', ON)).toEqual({
			object: { country_code: 'NL', country: 'NLD' },
			changes: [{ path: 'country_code', from: 'nl', to: 'NL', reason: "party country_code 'nl' written as upper-case ISO 3166-1 alpha-2" }],
		});
		expect(enrichOcpiObject({ country_code: 'nl' }, 'location', '2.1.1', ON).changes).toEqual([]);
		expect(enrichOcpiObject({ country_code: 'xx' }, 'location', '2.2.1', ON).changes).toEqual([]);
		expect(enrichOcpiObject({ country_code: 'Germany' }, 'location', '2.2.1', ON).changes).toEqual([]);
	});

	it('touches only Locations', () => {
		expect(enrichOcpiObject({ country: 'Germany' }, 'evse', '2.2.1', ON).changes).toEqual([]);
	});

	it('does nothing when off', () => {
		expect(enrichOcpiObject({ country: 'Germany' }, 'location', '2.2.1', { countryCodes: false })).toEqual({
			object: { country: 'Germany' },
			changes: [],
		});
	});
});
