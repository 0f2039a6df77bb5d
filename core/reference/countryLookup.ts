/**
 * Finds an ISO 3166-1 country from what people actually type in a `country` field: an alpha-2 or
 * alpha-3 code in any case, or a name in English or a common native language.
 * Codes are tried before names, so a two or three letter input is never read as a name.
 */
import { COUNTRIES, type CountryRow } from './countries';
import { normaliseName } from './normaliseName';

/** ISO 3166-1 alpha-2 and alpha-3 codes. */
export const COUNTRY_ALPHA2_PATTERN = /^[A-Za-z]{2}$/;
export const COUNTRY_ALPHA3_PATTERN = /^[A-Za-z]{3}$/;

export interface Country {
	alpha2: string;
	alpha3: string;
	name: string;
}

export type CountryMatch = { country: Country; matchedBy: 'alpha-2' | 'alpha-3' | 'name' };

function toCountry([alpha2, alpha3, name]: CountryRow): Country {
	return { alpha2, alpha3, name };
}

// Built once at load and never changed afterwards.
const BY_ALPHA2: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((row) => [row[0], toCountry(row)]));
const BY_ALPHA3: ReadonlyMap<string, Country> = new Map(COUNTRIES.map((row) => [row[1], toCountry(row)]));
const BY_NAME: ReadonlyMap<string, Country> = new Map(
	COUNTRIES.flatMap((row) => [row[2], ...row[3]].map((name) => [normaliseName(name), toCountry(row)] as const)),
);

export function countryByAlpha2(code: string): Country | undefined {
	return BY_ALPHA2.get(code.trim().toUpperCase());
}

export function countryByAlpha3(code: string): Country | undefined {
	return BY_ALPHA3.get(code.trim().toUpperCase());
}

export function findCountry(text: string): CountryMatch | undefined {
	const trimmed = text.trim();
	if (COUNTRY_ALPHA2_PATTERN.test(trimmed)) {
		const country = countryByAlpha2(trimmed);
		if (country) return { country, matchedBy: 'alpha-2' };
	}
	if (COUNTRY_ALPHA3_PATTERN.test(trimmed)) {
		const country = countryByAlpha3(trimmed);
		if (country) return { country, matchedBy: 'alpha-3' };
	}
	const country = BY_NAME.get(normaliseName(trimmed));
	return country ? { country, matchedBy: 'name' } : undefined;
}
