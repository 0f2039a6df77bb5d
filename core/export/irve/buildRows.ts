/**
 * One Location → its IRVE rows (one per EVSE, the station's fields repeated on each). Values come from
 * the OCPI Location first; the station data (reference table or the item's `_afir`) fills what OCPI does
 * not carry or leaves unknown. A required value found nowhere is reported, never filled with a placeholder.
 */
import { osmOpeningHours } from '../shared/openingHours';
import { evsePowerW, liveEvses, type OcpiEvseView, type OcpiLocationView } from '../shared/ocpiView';
import type { ExportProblem } from '../shared/problem';
import type { StationData } from '../shared/stationData';
import { compactId, operatorPrefix, stationIdFrom } from './afirevIds';
import { IRVE_COLUMNS, type IrveRow, type IrveValue } from './columns';

export interface IrveStation {
	locationId: string;
	stationId?: string;
	rows: IrveRow[];
	/** Required data found nowhere, and data that could not be read. */
	problems: ExportProblem[];
	notes: string[];
}

const IMPLANTATION_BY_PARKING: Record<string, string> = {
	ON_STREET: 'Voirie',
	PARKING_LOT: 'Parking public',
	PARKING_GARAGE: 'Parking public',
	UNDERGROUND_GARAGE: 'Parking public',
	ALONG_MOTORWAY: 'Station dédiée à la recharge rapide',
	ON_DRIVEWAY: 'Parking privé réservé à la clientèle',
};

const EF = new Set(['DOMESTIC_E', 'DOMESTIC_F']);
const AD_HOC_PAYMENT = ['CREDIT_CARD_PAYABLE', 'DEBIT_CARD_PAYABLE', 'PED_TERMINAL', 'CONTACTLESS_CARD_SUPPORT'];
const CARD_PAYMENT = ['CREDIT_CARD_PAYABLE', 'DEBIT_CARD_PAYABLE'];

/** Columns each row derives for itself; station data never overrides them. */
const OWN_ROW_COLUMNS = new Set(['id_pdc_itinerance', 'id_pdc_local', 'nbre_pdc', 'puissance_nominale']);

function text(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

function has(list: string[] | undefined, wanted: readonly string[]): boolean | undefined {
	return list?.some((value) => wanted.includes(value)) ? true : undefined;
}

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}

function stationColumns(location: OcpiLocationView, evseCount: number, notes: string[], problems: ExportProblem[]): IrveRow {
	const { latitude, longitude } = location.coordinates ?? {};
	const address = [location.address, location.postal_code, location.city].map(text).filter(Boolean).join(' ');
	const hours = osmOpeningHours(location.opening_times);
	if (hours.ok && hours.note) notes.push(hours.note);
	if (!hours.ok && location.opening_times !== undefined) problems.push({ rule: 'IRVE:horaires', field: 'horaires', message: `horaires cannot be written: ${hours.reason}` });
	return {
		nom_amenageur: text(location.owner?.name),
		nom_operateur: text(location.operator?.name),
		id_station_local: text(location.id),
		nom_station: text(location.name),
		implantation_station: IMPLANTATION_BY_PARKING[location.parking_type ?? ''],
		adresse_station: address === '' ? undefined : address,
		coordonneesXY: latitude !== undefined && longitude !== undefined ? `[${Number(longitude)},${Number(latitude)}]` : undefined,
		nbre_pdc: evseCount,
		horaires: hours.ok ? hours.value : undefined,
		date_maj: typeof location.last_updated === 'string' ? location.last_updated.slice(0, 10) : undefined,
	};
}

function pdcColumns(evse: OcpiEvseView): IrveRow {
	const connectors = evse.connectors ?? [];
	const standards = connectors.map((connector) => connector.standard ?? '');
	const power = evsePowerW(evse);
	const t2 = connectors.filter((connector) => connector.standard === 'IEC_62196_T2');
	return {
		id_pdc_itinerance: evse.evse_id ? compactId(evse.evse_id) : undefined,
		id_pdc_local: text(evse.uid),
		puissance_nominale: power === undefined ? undefined : round2(power / 1000),
		prise_type_ef: standards.some((s) => EF.has(s)),
		prise_type_2: standards.includes('IEC_62196_T2'),
		prise_type_combo_ccs: standards.includes('IEC_62196_T2_COMBO'),
		prise_type_chademo: standards.includes('CHADEMO'),
		prise_type_autre: standards.some((s) => !EF.has(s) && !['IEC_62196_T2', 'IEC_62196_T2_COMBO', 'CHADEMO'].includes(s)),
		paiement_acte: has(evse.capabilities, AD_HOC_PAYMENT),
		paiement_cb: has(evse.capabilities, CARD_PAYMENT),
		reservation: has(evse.capabilities, ['RESERVABLE']),
		accessibilite_pmr: evse.parking_restrictions?.includes('DISABLED') ? 'Réservé PMR' : undefined,
		cable_t2_attache: t2.length === 0 ? undefined : t2.some((connector) => connector.format === 'CABLE'),
	};
}

/** A station data value as the column's type wants it ('true' from a spreadsheet is a boolean). */
function fromStationData(value: unknown, type: string): IrveValue {
	if (type === 'boolean') {
		if (typeof value === 'boolean') return value;
		const lowered = String(value).trim().toLowerCase();
		if (lowered === 'true' || lowered === 'false') return lowered === 'true';
		return String(value);
	}
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	return text(value);
}

function stationIdOf(location: OcpiLocationView, rows: IrveRow[], data: StationData, notes: string[]): string | undefined {
	const given = text(data.id_station_itinerance);
	if (given) return given;
	const prefix = rows.map((row) => operatorPrefix(String(row.id_pdc_itinerance ?? ''))).find(Boolean);
	if (!prefix || !location.id) return undefined;
	const derived = stationIdFrom(prefix, location.id);
	if (derived) notes.push(`id_station_itinerance ${derived} built from the operating unit ${prefix} and the Location id (set id_station_itinerance in the reference table to use another)`);
	return derived;
}

function missingHint(column: string): string {
	return `${column} is required and neither the Location nor the reference data holds it: map it or add "${column}" to the reference table (row "${'*'}" for every station, or the Location id)`;
}

/** Rows for one Location. Problems here are missing or unreadable data; the column and QualiCharge rules run on the rows later. */
export function buildIrveStation(location: OcpiLocationView, data: StationData): IrveStation {
	const locationId = String(location.id ?? '');
	const notes: string[] = [];
	const problems: ExportProblem[] = [];
	const evses = liveEvses(location);
	const station = stationColumns(location, evses.length, notes, problems);
	const rows: IrveRow[] = evses.map((evse) => {
		const row: IrveRow = {};
		const own: IrveRow = { ...station, ...pdcColumns(evse) };
		for (const column of IRVE_COLUMNS) {
			const derived = own[column.name];
			const supplied = data[column.name];
			row[column.name] = derived !== undefined || OWN_ROW_COLUMNS.has(column.name) || supplied === undefined ? derived : fromStationData(supplied, column.type);
		}
		return row;
	});
	const stationId = stationIdOf(location, rows, data, notes);
	for (const row of rows) row.id_station_itinerance = stationId;
	if (rows.length === 0) problems.push({ rule: 'IRVE:pdc', message: 'the Location has no EVSE in service to publish' });
	const reported = new Set<string>();
	for (const row of rows) {
		for (const column of IRVE_COLUMNS) {
			if (row[column.name] !== undefined || reported.has(column.name)) continue;
			if (column.required || column.qualicharge === 6 || column.qualicharge === 7 || column.qualicharge === 2) {
				reported.add(column.name);
				const where = column.required ? 'IRVE:required' : `QC-${column.qualicharge}`;
				const evse = row.id_pdc_local ? ` (EVSE ${String(row.id_pdc_local)})` : '';
				problems.push({ rule: where, field: column.name, message: `${missingHint(column.name)}${column.station ? '' : evse}` });
			}
		}
	}
	return { locationId, stationId, rows, problems, notes };
}
