/**
 * The AFIR recharging profile's structure as this package checks it before publishing: the elements the
 * profile's JSON schemas (Mobilithek 01-00-00) mark required for Table, Site, Station, RefillPoint and
 * Connector, plus what AFIR makes a site worth publishing at all (a position, an address, the operator,
 * the EVSE id, at least one connector with its power). Each missing or wrong element is one problem.
 */
import { isRecord, type JsonObject } from '../../foundation/json';
import type { ExportProblem } from '../shared/problem';
import { DATEX_CONNECTOR_TYPES } from './vocabulary';

const LANGUAGE = /^[a-z]{2}$/;

function list(value: unknown): JsonObject[] {
	return Array.isArray(value) ? value.filter(isRecord) : [];
}

class Checker {
	readonly problems: ExportProblem[] = [];

	need(ok: boolean, field: string, message: string): void {
		if (!ok) this.problems.push({ rule: 'DATEX:mandatory', field, message });
	}

	versioned(object: JsonObject, where: string): void {
		this.need(typeof object.idG === 'string' && object.idG !== '', `${where}.idG`, `${where} has no idG`);
		this.need(typeof object.versionG === 'string' && /^\d+$/.test(object.versionG), `${where}.versionG`, `${where} has no versionG`);
	}

	text(value: unknown, field: string, what: string): void {
		const values = isRecord(value) ? list(value.values) : [];
		this.need(values.length > 0 && values.every((v) => typeof v.lang === 'string' && LANGUAGE.test(v.lang) && typeof v.value === 'string' && v.value !== ''), field, `${what} is missing or not a language-tagged text`);
	}

	positive(value: unknown, field: string, what: string): void {
		this.need(typeof value === 'number' && Number.isFinite(value) && value > 0, field, `${what} is missing or not a positive number of watts`);
	}
}

function checkRefillPoint(checker: Checker, wrapper: JsonObject, where: string): void {
	const point = isRecord(wrapper.aegiElectricChargingPoint) ? wrapper.aegiElectricChargingPoint : undefined;
	checker.need(point !== undefined, where, `${where} is not an aegiElectricChargingPoint`);
	if (!point) return;
	checker.versioned(point, where);
	checker.need(isRecord(point.deliveryUnit) && point.deliveryUnit.value === 'kWh', `${where}.deliveryUnit`, `${where} has no deliveryUnit kWh`);
	checker.need(isRecord(point.currentType) && ['ac', 'dc'].includes(String(point.currentType.value)), `${where}.currentType`, `${where} has no currentType ac/dc`);
	const evseId = list(point.externalIdentifier).find((id) => isRecord(id.typeOfIdentifier) && id.typeOfIdentifier.extendedValueG === 'evseId');
	checker.need(evseId !== undefined && typeof evseId.identifier === 'string' && evseId.identifier !== '', `${where}.externalIdentifier`, `${where} has no EVSE id (evse_id is missing in OCPI)`);
	const connectors = list(point.connector);
	checker.need(connectors.length > 0, `${where}.connector`, `${where} has no connector`);
	checker.need(point.numberOfConnectors === connectors.length, `${where}.numberOfConnectors`, `${where} numberOfConnectors differs from its connectors`);
	connectors.forEach((connector, index) => {
		const at = `${where}.connector[${index}]`;
		const type = isRecord(connector.connectorType) ? String(connector.connectorType.value) : '';
		checker.need((DATEX_CONNECTOR_TYPES as readonly string[]).includes(type), `${at}.connectorType`, `${at} has no connectorType of the profile`);
		checker.positive(connector.maxPowerAtSocket, `${at}.maxPowerAtSocket`, `${at} maxPowerAtSocket`);
	});
}

function checkStation(checker: Checker, station: JsonObject, where: string): void {
	checker.versioned(station, where);
	checker.positive(station.totalMaximumPower, `${where}.totalMaximumPower`, `${where} totalMaximumPower`);
	const points = list(station.refillPoint);
	checker.need(points.length > 0, `${where}.refillPoint`, `${where} has no refill point`);
	checker.need(station.numberOfRefillPoints === points.length, `${where}.numberOfRefillPoints`, `${where} numberOfRefillPoints differs from its refill points`);
	checker.need(list(station.serviceType).some((s) => isRecord(s.serviceType)), `${where}.serviceType`, `${where} has no serviceType`);
	points.forEach((point, index) => checkRefillPoint(checker, point, `${where}.refillPoint[${index}]`));
}

/** Problems of one EnergyInfrastructureSite (empty when it may be published). */
export function siteProblems(site: JsonObject): ExportProblem[] {
	const checker = new Checker();
	checker.versioned(site, 'site');
	const point = isRecord(site.locationReference) && isRecord(site.locationReference.locPointLocation) ? site.locationReference.locPointLocation : {};
	const coordinates = isRecord(point.coordinatesForDisplay) ? point.coordinatesForDisplay : {};
	checker.need(typeof coordinates.latitude === 'number' && Math.abs(coordinates.latitude) <= 90 && typeof coordinates.longitude === 'number' && Math.abs(coordinates.longitude) <= 180, 'site.locationReference', 'site has no coordinates');
	const facility = isRecord(point.locLocationExtensionG) && isRecord(point.locLocationExtensionG.facilityLocation) ? point.locLocationExtensionG.facilityLocation : {};
	const address = isRecord(facility.address) ? facility.address : {};
	checker.need(typeof address.postcode === 'string' && address.postcode !== '', 'site.address.postcode', 'site address has no postcode');
	checker.text(address.city, 'site.address.city', 'site address city');
	checker.need(typeof address.countryCode === 'string' && /^[A-Z]{2}$/.test(address.countryCode), 'site.address.countryCode', 'site address has no ISO country code');
	checker.need(list(address.addressLine).length > 0, 'site.address.addressLine', 'site address has no street line');
	const operator = isRecord(site.operator) && isRecord(site.operator.afacAnOrganisation) ? site.operator.afacAnOrganisation : {};
	checker.text(operator.name, 'site.operator.name', 'site operator name');
	checker.need(isRecord(site.operatingHours) && Object.keys(site.operatingHours).length === 1, 'site.operatingHours', 'site has no operating hours');
	const stations = list(site.energyInfrastructureStation);
	checker.need(stations.length > 0, 'site.energyInfrastructureStation', 'site has no station');
	stations.forEach((station, index) => checkStation(checker, station, `station[${index}]`));
	return checker.problems;
}

/** Problems of the publication around the sites (header, table). */
export function publicationProblems(publication: JsonObject): ExportProblem[] {
	const checker = new Checker();
	const payload = isRecord(publication.payload) ? publication.payload : {};
	checker.need(payload.modelBaseVersionG === '3', 'payload.modelBaseVersionG', 'payload has no modelBaseVersionG 3');
	const body = isRecord(payload.aegiEnergyInfrastructureTablePublication) ? payload.aegiEnergyInfrastructureTablePublication : {};
	checker.need(typeof body.lang === 'string' && LANGUAGE.test(body.lang), 'publication.lang', 'publication has no language');
	checker.need(typeof body.publicationTime === 'string', 'publication.publicationTime', 'publication has no publicationTime');
	const creator = isRecord(body.publicationCreator) ? body.publicationCreator : {};
	checker.need(typeof creator.country === 'string' && typeof creator.nationalIdentifier === 'string' && creator.nationalIdentifier !== '', 'publication.publicationCreator', 'publication has no publicationCreator (country and nationalIdentifier)');
	const tables = list(body.energyInfrastructureTable);
	checker.need(tables.length > 0, 'publication.energyInfrastructureTable', 'publication has no table');
	for (const table of tables) {
		checker.versioned(table, 'table');
		checker.need(Array.isArray(table.energyInfrastructureSite), 'table.energyInfrastructureSite', 'table has no site list');
	}
	return checker.problems;
}
