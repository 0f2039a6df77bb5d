/** Shapes the engine's result into the items of the Locations and Unmappable outputs. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { CoverageRow, MappedLocation, MappingProfile, UnmappableItem } from '../../core/mapping';

export function locationItem(mapped: MappedLocation): INodeExecutionData {
	// pairedItem names every item that contributed, so n8n can trace a Location back to all its rows.
	return { json: mapped.location as IDataObject, pairedItem: mapped.sourceIndexes.map((item) => ({ item })) };
}

export function unmappableItem(unmappable: UnmappableItem, input: INodeExecutionData[]): INodeExecutionData {
	const { sourceIndex, reasons } = unmappable;
	return {
		json: { reasons, summary: reasons.join('; '), item: input[sourceIndex].json } as IDataObject,
		pairedItem: { item: sourceIndex },
	};
}

export function profileItem(profile: MappingProfile, input: INodeExecutionData[]): INodeExecutionData {
	return {
		json: { profile, profileJson: JSON.stringify(profile, null, 2) } as unknown as IDataObject,
		pairedItem: input.map((_, item) => ({ item })),
	};
}

/** One item per OCPI field: "connector.max_voltage ← voltsLN | voltsDC: mapped 230, mapped 920, mapped 500". */
export function coverageItems(rows: CoverageRow[]): INodeExecutionData[] {
	return rows.map((row) => {
		const onRecords = row.origins.map((origin, index) => `${origin}${row.values[index] === null ? '' : ` ${JSON.stringify(row.values[index])}`}`);
		const json: IDataObject = { field: row.field, source: row.source, from: row.origins[0] ?? 'none', onFirstRecords: onRecords.join('; ') };
		if (row.whenEmpty) json.whenEmpty = row.whenEmpty;
		const items = [...new Set(row.items)];
		return { json, pairedItem: items.length > 0 ? items.map((item) => ({ item })) : { item: 0 } };
	});
}
