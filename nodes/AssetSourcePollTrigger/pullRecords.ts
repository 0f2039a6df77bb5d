/**
 * The polling trigger's pull: the shared asset-source read (core/assetSource's pull loop through
 * nodes/shared/assetSourceHttp.ts) within n8n's poll budget. A failed request throws (the poll fails,
 * nothing is emitted, no state changes).
 */
import type { IPollFunctions } from 'n8n-workflow';
import type { ReadPagesResult } from '../../core/assetSource';
import { readAssetList, type AssetListRequest } from '../shared/assetSourceHttp';

export type PullRequest = Omit<AssetListRequest, 'budgetMs' | 'onLaterPageError'>;

export type PullResult = ReadPagesResult;

/** n8n 2.41+ tells pollers how long they may take; older versions have no such call. */
function pollBudgetMs(context: IPollFunctions): number | undefined {
	const getBudget = (context as unknown as { getPollBudgetMs?: () => number }).getPollBudgetMs;
	if (typeof getBudget !== 'function') return undefined;
	const budget = Number(getBudget.call(context));
	return Number.isFinite(budget) && budget > 0 ? budget : undefined;
}

export async function pullRecords(context: IPollFunctions, request: PullRequest): Promise<PullResult> {
	return await readAssetList(context, { ...request, budgetMs: pollBudgetMs(context), onLaterPageError: 'throw' });
}
