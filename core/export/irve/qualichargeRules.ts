/**
 * The QualiCharge data-quality rules that apply to static data, by their number in QualiCharge's rulebook
 * (https://github.com/MTES-MCT/qualicharge/blob/main/docs/schemas.md, "Extra quality controls" and
 * "Consistency rules for batch submissions"). Row rules look at one row; file rules at all rows together.
 * Rules on statuses and sessions (dynamic data) do not apply here; rule 2's check against the INSEE
 * register needs that register and is limited to the code's format; rule 34 (supplier-specific num_pdl
 * formats) is not implemented.
 */
import type { ExportProblem } from '../shared/problem';
import { AFIREV_PDC_PATTERN, AFIREV_STATION_PATTERN } from './afirevIds';
import type { IrveRow } from './columns';

export interface RowProblem extends ExportProblem {
	/** Index of the row the problem is on. */
	row: number;
}

const blank = (value: unknown) => value === undefined || value === '';

/** Approximate bounding boxes of the French territory (metropolitan France with Corsica, and the overseas departments and collectivities). */
const FRENCH_TERRITORY: ReadonlyArray<[number, number, number, number]> = [
	// [min lon, min lat, max lon, max lat]
	[-5.3, 41.2, 9.7, 51.2], // metropolitan France and Corsica
	[-61.9, 15.8, -60.9, 16.6], // Guadeloupe
	[-61.3, 14.3, -60.8, 14.9], // Martinique
	[-54.7, 2.0, -51.5, 5.9], // French Guiana
	[55.2, -21.5, 55.9, -20.8], // La Réunion
	[44.9, -13.1, 45.4, -12.6], // Mayotte
	[-56.5, 46.7, -56.1, 47.2], // Saint-Pierre-et-Miquelon
	[-63.2, 17.8, -62.7, 18.2], // Saint-Martin, Saint-Barthélemy
];

export function inFrenchTerritory(lon: number, lat: number): boolean {
	return FRENCH_TERRITORY.some(([minLon, minLat, maxLon, maxLat]) => lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat);
}

/** SIREN numbers carry a Luhn check digit. */
export function validSiren(siren: string): boolean {
	if (!/^\d{9}$/.test(siren)) return false;
	let sum = 0;
	for (let i = 0; i < 9; i++) {
		let digit = Number(siren[8 - i]);
		if (i % 2 === 1) {
			digit *= 2;
			if (digit > 9) digit -= 9;
		}
		sum += digit;
	}
	return sum % 10 === 0;
}

type RowRule = (row: IrveRow) => Omit<ExportProblem, 'rule'> | undefined;

/** Row rules by QualiCharge number (required-column rules 2, 6, 7 are reported with the missing data). */
export const ROW_RULES: ReadonlyArray<[string, RowRule]> = [
	['QC-1', (row) => (typeof row.puissance_nominale === 'number' && row.puissance_nominale >= 4000 ? { field: 'puissance_nominale', message: `puissance_nominale ${row.puissance_nominale} kW must be lower than 4000 kW` } : undefined)],
	['QC-39', (row) => (typeof row.puissance_nominale === 'number' && row.puissance_nominale <= 1.3 ? { field: 'puissance_nominale', message: `puissance_nominale ${row.puissance_nominale} kW must be greater than 1.3 kW` } : undefined)],
	[
		'QC-3',
		(row) => {
			const match = /^\[(-?[\d.]+),(-?[\d.]+)\]$/.exec(String(row.coordonneesXY ?? ''));
			if (!match) return undefined;
			return inFrenchTerritory(Number(match[1]), Number(match[2])) ? undefined : { field: 'coordonneesXY', message: `coordonneesXY ${String(row.coordonneesXY)} lies outside the French territory` };
		},
	],
	[
		'QC-20',
		(row) => {
			const dc = row.prise_type_combo_ccs === true || row.prise_type_chademo === true;
			const direct = blank(row.raccordement) || row.raccordement === 'Direct';
			if (!dc || !direct) return undefined;
			if (blank(row.num_pdl)) return { field: 'num_pdl', message: 'num_pdl (the grid delivery point) is required for a DC station connected directly: add it to the reference table' };
			return /\s/.test(String(row.num_pdl)) ? { field: 'num_pdl', message: `num_pdl '${String(row.num_pdl)}' must not contain spaces` } : undefined;
		},
	],
	['QC-23', (row) => (!blank(row.id_station_itinerance) && !AFIREV_STATION_PATTERN.test(String(row.id_station_itinerance)) ? { field: 'id_station_itinerance', message: `id_station_itinerance '${String(row.id_station_itinerance)}' does not match the AFIREV pattern FRxxxPxxxx` } : undefined)],
	['QC-24', (row) => (!blank(row.id_pdc_itinerance) && !AFIREV_PDC_PATTERN.test(String(row.id_pdc_itinerance)) ? { field: 'id_pdc_itinerance', message: `id_pdc_itinerance '${String(row.id_pdc_itinerance)}' does not match the AFIREV pattern FRxxxExxxx` } : undefined)],
	['QC-55', (row) => (!blank(row.siren_amenageur) && !validSiren(String(row.siren_amenageur)) ? { field: 'siren_amenageur', message: `siren_amenageur '${String(row.siren_amenageur)}' has a wrong check digit` } : undefined)],
];

/** QualiCharge consistency rule one: these columns are identical on every row of an id_station_itinerance. */
export const STATION_CONSISTENT_COLUMNS = [
	'nom_amenageur', 'siren_amenageur', 'contact_amenageur', 'nom_operateur', 'contact_operateur', 'telephone_operateur', 'nom_enseigne',
	'nom_station', 'implantation_station', 'nbre_pdc', 'condition_acces', 'horaires', 'station_deux_roues', 'date_maj', 'num_pdl',
	'id_station_local', 'raccordement', 'date_mise_en_service', 'coordonneesXY',
] as const;

/** QualiCharge consistency rule two: these columns are identical for every row with the same coordonneesXY. */
export const PLACE_CONSISTENT_COLUMNS = ['adresse_station', 'code_insee_commune'] as const;

function groupBy(rows: readonly IrveRow[], key: string): Map<string, number[]> {
	const groups = new Map<string, number[]>();
	rows.forEach((row, index) => {
		const value = row[key];
		if (blank(value)) return;
		const list = groups.get(String(value));
		if (list) list.push(index);
		else groups.set(String(value), [index]);
	});
	return groups;
}

function consistency(rows: readonly IrveRow[], key: string, columns: readonly string[], rule: string, problems: RowProblem[]): void {
	for (const [value, indexes] of groupBy(rows, key)) {
		for (const column of columns) {
			const seen = new Set(indexes.map((index) => String(rows[index][column] ?? '')));
			if (seen.size <= 1) continue;
			for (const row of indexes) problems.push({ row, rule, field: column, message: `${column} differs between rows with ${key} ${value}: ${[...seen].map((v) => `'${v}'`).join(' vs ')}` });
		}
	}
}

/** File rules: uniqueness, the two consistency rules and QualiCharge 30, 47, 48, 54. */
export function fileProblems(rows: readonly IrveRow[]): RowProblem[] {
	const problems: RowProblem[] = [];
	for (const [id, indexes] of groupBy(rows, 'id_pdc_itinerance')) {
		if (indexes.length > 1) for (const row of indexes) problems.push({ row, rule: 'IRVE:unique', field: 'id_pdc_itinerance', message: `id_pdc_itinerance ${id} appears on ${indexes.length} rows; it is the file's primary key` });
	}
	consistency(rows, 'id_station_itinerance', STATION_CONSISTENT_COLUMNS, 'QC-CR1', problems);
	consistency(rows, 'coordonneesXY', PLACE_CONSISTENT_COLUMNS, 'QC-CR2', problems);
	for (const [station, indexes] of groupBy(rows, 'id_station_itinerance')) {
		if (indexes.length >= 50) for (const row of indexes) problems.push({ row, rule: 'QC-30', field: 'id_station_itinerance', message: `station ${station} has ${indexes.length} charge points; QualiCharge expects fewer than 50` });
		const declared = Number(rows[indexes[0]].nbre_pdc);
		if (Number.isFinite(declared) && indexes.length < declared) {
			for (const row of indexes) problems.push({ row, rule: 'QC-47', field: 'nbre_pdc', message: `station ${station} declares nbre_pdc ${declared} but the file has ${indexes.length} of its charge points` });
		}
	}
	const operatorByPrefix = new Map<string, Map<string, number[]>>();
	rows.forEach((row, index) => {
		if (blank(row.id_station_itinerance)) return;
		const prefix = String(row.id_station_itinerance).slice(0, 5);
		const operators = operatorByPrefix.get(prefix) ?? new Map<string, number[]>();
		operatorByPrefix.set(prefix, operators);
		const name = String(row.nom_operateur ?? '');
		operators.set(name, [...(operators.get(name) ?? []), index]);
	});
	for (const [prefix, operators] of operatorByPrefix) {
		if (operators.size <= 1) continue;
		const names = [...operators.keys()].map((name) => `'${name}'`).join(', ');
		for (const indexes of operators.values()) for (const row of indexes) problems.push({ row, rule: 'QC-48', field: 'nom_operateur', message: `stations with the prefix ${prefix} name different operators: ${names}` });
	}
	for (const [siren, indexes] of groupBy(rows, 'siren_amenageur')) {
		const names = new Set(indexes.map((index) => String(rows[index].nom_amenageur ?? '')));
		if (names.size > 1) for (const row of indexes) problems.push({ row, rule: 'QC-54', field: 'nom_amenageur', message: `SIREN ${siren} is given with different nom_amenageur: ${[...names].map((n) => `'${n}'`).join(', ')}` });
	}
	return problems;
}

/** Row rules for one row. */
export function rowProblems(row: IrveRow): ExportProblem[] {
	const problems: ExportProblem[] = [];
	for (const [rule, check] of ROW_RULES) {
		const found = check(row);
		if (found) problems.push({ rule, ...found });
	}
	return problems;
}
