export { FIRST_RUN_POLICIES, isFirstRunPolicy, type FirstRunPolicy } from './firstRun';
export { diffSnapshot, type SnapshotChange, type SnapshotDiff, type SnapshotDiffOptions, type SnapshotItem, type SnapshotState } from './snapshotDiff';
export {
	acceptIncremental,
	heldIncrementalState,
	incrementalChangeKind,
	emptyIncrementalState,
	incrementalQuery,
	type AcceptOptions,
	type AcceptResult,
	type IncrementalEmit,
	type IncrementalItem,
	type IncrementalOptions,
	type IncrementalQuery,
	type IncrementalState,
	type SeenRecord,
} from './incremental';
export { linkWithRel, parseLinkHeader, type LinkValue } from './linkHeader';
export { firstPageUrl, nextPage, PAGINATION_DEFAULTS, type PageResponse, type PageStep, type PaginationConfig, type PaginationKind } from './pagination';
export { idKey } from './recordId';
export { expandGroups, type GroupedChange, type GroupedItem, type GroupExpansion, type GroupExpansionOptions, type GroupState } from './groupExpansion';
export { changedRecordsMark, groupMark, type PullSummary } from './readMarks';
export {
	dueForRedelivery,
	MAX_PENDING_DELIVERIES,
	MAX_UNANSWERED_EMISSIONS,
	readPending,
	recordEmission,
	runOutcome,
	settleEmission,
	type DeliveryChange,
	type DueDeliveries,
	type EmittedChange,
	type PendingDeliveries,
	type PendingDelivery,
	type RecordedEmission,
	type RunOutcome,
	type RunSummary,
} from './pendingDeliveries';
export { redeliveries, type CurrentRecord, type Redelivery, type RedeliveryItem, type RedeliveryOptions } from './redelivery';
