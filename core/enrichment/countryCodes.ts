/**
 * Switch `countryCodes`: Location.country (the location's country, ISO 3166-1 alpha-3) given as a
 * name in English or a native language, or as an alpha-2 code, or in lower case → upper-case alpha-3.
 * country_code (the CPO's alpha-2, 2.2.1 only) is upper-cased when it is a real alpha-2 code.
 * Names we do not know stay as they are for the validator to report.
 */
import { countryByAlpha2, findCountry } from '../reference/countryLookup';
import type { EnrichmentChange } from './enrich';
import type { EnrichmentStep } from './step';
import { isRecord, type JsonObject } from '../foundation/json';
import { hasPartyFields } from '../ocpi/version';

const HOW_MATCHED = {
	'alpha-2': 'alpha-2 code',
	'alpha-3': 'alpha-3 code',
	name: 'country name',
} as const;

function normaliseCountry(location: JsonObject, write: () => JsonObject): EnrichmentChange[] {
	const from = location.country;
	if (typeof from !== 'string') return [];
	const match = findCountry(from);
	if (!match || match.country.alpha3 === from) return [];
	const to = match.country.alpha3;
	write().country = to;
	const reason =
		match.matchedBy === 'alpha-3'
			? `alpha-3 code '${from}' written in upper case as ISO 3166-1 requires`
			: `${HOW_MATCHED[match.matchedBy]} '${from}' (${match.country.name}) converted to ISO 3166-1 alpha-3`;
	return [{ path: 'country', from, to, reason }];
}

function normalisePartyCountryCode(location: JsonObject, write: () => JsonObject): EnrichmentChange[] {
	const from = location.country_code;
	if (typeof from !== 'string') return [];
	const country = countryByAlpha2(from);
	if (!country || country.alpha2 === from) return [];
	write().country_code = country.alpha2;
	return [{ path: 'country_code', from, to: country.alpha2, reason: `party country_code '${from}' written as upper-case ISO 3166-1 alpha-2` }];
}

export const normaliseCountryCodes: EnrichmentStep = (working, { kind, version, nodes, writable }) => {
	if (kind !== 'location' || !isRecord(working)) return [];
	const write = () => writable(nodes(working)[0]);
	const changes = normaliseCountry(working, write);
	if (hasPartyFields(version)) changes.push(...normalisePartyCountryCode(working, write));
	return changes;
};
