/**
 * What a trigger does the first time it runs (no state yet): 'emitAll' sends every record it finds as
 * created; 'baseline' only records what exists, so only later changes are emitted.
 */
export type FirstRunPolicy = 'emitAll' | 'baseline';

export const FIRST_RUN_POLICIES: readonly FirstRunPolicy[] = ['emitAll', 'baseline'];

export function isFirstRunPolicy(value: unknown): value is FirstRunPolicy {
	return value === 'emitAll' || value === 'baseline';
}
