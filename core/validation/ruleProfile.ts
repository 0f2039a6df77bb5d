/**
 * Rule profiles: how demanding the checks are.
 * - `spec`: exactly what OCPI requires (a non-eMI3 evse_id is a warning).
 * - `strict`: what roaming hubs demand on top: an eMI3 evse_id, max_electric_power, operator, postal_code
 *   and opening_times.
 * - `nl-nap`: what the Dutch national access point (DOT-NL) made mandatory on top of OCPI.
 * - `afir`: the static data AFIR requires of publicly accessible recharging points, mapped to OCPI fields.
 * The rules of the last three, each with its source, are in profileRuleSets.ts.
 */
export const RULE_PROFILES = ['spec', 'strict', 'nl-nap', 'afir'] as const;
export type RuleProfile = (typeof RULE_PROFILES)[number];
