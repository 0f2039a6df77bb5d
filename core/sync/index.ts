export { planLocationSync } from './planLocationSync';
export { fingerprintLocation } from './fingerprint';
export { canonical, equivalent, isUnset } from './equivalence';
export { idKey, sameId } from '../ocpi/ids';
export { stripMetadata, sameValue, diffFields } from './objectDiff';
export type { FieldChange, JsonObject, LocationIds, PlannedRequest, PlanOptions, SyncLevel, SyncPlan } from './types';
export { decideRemovals, type RemovalDecision, type WithheldRemoval } from './removals';
export { DEFAULT_STALENESS, staleSkip, type StalenessPolicy, type StaleSkip } from './staleness';
