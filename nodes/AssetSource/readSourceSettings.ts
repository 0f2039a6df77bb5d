/** The Asset Source node's parameters as plain settings; per-item values (group, record ID) are read per item. */
import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';
import type { PaginationConfig } from '../../core/changeDetection';
import { readPagination, readQuery, textParameter, type ParameterReader } from '../shared/assetSourceSettings';

export type SourceOperation = 'readAll' | 'readGroup' | 'readGroupsOfRecords';

export interface SourceSettings {
	operation: SourceOperation;
	path: string;
	query: Record<string, string>;
	recordsPath: string;
	pagination: PaginationConfig;
	groupField: string;
	groupParam: string;
	recordPath: string;
	/** Read All Records: output one item with this field of every record instead of the records ('' = records). */
	valuesOf: string;
}

export function readSourceSettings(context: IExecuteFunctions): SourceSettings {
	const read: ParameterReader = (name, fallback) => context.getNodeParameter(name, 0, fallback as string);
	const text = (name: string, fallback = '') => textParameter(read, name, fallback);
	const operation = text('operation', 'readAll');
	if (operation !== 'readAll' && operation !== 'readGroup' && operation !== 'readGroupsOfRecords') {
		throw new NodeOperationError(context.getNode(), `Unknown operation '${operation}'`);
	}
	const grouped = operation !== 'readAll';
	const settings: SourceSettings = {
		operation,
		path: text('path', '/'),
		query: readQuery(read),
		recordsPath: text('recordsPath', ''),
		pagination: readPagination(read, context.getNode()),
		groupField: grouped ? text('groupField', 'site_id') : '',
		groupParam: grouped ? text('groupParam', 'site_id') : '',
		recordPath: operation === 'readGroupsOfRecords' ? text('recordPath', '') : '',
		valuesOf: operation === 'readAll' ? text('options.valuesOf', '') : '',
	};
	if (grouped && (settings.groupField === '' || settings.groupParam === '')) {
		throw new NodeOperationError(context.getNode(), 'Group Field and Group Filter Parameter are needed to read a group', { description: 'Fill both in, e.g. site_id.' });
	}
	if (operation === 'readGroupsOfRecords' && settings.recordPath === '') {
		throw new NodeOperationError(context.getNode(), 'Record Path is empty', { description: 'Give the path of one record, e.g. /api/chargers/{id}.' });
	}
	return settings;
}
