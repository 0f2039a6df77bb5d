/** Turns the trigger's parameters into a pull plan and core change-detection options; a wrong setting throws. */
import { NodeOperationError, type IPollFunctions } from 'n8n-workflow';
import { isFirstRunPolicy, type FirstRunPolicy, type PaginationConfig } from '../../core/changeDetection';
import { numberParameter, readPagination, readQuery, textParameter, type ParameterReader } from '../shared/assetSourceSettings';

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

function text(context: IPollFunctions, name: string, fallback = ''): string {
	return textParameter((n, f) => context.getNodeParameter(n, f as string), name, fallback);
}

function number(context: IPollFunctions, name: string, fallback: number): number {
	return numberParameter((n, f) => context.getNodeParameter(n, f as number), name, fallback);
}

export function readPollSettings(context: IPollFunctions): PollSettings {
	const changeDetection = text(context, 'changeDetection', 'incremental');
	if (changeDetection !== 'incremental' && changeDetection !== 'snapshot') {
		throw new NodeOperationError(context.getNode(), `Unknown change detection '${changeDetection}'`);
	}
	const firstRun = text(context, 'firstRun', 'emitAll');
	if (!isFirstRunPolicy(firstRun)) throw new NodeOperationError(context.getNode(), `Unknown first-run policy '${firstRun}'`);
	const idField = text(context, 'idField', 'id');
	if (idField === '') throw new NodeOperationError(context.getNode(), 'ID Field is empty', { description: 'Name the field that holds each record\'s ID.' });
	const incremental = changeDetection === 'incremental';
	const updatedAtField = text(context, 'updatedAtField', 'updated_at');
	const updatedSinceParam = incremental ? text(context, 'updatedSinceParam', 'updated_since') : '';
	if (incremental && (updatedAtField === '' || updatedSinceParam === '')) {
		throw new NodeOperationError(context.getNode(), 'Incremental change detection needs an Updated-At Field and an Updated-Since Parameter', {
			description: 'Fill both in, or choose Snapshot Diff.',
		});
	}
	const wholeGroup = !incremental && context.getNodeParameter('emitWholeGroup', false) === true;
	const groupBy = wholeGroup ? text(context, 'groupByField', '') : '';
	if (wholeGroup && groupBy === '') {
		throw new NodeOperationError(context.getNode(), 'Group By Field is empty', { description: 'Name the field that says which group a record belongs to, e.g. site_id, or turn off Emit Whole Group on Change.' });
	}
	const read: ParameterReader = (name, fallback) => context.getNodeParameter(name, fallback as string);
	return {
		path: text(context, 'path', '/'),
		query: readQuery(read),
		recordsPath: text(context, 'recordsPath', ''),
		idField,
		updatedAtField,
		createdAtField: incremental ? text(context, 'createdAtField', '') : '',
		pagination: readPagination(read, context.getNode()),
		changeDetection,
		updatedSinceParam,
		overlapSeconds: Math.max(0, number(context, 'overlapSeconds', 60)),
		sortedByUpdatedAt: incremental && context.getNodeParameter('sortedByUpdatedAt', false) === true,
		firstRun,
		groupBy,
	};
}
