/**
 * Runs the export over all input Locations and shapes the two outputs: the file (one item, binary, with a
 * summary) and one problem item per station or site withheld. Every input item ends in exactly one of them.
 */
import { get } from 'lodash';
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { datex, irve, type WithheldObject } from '../../core/export';
import type { OcpiLocationView } from '../../core/export/shared/ocpiView';
import type { ExportSettings } from './readExportSettings';

interface ExportRun {
	content: string;
	mimeType: string;
	summary: IDataObject;
	withheld: WithheldObject[];
}

function runExport(settings: ExportSettings, locations: OcpiLocationView[], now: Date): ExportRun {
	if (settings.format === 'irve') {
		const result = irve.exportIrve(locations, { referenceTable: settings.referenceTable, countries: settings.countries });
		const summary = { format: 'irve', stations: result.stations.length, rows: result.rows.length, withheld: result.withheld.length, skipped: result.skipped, exported: result.stations };
		return { content: result.csv, mimeType: 'text/csv', summary: summary as unknown as IDataObject, withheld: result.withheld };
	}
	const result = datex.exportDatex(locations, {
		publicationCreator: { country: settings.countries?.[0] ?? 'DE', nationalIdentifier: settings.publisherId },
		now,
		lang: settings.language,
		serviceType: settings.serviceType,
		informationStatus: settings.informationStatus,
		tableName: settings.tableName,
		countries: settings.countries,
		referenceTable: settings.referenceTable,
		previous: settings.previous,
		sitesNotInInput: settings.sitesNotInInput,
	});
	const summary = {
		format: 'datex',
		sites: result.sites.length,
		withheld: result.withheld.length,
		carriedOver: result.withheld.filter((site) => site.carriedOver).map((site) => site.stationId),
		keptFromPrevious: result.keptFromPrevious,
		skipped: result.skipped,
		exported: result.sites,
	};
	return { content: result.json, mimeType: 'application/json', summary: summary as unknown as IDataObject, withheld: result.withheld };
}

export async function exportItems(context: IExecuteFunctions, settings: ExportSettings, items: INodeExecutionData[], now: Date): Promise<INodeExecutionData[][]> {
	const problems: INodeExecutionData[] = [];
	const locations: OcpiLocationView[] = [];
	const itemsById = new Map<string, number[]>();
	items.forEach((item, index) => {
		const location = (settings.locationField === '' ? item.json : get(item.json, settings.locationField)) as unknown;
		const id = location !== null && typeof location === 'object' ? (location as OcpiLocationView).id : undefined;
		if (typeof id !== 'string' || id === '') {
			problems.push({ json: { format: settings.format, problems: [{ rule: 'input', message: 'the item holds no OCPI Location with an id' }], summary: 'the item holds no OCPI Location with an id' }, pairedItem: { item: index } });
			return;
		}
		locations.push(location as OcpiLocationView);
		itemsById.set(id, [...(itemsById.get(id) ?? []), index]);
	});
	const run = runExport(settings, locations, now);
	const withheldItems = new Set<number>();
	for (const withheld of run.withheld) {
		const sources = itemsById.get(withheld.locationId) ?? [];
		sources.forEach((index) => withheldItems.add(index));
		const summary = withheld.problems.map((problem) => `${problem.rule}: ${problem.message}`).join('; ');
		problems.push({ json: { ...withheld, summary } as unknown as IDataObject, pairedItem: sources.map((item) => ({ item })) });
	}
	const inFile = [...itemsById.values()].flat().filter((index) => !withheldItems.has(index)).sort((a, b) => a - b);
	const binary = await context.helpers.prepareBinaryData(Buffer.from(run.content, 'utf8'), settings.fileName, run.mimeType);
	const file: INodeExecutionData = {
		json: { fileName: settings.fileName, ...run.summary },
		binary: { [settings.binaryPropertyName]: binary },
		pairedItem: inFile.map((item) => ({ item })),
	};
	return [[file], problems];
}
