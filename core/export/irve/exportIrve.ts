/**
 * Locations → the IRVE statique file. Every row is checked against every column rule of the schema and
 * every QualiCharge rule implemented here before the file is written; a station with any problem is
 * withheld whole (all its rows), so the file never holds a half station and QC-47 holds for what is written.
 */
import { countryByAlpha3 } from '../../reference/countryLookup';
import type { OcpiLocationView } from '../shared/ocpiView';
import type { ExportProblem, SkippedLocation, WithheldObject } from '../shared/problem';
import { stationDataFor, type ReferenceTable } from '../shared/stationData';
import { buildIrveStation, type IrveStation } from './buildRows';
import { checkCell } from './columnRules';
import { IRVE_COLUMNS, type IrveRow } from './columns';
import { irveCsv } from './csv';
import { fileProblems, rowProblems } from './qualichargeRules';

export interface IrveExportOptions {
	referenceTable?: ReferenceTable;
	/** ISO alpha-2 countries whose Locations belong in this file; others are skipped and listed. Default FR. */
	countries?: readonly string[];
}

export interface IrveExportResult {
	csv: string;
	rows: IrveRow[];
	/** Exported stations, in input order. */
	stations: Array<{ locationId: string; stationId: string; rows: number; notes: string[] }>;
	withheld: WithheldObject[];
	skipped: SkippedLocation[];
}

function countryOf(location: OcpiLocationView): string {
	const alpha3 = String(location.country ?? '');
	return countryByAlpha3(alpha3)?.alpha2 ?? alpha3;
}

/** Problem texts once each, per station (a missing station column shows on every row). */
function addUnique(list: ExportProblem[], problem: ExportProblem): void {
	if (!list.some((known) => known.rule === problem.rule && known.field === problem.field && known.message === problem.message)) list.push(problem);
}

export function exportIrve(locations: readonly OcpiLocationView[], options: IrveExportOptions = {}): IrveExportResult {
	const countries = options.countries ?? ['FR'];
	const table = options.referenceTable ?? {};
	const skipped: SkippedLocation[] = [];
	const stations: IrveStation[] = [];
	for (const location of locations) {
		const country = countryOf(location);
		if (!countries.includes(country)) {
			skipped.push({ locationId: String(location.id ?? ''), country });
			continue;
		}
		stations.push(buildIrveStation(location, stationDataFor(table, String(location.id ?? ''), (location as Record<string, unknown>)._afir)));
	}
	const problemsOf = stations.map((station) => [...station.problems]);
	const allRows: IrveRow[] = [];
	const stationOfRow: number[] = [];
	stations.forEach((station, index) => {
		for (const row of station.rows) {
			for (const column of IRVE_COLUMNS) {
				// a missing required value is already reported with where to add it
				if (row[column.name] === undefined) continue;
				for (const problem of checkCell(column, row[column.name])) addUnique(problemsOf[index], problem);
			}
			for (const problem of rowProblems(row)) addUnique(problemsOf[index], problem);
			allRows.push(row);
			stationOfRow.push(index);
		}
	});
	for (const { row, ...problem } of fileProblems(allRows)) addUnique(problemsOf[stationOfRow[row]], problem);
	const withheld: WithheldObject[] = [];
	const exported: IrveExportResult['stations'] = [];
	const rows: IrveRow[] = [];
	stations.forEach((station, index) => {
		if (problemsOf[index].length > 0) {
			withheld.push({ format: 'irve', locationId: station.locationId, stationId: station.stationId, problems: problemsOf[index] });
			return;
		}
		rows.push(...station.rows);
		exported.push({ locationId: station.locationId, stationId: station.stationId!, rows: station.rows.length, notes: station.notes });
	});
	return { csv: irveCsv(rows), rows, stations: exported, withheld, skipped };
}
