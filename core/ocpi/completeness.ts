/**
 * How complete the input behind a Location was: the `_completeness` metadata the Mapper writes, the Validator
 * carries and the Push reads before it marks any EVSE REMOVED (absence is evidence only after a complete read),
 * and the `_read` mark a source puts on each record it read.
 */
import { isRecord } from '../foundation/json';

/** On a source record: did it come from a read that returned every record of its group (or of everything)? */
export interface SourceReadMark {
	complete: boolean;
	scope: 'all' | 'group';
	group?: string;
	/** Why the read is not complete, in words an operator understands. */
	reason?: string;
	/** When the read began (ISO 8601): nothing the CPMS learnt after it can be contradicted by it. */
	readAt?: string;
}

export interface RefusedSource {
	/** Index of the input item. */
	item: number;
	assetId?: string;
	reason: string;
}

export interface LocationCompleteness {
	/** True only when every contributing record came from a complete read and none of the Location's records was refused. */
	complete: boolean;
	/** Why not complete (empty when complete). */
	reasons: string[];
	/** How many input items contributed. */
	sources: number;
	/** Records of this Location (or of no readable Location) that could not be used. */
	refused: RefusedSource[];
	/** The earliest read time of the contributing records (else the Mapper's run time). */
	readAt?: string;
}

export const READ_MARK_KEY = '_read';
export const COMPLETENESS_KEY = '_completeness';

/** The `_read` mark of a source item, when it has a usable one. */
export function readMarkOf(item: unknown): SourceReadMark | undefined {
	const mark = isRecord(item) ? item[READ_MARK_KEY] : undefined;
	if (!isRecord(mark) || typeof mark.complete !== 'boolean') return undefined;
	return mark as unknown as SourceReadMark;
}

/** The `_completeness` of a Location; undefined when it has none (or a malformed one: then it says nothing). */
export function completenessOf(location: unknown): LocationCompleteness | undefined {
	const mark = isRecord(location) ? location[COMPLETENESS_KEY] : undefined;
	if (!isRecord(mark) || typeof mark.complete !== 'boolean') return undefined;
	return {
		complete: mark.complete,
		reasons: Array.isArray(mark.reasons) ? mark.reasons.map(String) : [],
		sources: typeof mark.sources === 'number' ? mark.sources : 0,
		refused: Array.isArray(mark.refused) ? (mark.refused as RefusedSource[]) : [],
		readAt: typeof mark.readAt === 'string' ? mark.readAt : undefined,
	};
}
