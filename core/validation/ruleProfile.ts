/**
 * Rule profiles: how demanding the checks are.
 * - `spec`: exactly what OCPI requires (a non-eMI3 evse_id is a warning).
 * - `strict`: what roaming hubs and AFIR-style national access points demand on top: an eMI3 evse_id,
 *   max_electric_power, operator, postal_code and opening_times.
 */
export const RULE_PROFILES = ['spec', 'strict'] as const;
export type RuleProfile = (typeof RULE_PROFILES)[number];
