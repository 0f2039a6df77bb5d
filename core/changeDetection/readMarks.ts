/**
 * The `_read` mark the polling trigger puts on every item: may the next nodes treat the item's group as read
 * whole? Only items of a whole group emitted after a complete pull (Emit Whole Group on Change) may; a
 * capped or failed pull, an incremental poll, a record without a group or a removal notice may not, and the
 * mark says why in words an operator understands. The Mapper turns the marks into a Location's
 * `_completeness`, and the Push marks EVSEs REMOVED only for complete Locations.
 */
import type { SourceReadMark } from '../ocpi/completeness';
import type { GroupedChange } from './groupExpansion';

export interface PullSummary {
	/** True only when the last page was reached (no page cap, no poll budget stop). */
	complete: boolean;
	/** Why the pull ended (e.g. the page cap), shown when it was not complete. */
	reason: string;
	/** When the pull began (ISO 8601). */
	readAt: string;
}

/** Incremental polls and snapshot diffs without groups emit changed records only, never whole sites. */
export function changedRecordsMark(detection: 'incremental' | 'snapshot', pull: PullSummary): SourceReadMark {
	const reason =
		detection === 'incremental'
			? 'an incremental poll emits the records changed since the last poll, not whole sites'
			: 'a snapshot diff without Emit Whole Group on Change emits the changed records, not whole sites';
	return { complete: false, scope: 'all', reason, readAt: pull.readAt };
}

/** A whole-group emission: complete only for current records of a group after a complete pull. */
export function groupMark(change: GroupedChange, group: string | undefined, pull: PullSummary): SourceReadMark {
	const base = { readAt: pull.readAt };
	if (change === 'removed') {
		const reason = group === undefined ? 'a removal notice, not a record' : `a removal notice: every record of group '${group}' is gone from the asset system`;
		return { complete: false, scope: 'group', ...(group === undefined ? {} : { group }), reason, ...base };
	}
	if (group === undefined) return { complete: false, scope: 'all', reason: 'the record has no value in the Group By Field, so it was read on its own', ...base };
	if (!pull.complete) return { complete: false, scope: 'group', group, reason: `the poll did not read every record (${pull.reason})`, ...base };
	return { complete: true, scope: 'group', group, ...base };
}
