/**
 * One Location → one EnergyInfrastructureSite: its Stations are the asset system's charge points (from the
 * Mapper's grouping), their RefillPoints the EVSEs, with the Connectors. idG values are derived from the
 * OCPI keys so they never change; versionG is set later from the previous publication.
 */
import { countryByAlpha3 } from '../../reference/countryLookup';
import { chargePointOf, connectorPowerW, evsePowerW, liveEvses, type OcpiEvseView, type OcpiHours, type OcpiLocationView } from '../shared/ocpiView';
import type { StationData } from '../shared/stationData';
import { compact, enumValue, multilingual, standardUtcOffset } from './texts';
import { authenticationMethods, datexConnectorFormat, datexConnectorType, DATEX_DAYS, type ServiceType } from './vocabulary';

export type DatexObject = Record<string, unknown>;

export interface SiteOptions {
	lang: string;
	serviceType: ServiceType;
	publicationTime: Date;
}

export interface BuiltSite {
	locationId: string;
	site: DatexObject;
	notes: string[];
}

export function siteIdOf(location: OcpiLocationView): string {
	return `${location.country_code ?? ''}${location.party_id ?? ''}-${location.id ?? ''}`;
}

function refillPoint(evse: OcpiEvseView, idG: string, notes: string[]): DatexObject {
	const connectors = evse.connectors ?? [];
	const kinds = new Set(connectors.map((connector) => (connector.power_type === 'DC' ? 'dc' : 'ac')));
	if (kinds.size > 1) notes.push(`EVSE '${evse.uid}' has AC and DC connectors; its refill point is published as dc`);
	const power = evsePowerW(evse);
	return {
		aegiElectricChargingPoint: compact({
			idG,
			versionG: '',
			lastUpdated: evse.last_updated,
			externalIdentifier: evse.evse_id ? [{ identifier: evse.evse_id.replace(/\*/g, ''), typeOfIdentifier: { value: 'extendedG', extendedValueG: 'evseId' } }] : undefined,
			deliveryUnit: enumValue('kWh'),
			currentType: connectors.length === 0 ? undefined : enumValue(kinds.has('dc') ? 'dc' : 'ac'),
			numberOfConnectors: connectors.length,
			availableChargingPower: power === undefined ? undefined : [power],
			connector: connectors.map((connector) => {
				const type = datexConnectorType(connector.standard);
				const format = datexConnectorFormat(connector.format, connector.power_type);
				return compact({
					connectorType: type === undefined ? undefined : enumValue(type),
					connectorFormat: format === undefined ? undefined : enumValue(format),
					maxPowerAtSocket: connectorPowerW(connector),
					voltage: connector.max_voltage,
					maximumCurrent: connector.max_amperage,
				});
			}),
		}),
	};
}

/** `08:00` in the Location's zone → `08:00:00+01:00` (DATEX times carry their offset). */
function timeOfDay(hourMinute: string, offset: string): string {
	return `${hourMinute === '24:00' ? '23:59' : hourMinute}:00${offset}`;
}

function operatingHours(hours: OcpiHours | undefined, idG: string, since: string | undefined, offset: string | undefined): DatexObject {
	if (hours === undefined) return { afacUnknownOperatingHours: {} };
	if (hours.twentyfourseven === true) return { afacOpenAllHours: {} };
	const zone = offset ?? '+00:00';
	const byPeriods = new Map<string, string[]>();
	for (const period of hours.regular_hours ?? []) {
		const key = `${period.period_begin}-${period.period_end}`;
		byPeriods.set(key, [...(byPeriods.get(key) ?? []), DATEX_DAYS[period.weekday - 1]]);
	}
	const validPeriod = [...byPeriods].map(([key, days]) => {
		const [begin, end] = key.split('-');
		return {
			recurringTimePeriodOfDay: [{ startTimeOfPeriod: timeOfDay(begin, zone), endTimeOfPeriod: timeOfDay(end, zone) }],
			recurringDayWeekMonthPeriod: [{ comDayWeekMonth: { applicableDay: days.map(enumValue) } }],
		};
	});
	// The hours are known to hold since the Location's data was last updated; DATEX wants a start.
	return { afacOperatingHoursSpecification: { idG, versionG: '', overallPeriod: compact({ overallStartTime: since, validPeriod }) } };
}

function numberOr(value: unknown): number | undefined {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isFinite(number) ? number : undefined;
}

function operatorOf(location: OcpiLocationView, data: StationData, lang: string): DatexObject | undefined {
	const name = location.operator?.name ?? (typeof data.operatorName === 'string' ? data.operatorName : undefined);
	const eMi3 = liveEvses(location)
		.map((evse) => /^[A-Z]{2}\*?([A-Z0-9]{3})\*?E/i.exec(evse.evse_id ?? '')?.[1])
		.find((id): id is string => id !== undefined);
	const contact = compact({ telephoneNumber: data.helpdeskPhone as string | undefined, eMail: data.helpdeskEmail as string | undefined });
	return compact({
		name: multilingual(lang, name),
		externalIdentifier: eMi3 ? [{ identifier: eMi3.toUpperCase(), typeOfIdentifier: { value: 'extendedG', extendedValueG: 'operatorId' } }] : undefined,
		organisationUnit: Object.keys(contact).length > 0 ? [{ contactInformation: [{ afacContactInformation: contact }] }] : undefined,
	});
}

export function buildSite(location: OcpiLocationView, data: StationData, options: SiteOptions): BuiltSite {
	const { lang } = options;
	const notes: string[] = [];
	const siteId = siteIdOf(location);
	const offset = standardUtcOffset(location.time_zone, options.publicationTime);
	const groups = new Map<string, OcpiEvseView[]>();
	for (const evse of liveEvses(location)) {
		const key = chargePointOf(location, evse);
		groups.set(key, [...(groups.get(key) ?? []), evse]);
	}
	const stationPower = numberOr(data.totalMaximumPower);
	const stations = [...groups].map(([chargePoint, evses]) => {
		const stationId = `${siteId}/${chargePoint}`;
		const points = evses.map((evse) => refillPoint(evse, `${stationId}/${evse.uid ?? ''}`, notes));
		const powers = evses.map(evsePowerW);
		const summed = powers.every((power) => power !== undefined) ? powers.reduce<number>((sum, power) => sum + power!, 0) : undefined;
		if (stationPower === undefined && evses.length > 1 && summed !== undefined) {
			notes.push(`station '${chargePoint}': totalMaximumPower is the sum of its refill points (set totalMaximumPower in the reference data if they share power)`);
		}
		const methods = authenticationMethods(evses.flatMap((evse) => evse.capabilities ?? []));
		const newest = evses.map((evse) => evse.last_updated ?? '').sort().pop();
		return compact({
			idG: stationId,
			versionG: '',
			lastUpdated: newest || undefined,
			totalMaximumPower: stationPower ?? summed,
			authenticationAndIdentificationMethods: methods.length > 0 ? methods.map(enumValue) : undefined,
			numberOfRefillPoints: points.length,
			serviceType: [{ serviceType: enumValue(options.serviceType) }],
			refillPoint: points,
		});
	});
	const { latitude, longitude } = location.coordinates ?? {};
	const coordinates = latitude !== undefined && longitude !== undefined ? { latitude: Number(latitude), longitude: Number(longitude) } : undefined;
	const country = countryByAlpha3(String(location.country ?? ''))?.alpha2;
	const site = compact({
		idG: siteId,
		versionG: '',
		name: multilingual(lang, location.name),
		lastUpdated: location.last_updated,
		operatingHours: operatingHours(location.opening_times, `${siteId}/hours`, location.last_updated, offset),
		locationReference: {
			locPointLocation: compact({
				coordinatesForDisplay: coordinates,
				locLocationExtensionG: {
					facilityLocation: compact({
						timeZone: offset,
						address: compact({
							postcode: location.postal_code,
							city: multilingual(lang, location.city),
							countryCode: country,
							addressLine: location.address ? [{ order: 0, type: enumValue('street'), text: multilingual(lang, location.address) }] : undefined,
						}),
					}),
				},
			}),
		},
		operator: { afacAnOrganisation: operatorOf(location, data, lang) },
		energyInfrastructureStation: stations,
	});
	return { locationId: String(location.id ?? ''), site, notes };
}
