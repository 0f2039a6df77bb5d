/**
 * The parts of a mapped OCPI 2.2.1 Location the AFIR exports read, typed loosely: the input comes from
 * n8n items, so every field is checked where it is used and a missing one is reported, never guessed.
 */
export interface OcpiConnectorView {
	id?: string;
	standard?: string;
	format?: string;
	power_type?: string;
	max_voltage?: number;
	max_amperage?: number;
	max_electric_power?: number;
}

export interface OcpiEvseView {
	uid?: string;
	evse_id?: string;
	status?: string;
	capabilities?: string[];
	parking_restrictions?: string[];
	connectors?: OcpiConnectorView[];
	last_updated?: string;
}

export interface OcpiRegularHours {
	weekday: number;
	period_begin: string;
	period_end: string;
}

export interface OcpiHours {
	twentyfourseven?: boolean;
	regular_hours?: OcpiRegularHours[];
	exceptional_openings?: unknown[];
	exceptional_closings?: unknown[];
}

export interface OcpiLocationView {
	country_code?: string;
	party_id?: string;
	id?: string;
	name?: string;
	address?: string;
	city?: string;
	postal_code?: string;
	country?: string;
	coordinates?: { latitude?: string; longitude?: string };
	parking_type?: string;
	evses?: OcpiEvseView[];
	operator?: { name?: string; website?: string };
	owner?: { name?: string };
	opening_times?: OcpiHours;
	time_zone?: string;
	last_updated?: string;
	_mapping?: { chargePoints?: Record<string, string> };
}

/** EVSEs that still exist: OCPI keeps REMOVED ones for history, a national access point must not list them. */
export function liveEvses(location: OcpiLocationView): OcpiEvseView[] {
	return (location.evses ?? []).filter((evse) => evse.status !== 'REMOVED');
}

const PHASES: Record<string, number> = { AC_1_PHASE: 1, AC_2_PHASE: 2, AC_2_PHASE_SPLIT: 2, AC_3_PHASE: 3, DC: 1 };

/** A connector's power in W: max_electric_power when set, else V × A × phases (OCPI's voltage is line-to-neutral). */
export function connectorPowerW(connector: OcpiConnectorView): number | undefined {
	if (typeof connector.max_electric_power === 'number' && connector.max_electric_power > 0) return connector.max_electric_power;
	const phases = PHASES[connector.power_type ?? ''];
	if (phases === undefined || typeof connector.max_voltage !== 'number' || typeof connector.max_amperage !== 'number') return undefined;
	return connector.max_voltage * connector.max_amperage * phases;
}

/** The most an EVSE can deliver: the strongest of its connectors (they charge one at a time). */
export function evsePowerW(evse: OcpiEvseView): number | undefined {
	const powers = (evse.connectors ?? []).map(connectorPowerW).filter((power): power is number => power !== undefined);
	return powers.length === 0 ? undefined : Math.max(...powers);
}

/**
 * The asset system's charge point of each EVSE: the Mapper's `_mapping.chargePoints` when EVSEs are per
 * outlet, otherwise the EVSE is the charge point.
 */
export function chargePointOf(location: OcpiLocationView, evse: OcpiEvseView): string {
	const uid = String(evse.uid ?? '');
	return location._mapping?.chargePoints?.[uid] ?? uid;
}
