/** Reads the AFIR Export parameters into core options; a wrong setting is a NodeOperationError. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import { parseReferenceTable, type ReferenceTable } from '../../core/export';
import type { ServiceType } from '../../core/export/datex';

export interface ExportSettings {
	format: 'irve' | 'datex';
	referenceTable: ReferenceTable;
	countries?: string[];
	fileName: string;
	binaryPropertyName: string;
	locationField: string;
	publisherId: string;
	language: string;
	informationStatus: 'real' | 'test';
	serviceType: ServiceType;
	sitesNotInInput: 'keep' | 'drop';
	tableName?: string;
	previous?: unknown;
}

interface ExportOptions {
	countries?: string;
	fileName?: string;
	binaryPropertyName?: string;
	locationField?: string;
	language?: string;
	informationStatus?: 'real' | 'test';
	serviceType?: ServiceType;
	sitesNotInInput?: 'keep' | 'drop';
	tableName?: string;
	previousPublication?: unknown;
}

function parsedJson(context: IExecuteFunctions, value: unknown, what: string): unknown {
	if (typeof value !== 'string') return value;
	if (value.trim() === '') return undefined;
	try {
		return JSON.parse(value) as unknown;
	} catch (error) {
		throw new NodeOperationError(context.getNode(), `${what} is not valid JSON: ${(error as Error).message}`);
	}
}

export function readExportSettings(context: IExecuteFunctions): ExportSettings {
	const format = context.getNodeParameter('format', 0) as 'irve' | 'datex';
	const options = context.getNodeParameter('options', 0, {}) as ExportOptions;
	let referenceTable: ReferenceTable;
	try {
		referenceTable = parseReferenceTable(parsedJson(context, context.getNodeParameter('referenceData', 0, ''), 'Reference Data'));
	} catch (error) {
		throw error instanceof NodeOperationError ? error : new NodeOperationError(context.getNode(), `Reference Data: ${(error as Error).message}`);
	}
	const countries = options.countries?.split(',').map((code) => code.trim().toUpperCase()).filter(Boolean);
	const language = (options.language ?? 'de').trim().toLowerCase();
	if (!/^[a-z]{2}$/.test(language)) throw new NodeOperationError(context.getNode(), `Language '${language}' is not an ISO 639-1 code such as 'de'`);
	const publisherId = format === 'datex' ? String(context.getNodeParameter('publisherId', 0, '')).trim() : '';
	if (format === 'datex' && publisherId === '') throw new NodeOperationError(context.getNode(), 'Publisher ID is required for DATEX II: your identifier at the national access point');
	const previous = format === 'datex' ? parsedJson(context, options.previousPublication, 'Previous Publication') : undefined;
	return {
		format,
		referenceTable,
		countries: countries && countries.length > 0 ? countries : undefined,
		fileName: options.fileName?.trim() || (format === 'irve' ? 'irve-statique.csv' : 'afir-datex-table.json'),
		binaryPropertyName: options.binaryPropertyName?.trim() || 'data',
		locationField: options.locationField?.trim() ?? '',
		publisherId,
		language,
		informationStatus: options.informationStatus ?? 'real',
		serviceType: options.serviceType ?? 'unattended',
		sitesNotInInput: options.sitesNotInInput ?? 'keep',
		tableName: options.tableName?.trim() || undefined,
		previous: previous === null ? undefined : previous,
	};
}
