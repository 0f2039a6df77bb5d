/** What a caller can set when starting the sample asset API, and the defaults. */
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
