import { toCountryAlpha2, toCountryAlpha3 } from '../../../../core/mapping/transforms/country';

describe('toCountryAlpha3', () => {
	it.each<[string, string]>([
		['DEU', 'DEU'],
		['nld', 'NLD'],
	])('%j → %s', (raw, value) => {
		expect(toCountryAlpha3(raw)).toEqual({ ok: true, value });
	});

	it.each<[string, string, string]>([
		['DE', 'DEU', "country: alpha-2 code 'DE' (Germany) written as ISO 3166-1 alpha-3 'DEU'"],
		['Germany', 'DEU', "country: country name 'Germany' (Germany) written as ISO 3166-1 alpha-3 'DEU'"],
		[' Deutschland ', 'DEU', "country: country name 'Deutschland' (Germany) written as ISO 3166-1 alpha-3 'DEU'"],
		['Nederland', 'NLD', "country: country name 'Nederland' (Netherlands) written as ISO 3166-1 alpha-3 'NLD'"],
	])('%j → %s with a note', (raw, value, note) => {
		expect(toCountryAlpha3(raw)).toEqual({ ok: true, value, note });
	});

	it.each<[unknown, string]>([
		['Atlantis', "country 'Atlantis' is not a country we know: write its English name or ISO 3166-1 code (e.g. DEU or DE)"],
		['XX', "country 'XX' is not a country we know: write its English name or ISO 3166-1 code (e.g. DEU or DE)"],
		[49, "country 49 is not a country we know: write its English name or ISO 3166-1 code (e.g. DEU or DE)"],
		['', 'country is empty: fill it in the source data'],
	])('refuses %j', (raw, reason) => {
		expect(toCountryAlpha3(raw)).toEqual({ ok: false, reason });
	});
});

describe('toCountryAlpha2', () => {
	it.each<[string, string]>([
		['DE', 'DE'],
		['nl', 'NL'],
	])('%j → %s', (raw, value) => {
		expect(toCountryAlpha2(raw)).toEqual({ ok: true, value });
	});

	it.each<[string, string, string]>([
		['DEU', 'DE', "country_code: alpha-3 code 'DEU' (Germany) written as ISO 3166-1 alpha-2 'DE'"],
		['Germany', 'DE', "country_code: country name 'Germany' (Germany) written as ISO 3166-1 alpha-2 'DE'"],
	])('%j → %s with a note', (raw, value, note) => {
		expect(toCountryAlpha2(raw)).toEqual({ ok: true, value, note });
	});

	it('refuses unknown countries', () => {
		expect(toCountryAlpha2('Mordor', 'party country')).toEqual({
			ok: false,
			reason: "party country 'Mordor' is not a country we know: write its English name or ISO 3166-1 code (e.g. DEU or DE)",
		});
	});
});
