/**
 * Whether an event's record is the whole record or only a notice that it changed: some systems send only the
 * changed fields, or only ids (deletes, bulk events). Such a record must not be mapped as if it were complete
 * (a missing `outlets` is not "no connectors"): the receiver flags it so the workflow fetches the full record
 * or its whole group.
 */
import { compilePath } from '../foundation/path';

export interface ChangeNotice {
	/** True when the record is not a full record: only its id, or without one of the full-record fields. */
	partial: boolean;
	/** Full-record fields it lacks (empty when none were named or all are there). */
	missingFields: string[];
}

export function changeNotice(record: Record<string, unknown>, idField: string, fullRecordFields: readonly string[] = []): ChangeNotice {
	const missingFields = fullRecordFields.filter((field) => compilePath(field)(record) === undefined);
	const idRoot = idField.split('.')[0];
	const onlyId = Object.keys(record).every((key) => key === idRoot);
	return { partial: onlyId || missingFields.length > 0, missingFields };
}
