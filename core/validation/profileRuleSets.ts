/**
 * Completeness profiles: each a named set of rules on top of OCPI, every rule with the source that demands
 * it. A rule names one data point an object must give (a field, or a list that may be empty). Rules on
 * EVSEs and connectors apply to every EVSE that is not REMOVED and to each of its connectors.
 *
 * A rule only counts in the versions that have its field: 2.2.1 cannot carry help_phone, so an AFIR check
 * of 2.2.1 Locations does not score it (the README says which points 2.2.1 cannot express).
 */
import type { OcpiVersion } from '../ocpi/version';

export type RuleLevel = 'location' | 'evse' | 'connector';

export interface ProfileRule {
	/** Stable id, e.g. `afir.opening_times`. */
	id: string;
	level: RuleLevel;
	/** Dotted path from the object at that level, e.g. `operator.name`. */
	field: string;
	/** What the data point is, for messages: "the opening hours". */
	what: string;
	/** true: a list, which counts as given even when empty ("none apply"). */
	list?: boolean;
	/** Only these versions have the field; all when absent. */
	versions?: readonly OcpiVersion[];
	/** Who demands it, as a citation an operator can look up. */
	source: string;
}

export interface CompletenessProfile {
	name: string;
	/** Completes "the … rule profile requires", e.g. "AFIR static data". */
	label: string;
	/** Completes "92 % … complete", e.g. "AFIR-". */
	scoreLabel: string;
	rules: readonly ProfileRule[];
}

const SINCE_221: readonly OcpiVersion[] = ['2.3.0', '2.2.1'];
const ONLY_230: readonly OcpiVersion[] = ['2.3.0'];

/** What this package's strict profile has demanded since its first release, as roaming hubs refuse Locations without it. */
const HUB_PRACTICE = 'Roaming hub practice, this package\'s strict profile since 0.1 (OCPI keeps the field optional)';
const EMI3 = 'eMI3 EVSE ID as hubs check it: Hubject OICP 2.3 EvseIDType (the regex core/ocpi/formats.ts uses)';
const NAP_POWER = 'National access points: Belgian NAP must-list (cc.its.be/electromobility/ocpi-infrastructure-information), Danish Road Traffic Authority AFIR/OCPI guidance';
const NDW = 'NDW, DOT-NL (NAP-EV) Charging Points API: "optional elements made mandatory in addition to OCPI 2.2.1, due to the AFIR" (docs.ndw.nu/en/data-uitwisseling/interface-beschrijvingen/dafne-api)';
const AFIR_STATIC = 'Regulation (EU) 2023/1804 (AFIR) Art. 20(2) and Implementing Regulation (EU) 2025/655, static data';
const AFIR_LIST = `${AFIR_STATIC}, as listed by NDW (docs.ndw.nu/en/data-uitwisseling/interface-beschrijvingen/dafne-api/VerplichtingConformUitvoeringsverordeningEU2025)`;

export const ROAMING_HUB_PROFILE: CompletenessProfile = {
	name: 'strict',
	label: 'strict (roaming hub)',
	scoreLabel: 'roaming-hub-',
	rules: [
		{ id: 'strict.operator', level: 'location', field: 'operator', what: 'the operator (name, optionally website and logo)', source: HUB_PRACTICE },
		// 2.1.1 requires postal_code in the model already
		{ id: 'strict.postal_code', level: 'location', field: 'postal_code', what: 'the postal code', versions: SINCE_221, source: HUB_PRACTICE },
		{ id: 'strict.opening_times', level: 'location', field: 'opening_times', what: 'the opening times (twentyfourseven or regular_hours)', source: HUB_PRACTICE },
		{ id: 'strict.evse_id', level: 'evse', field: 'evse_id', what: 'an eMI3 evse_id such as "DE*ABC*E123456"', source: EMI3 },
		{ id: 'strict.max_electric_power', level: 'connector', field: 'max_electric_power', what: 'the maximum power in watts (e.g. 22000 for 22 kW)', versions: SINCE_221, source: NAP_POWER },
	],
};

export const NL_NAP_PROFILE: CompletenessProfile = {
	name: 'nl-nap',
	label: 'Netherlands national access point (DOT-NL)',
	scoreLabel: 'NL-NAP-',
	rules: [
		{ id: 'nl-nap.opening_times', level: 'location', field: 'opening_times', what: 'the opening times (twentyfourseven or regular_hours)', source: NDW },
		{ id: 'nl-nap.energy_mix', level: 'location', field: 'energy_mix', what: 'the energy mix (at least is_green_energy)', source: NDW },
		{ id: 'nl-nap.parking_restrictions', level: 'evse', field: 'parking_restrictions', what: 'the parking restrictions (an empty list when there are none)', list: true, source: NDW },
		{ id: 'nl-nap.max_electric_power', level: 'connector', field: 'max_electric_power', what: 'the maximum power in watts (e.g. 22000 for 22 kW)', versions: SINCE_221, source: NDW },
		{ id: 'nl-nap.tariff_ids', level: 'connector', field: 'tariff_ids', what: 'the tariff ids (the tariffs themselves go to the NAP\'s tariffs endpoint)', list: true, versions: SINCE_221, source: NDW },
	],
};

export const AFIR_PROFILE: CompletenessProfile = {
	name: 'afir',
	label: 'AFIR static data',
	scoreLabel: 'AFIR-',
	rules: [
		{ id: 'afir.operator', level: 'location', field: 'operator.name', what: 'the name of the operator', source: `${AFIR_LIST}: legal and commercial name of the operator` },
		{ id: 'afir.help_phone', level: 'location', field: 'help_phone', what: 'the helpdesk telephone number shown at the station', versions: ONLY_230, source: `${AFIR_LIST}: helpdesk telephone number; OCPI 2.3.0 added help_phone for it` },
		{ id: 'afir.opening_times', level: 'location', field: 'opening_times', what: 'the opening hours (twentyfourseven or regular_hours)', source: `${AFIR_STATIC}: opening hours` },
		{ id: 'afir.postal_code', level: 'location', field: 'postal_code', what: 'the postal code (part of the address)', versions: SINCE_221, source: `${AFIR_LIST}: geographic location data (address)` },
		{
			id: 'afir.parking_places',
			level: 'location',
			field: 'parking_places',
			what: 'the parking places and the vehicle types they fit, incl. accessibility for drivers with disabilities (vehicle type DISABLED)',
			list: true,
			versions: ONLY_230,
			source: 'OCPI 2.3.0 mod_locations, Parking object: "AFIR requires CPOs to report the number of parking spots and certain properties of those parking spots to NAPs"',
		},
		{ id: 'afir.evse_id', level: 'evse', field: 'evse_id', what: 'the EVSE ID (eMI3) of the recharging point', source: `${AFIR_STATIC}: identification of the recharging point` },
		{
			id: 'afir.accepted_service_providers',
			level: 'evse',
			field: 'accepted_service_providers',
			what: 'the eMSPs whose contracts are accepted (an empty list when none)',
			list: true,
			versions: ONLY_230,
			source: 'OCPI 2.3.0 mod_locations, EVSE.accepted_service_providers: "added specifically to allow European CPOs to comply with a regulatory requirement to provide this data to National Access Points"',
		},
		{ id: 'afir.max_electric_power', level: 'connector', field: 'max_electric_power', what: 'the maximum power output in watts', versions: SINCE_221, source: `${AFIR_STATIC}: maximum power output of the recharging point` },
	],
};

export const COMPLETENESS_PROFILES: Readonly<Record<string, CompletenessProfile>> = {
	strict: ROAMING_HUB_PROFILE,
	'nl-nap': NL_NAP_PROFILE,
	afir: AFIR_PROFILE,
};

/** The rules of a profile that count in a version. */
export function rulesFor(profile: CompletenessProfile, version: OcpiVersion): ProfileRule[] {
	return profile.rules.filter((rule) => !rule.versions || rule.versions.includes(version));
}
