/**
 * Country names ('Germany', 'Deutschland') and alpha-2 codes → ISO 3166-1 alpha-3 for Location.country,
 * and → alpha-2 for the party's country_code. The table is the enrichment's (core/reference); this
 * is only the TransformResult wrapper around it.
 */
import { countryByAlpha2, findCountry } from '../../reference/countryLookup';
import { fail, isBlank, ok, quote, type TransformResult } from './result';

function unknownCountry(raw: unknown, field: string): TransformResult<never> {
	return fail(`${field} ${quote(raw)} is not a country we know: write its English name or ISO 3166-1 code (e.g. DEU or DE)`);
}

/** Location.country: any known name or code → upper-case alpha-3 (e.g. 'Deutschland' → 'DEU'). */
export function toCountryAlpha3(raw: unknown, field = 'country'): TransformResult<string> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (typeof raw !== 'string') return unknownCountry(raw, field);
	const match = findCountry(raw);
	if (!match) return unknownCountry(raw, field);
	const { alpha3, name } = match.country;
	if (match.matchedBy === 'alpha-3') return ok(alpha3);
	const how = match.matchedBy === 'alpha-2' ? 'alpha-2 code' : 'country name';
	return ok(alpha3, `${field}: ${how} ${quote(raw.trim())} (${name}) written as ISO 3166-1 alpha-3 '${alpha3}'`);
}

/**
 * The party's country_code: an alpha-2 code in any case, or a name or alpha-3 code → alpha-2.
 * Names are noted, since the party's country is usually configured once and should be a code.
 */
export function toCountryAlpha2(raw: unknown, field = 'country_code'): TransformResult<string> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (typeof raw !== 'string') return unknownCountry(raw, field);
	const byCode = countryByAlpha2(raw);
	if (byCode) return ok(byCode.alpha2);
	const match = findCountry(raw);
	if (!match) return unknownCountry(raw, field);
	const { alpha2, name } = match.country;
	const how = match.matchedBy === 'alpha-3' ? 'alpha-3 code' : 'country name';
	return ok(alpha2, `${field}: ${how} ${quote(raw.trim())} (${name}) written as ISO 3166-1 alpha-2 '${alpha2}'`);
}
