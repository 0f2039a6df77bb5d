/** Turns the trigger's parameters into a pull plan and core change-detection options; a wrong setting throws. */
import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';
import { isFirstRunPolicy, type FirstRunPolicy, type PaginationConfig } from '../../core/changeDetection';
import { numberParameter, readPagination, readQuery, textParameter, type ParameterReader } from '../shared/assetSourceSettings';
import { versionedReader } from '../shared/optionsCollection';
import { POLL_OPTIONAL, pollTriggerFields } from './AssetSourcePollTrigger.properties';

export type ChangeDetection = 'incremental' | 'snapshot';

export interface PollSettings {
	path: string;
	query: Record<string, string>;
	recordsPath: string;
	idField: string;
	updatedAtField: string;
	createdAtField: string;
	pagination: PaginationConfig;
	changeDetection: ChangeDetection;
	updatedSinceParam: string;
	overlapSeconds: number;
	/** Incremental: the API returns records oldest change first, so a page-capped pull may advance the mark. */
	sortedByUpdatedAt: boolean;
	firstRun: FirstRunPolicy;
	/** Snapshot only: path of the group field (e.g. site_id) whose whole group is emitted on a change; '' = off. */
	groupBy: string;
}

/** The trigger's parameters, wherever its version shows them (top level, or the Options collection). */
export function pollParameters(context: IPollFunctions): ParameterReader {
	return versionedReader(context.getNode(), (name, fallback) => context.getNodeParameter(name, fallback as string), pollTriggerFields, POLL_OPTIONAL);
}

export function readPollSettings(context: IPollFunctions): PollSettings {
	const read = pollParameters(context);
	const text = (name: string, fallback = '') => textParameter(read, name, fallback);
	const number = (name: string, fallback: number) => numberParameter(read, name, fallback);
	const changeDetection = text('changeDetection', 'incremental');
	if (changeDetection !== 'incremental' && changeDetection !== 'snapshot') {
		throw new NodeOperationError(context.getNode(), `Unknown change detection '${changeDetection}'`);
	}
	const firstRun = text('firstRun', 'emitAll');
	if (!isFirstRunPolicy(firstRun)) throw new NodeOperationError(context.getNode(), `Unknown first-run policy '${firstRun}'`);
	const idField = text('idField', 'id');
	if (idField === '') throw new NodeOperationError(context.getNode(), 'ID Field is empty', { description: 'Name the field that holds each record\'s ID.' });
	const incremental = changeDetection === 'incremental';
	const updatedAtField = text('updatedAtField', 'updated_at');
	const updatedSinceParam = incremental ? text('updatedSinceParam', 'updated_since') : '';
	if (incremental && (updatedAtField === '' || updatedSinceParam === '')) {
		throw new NodeOperationError(context.getNode(), 'Incremental change detection needs an Updated-At Field and an Updated-Since Parameter', {
			description: 'Fill both in, or choose Snapshot Diff.',
		});
	}
	const wholeGroup = !incremental && read('emitWholeGroup', false) === true;
	const groupBy = wholeGroup ? text('groupByField', '') : '';
	if (wholeGroup && groupBy === '') {
		throw new NodeOperationError(context.getNode(), 'Group By Field is empty', { description: 'Name the field that says which group a record belongs to, e.g. site_id, or turn off Emit Whole Group on Change.' });
	}
	return {
		path: text('path', '/'),
		query: readQuery(read),
		recordsPath: text('recordsPath', ''),
		idField,
		updatedAtField,
		createdAtField: incremental ? text('createdAtField', '') : '',
		pagination: readPagination(read, context.getNode()),
		changeDetection,
		updatedSinceParam,
		overlapSeconds: Math.max(0, number('overlapSeconds', 60)),
		sortedByUpdatedAt: incremental && read('sortedByUpdatedAt', false) === true,
		firstRun,
		groupBy,
	};
}
