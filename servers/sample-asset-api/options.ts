/** What a caller can set when starting the sample asset API, and the defaults. */
/** List faults: the given page of any list read (page number from 1, whatever the paging style) answers 500. */
export interface ListFaults {
	failListPage?: number;
	/** How many times the page fails before it answers again; default: every time. */
	failListPageTimes?: number;
}

export interface SampleAssetApiOptions {
	/** 0 picks a free port (tests). */
	port?: number;
	host?: string;
	/** JSON file holding the chargers; created from the generated network when missing; omitted = memory only. */
	dataFile?: string;
	apiKey?: string;
	/** Where every change is POSTed (besides subscriptions registered at /api/webhooks). */
	webhookUrl?: string;
	webhookSecret?: string;
	/** Size and seed of the generated network. */
	sites?: number;
	seed?: number;
	/** Waits between delivery attempts; its length + 1 is the number of attempts. */
	webhookRetryDelaysMs?: number[];
	webhookTimeoutMs?: number;
	/**
	 * When set, a list request without paging parameters is answered with the first page of this size (as many
	 * headless CMSs do), not with everything; the body says `page`, `per_page`, `total`, `total_pages`.
	 */
	defaultPageSize?: number;
	/** Update events carry only the fields that changed (and the id), as some CMSs send them. */
	changedFieldsOnly?: boolean;
	/** Faults to start with; also settable at run time with `setFaults`. */
	faults?: ListFaults;
	/** Injected clock (tests put two edits in the same second). */
	now?: () => number;
	quiet?: boolean;
}

export const DEFAULTS = {
	host: '127.0.0.1',
	port: 8271,
	dataFile: '.asset-data/assets.json',
	apiKey: 'sample-asset-key',
	webhookSecret: 'sample-webhook-secret',
	webhookRetryDelaysMs: [500, 2000, 5000],
	webhookTimeoutMs: 5000,
	webhookLogLimit: 500,
	bodyLimitBytes: 1024 * 1024,
	defaultPageSize: 20,
	maxPageSize: 100,
};
