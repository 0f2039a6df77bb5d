import * as fs from 'fs';
import { COUNTRIES } from '../../../core/reference/countries';
import { countryByAlpha2, findCountry } from '../../../core/reference/countryLookup';
import { normaliseName } from '../../../core/reference/normaliseName';

const { renderCountries, TARGET } = require('../../../scripts/generate-countries.js');

describe('country table', () => {
	it('is what scripts/generate-countries.js produces from the installed i18n-iso-countries', () => {
		expect(fs.readFileSync(TARGET, 'utf8') === renderCountries().output).toBe(true);
	});

	it('holds all of ISO 3166-1 with unique codes', () => {
		expect(COUNTRIES).toHaveLength(250);
		expect(new Set(COUNTRIES.map((row) => row[0])).size).toBe(250);
		expect(new Set(COUNTRIES.map((row) => row[1])).size).toBe(250);
		expect(COUNTRIES.find((row) => row[0] === 'NL')?.slice(0, 3)).toEqual(['NL', 'NLD', 'Netherlands']);
	});

	it('never lets one name point at two countries', () => {
		const owner = new Map<string, string>();
		for (const [alpha2, , english, others] of COUNTRIES) {
			for (const name of [english, ...others]) {
				const key = normaliseName(name);
				expect([key, owner.get(key) ?? alpha2]).toEqual([key, alpha2]);
				owner.set(key, alpha2);
			}
		}
	});
});

describe('findCountry', () => {
	it.each([
		['DE', 'DEU', 'alpha-2'],
		['de', 'DEU', 'alpha-2'],
		['deu', 'DEU', 'alpha-3'],
		['  NLD ', 'NLD', 'alpha-3'],
		['Germany', 'DEU', 'name'],
		['Deutschland', 'DEU', 'name'],
		['Allemagne', 'DEU', 'name'],
		['The Netherlands', 'NLD', 'name'],
		['Nederland', 'NLD', 'name'],
		['Holland', 'NLD', 'name'],
		['Pays-Bas', 'NLD', 'name'],
		['België', 'BEL', 'name'],
		['Belgie', 'BEL', 'name'],
		['Belgique', 'BEL', 'name'],
		['Österreich', 'AUT', 'name'],
		['OESTERREICH', 'AUT', 'name'],
		['Schweiz', 'CHE', 'name'],
		['Suisse', 'CHE', 'name'],
		['Svizzera', 'CHE', 'name'],
		['España', 'ESP', 'name'],
		['espana', 'ESP', 'name'],
		['Sverige', 'SWE', 'name'],
		['Norge', 'NOR', 'name'],
		['Danmark', 'DNK', 'name'],
		['Suomi', 'FIN', 'name'],
		['Polska', 'POL', 'name'],
		['Italia', 'ITA', 'name'],
		['Česko', 'CZE', 'name'],
		['Magyarország', 'HUN', 'name'],
		['Lëtzebuerg', 'LUX', 'name'],
		['United Kingdom', 'GBR', 'name'],
		['UK', 'GBR', 'name'],
		['Great Britain', 'GBR', 'name'],
		['Scotland', 'GBR', 'name'],
		['USA', 'USA', 'alpha-3'],
		['U.S.A.', 'USA', 'name'],
		['United States', 'USA', 'name'],
		["Côte d'Ivoire", 'CIV', 'name'],
		['Türkiye', 'TUR', 'name'],
	])('%p → %s', (text, alpha3, matchedBy) => {
		const match = findCountry(text);
		expect(match?.country.alpha3).toBe(alpha3);
		expect(match?.matchedBy).toBe(matchedBy);
	});

	it.each(['Congo', 'Atlantis', 'XX', 'XXX', '', '   ', 'Germanyy'])('does not guess %p', (text) => {
		expect(findCountry(text)).toBeUndefined();
	});

	it('finds alpha-2 codes only for real countries', () => {
		expect(countryByAlpha2('nl')).toEqual({ alpha2: 'NL', alpha3: 'NLD', name: 'Netherlands' });
		expect(countryByAlpha2('UK')).toBeUndefined();
	});
});
