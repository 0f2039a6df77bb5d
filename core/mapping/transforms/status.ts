/** EVSE status words as asset systems write them → OCPI Status (the same nine values in 2.2.1 and 2.1.1). */
import { STATUSES, type Status } from '../../ocpi/v221/enums';
import { findAllowedValue, mapValue, type ValueMap, type ValueMapEntry, type ValueMapPreset } from './valueMap';
import type { TransformResult } from './result';

function entries(status: Status, words: readonly string[]): Array<[string, ValueMapEntry<Status>]> {
	return words.map((word) => [word, Object.freeze({ value: status })]);
}

export const STATUS_PRESET: ValueMapPreset<Status> = Object.freeze({
	valueLabel: 'OCPI Status',
	allowedValues: STATUSES,
	entries: Object.freeze(
		Object.fromEntries([
			...entries('AVAILABLE', ['in service', 'operational', 'active', 'available', 'free']),
			...entries('CHARGING', ['charging', 'occupied', 'in use']),
			...entries('OUTOFORDER', ['faulty', 'out of order', 'error', 'broken']),
			...entries('INOPERATIVE', ['inoperative', 'disabled', 'maintenance', 'blocked by operator']),
			...entries('PLANNED', ['planned', 'under construction', 'commissioning']),
			...entries('REMOVED', ['decommissioned', 'removed', 'deleted', 'retired']),
			...entries('RESERVED', ['reserved']),
			...entries('BLOCKED', ['blocked']),
			...entries('UNKNOWN', ['unknown', 'offline']),
		]),
	),
	parseTarget: (text: string) => findAllowedValue(STATUSES, text),
});

export function mapStatus(map: ValueMap<Status>, raw: unknown, fieldLabel = 'status'): TransformResult<Status> {
	return mapValue(map, raw, fieldLabel);
}
