/** `npm run asset-api -- --port 8271 --data .asset-data/assets.json`: the sample asset API as a process. */
import { parseFlags } from '../shared/http';
import { DEFAULTS } from './options';
import { startSampleAssetApi } from './server';

function whole(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
	return n;
}

async function main(): Promise<void> {
	const flags = parseFlags(process.argv.slice(2));
	if (flags.help) {
		console.log('Flags: --port 8271 --host 127.0.0.1 --data .asset-data/assets.json --api-key sample-asset-key --webhook-url <url> --webhook-secret <secret> --sites 30 --seed 8271 --default-page-size 100 --changed-fields-only --fail-list-page 2');
		return;
	}
	const api = await startSampleAssetApi({
		port: whole('port', flags.port, DEFAULTS.port, 0, 65535),
		host: flags.host,
		dataFile: flags.data ?? DEFAULTS.dataFile,
		apiKey: flags['api-key'],
		webhookUrl: flags['webhook-url'],
		webhookSecret: flags['webhook-secret'],
		sites: whole('sites', flags.sites, 30, 0, 100000),
		seed: flags.seed === undefined ? undefined : whole('seed', flags.seed, 0, 0, 2 ** 32 - 1),
		defaultPageSize: flags['default-page-size'] === undefined ? undefined : whole('default-page-size', flags['default-page-size'], 100, 1, DEFAULTS.maxPageSize),
		changedFieldsOnly: flags['changed-fields-only'] === 'true',
		faults: flags['fail-list-page'] === undefined ? undefined : { failListPage: whole('fail-list-page', flags['fail-list-page'], 1, 1, 100000) },
	});
	console.log(`Sample asset API on ${api.url} (${api.store.list().length} chargers, data ${flags.data ?? DEFAULTS.dataFile})`);
	console.log(`  API key:   ${api.apiKey} (X-API-Key header or api_key query)`);
	console.log(`  chargers:  ${api.url}/api/chargers?api_key=${encodeURIComponent(api.apiKey)}`);
	if (flags['webhook-url']) console.log(`  webhooks → ${flags['webhook-url']} (log: ${api.url}/admin/webhooks)`);
	const stop = () => {
		api.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
