/** `npm run cpms -- --port 8270 --data .cpms-data/cpms.sqlite`: the reference CPMS as a process. */
import { parseFlags } from '../shared/http';
import { isOcpiVersion, type OcpiVersion } from '../../core/ocpi/version';
import type { CallbackMode, TokenEncoding } from './options';
import { startReferenceCpms } from './server';
import { SUPPORTED_VERSIONS } from './versions';

const DEFAULT_DATA_FILE = '.cpms-data/cpms.sqlite';
// a fixed default so a demo can be scripted; pass --token-a for anything else
const DEFAULT_TOKEN_A = 'reference-cpms-token-a';

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
	if (value === undefined) return fallback;
	if ((allowed as readonly string[]).includes(value)) return value as T;
	throw new Error(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

/** `--versions 2.2.1,2.1.1`: the versions to speak, any subset. */
function versionsFlag(value: string | undefined): OcpiVersion[] | undefined {
	if (value === undefined) return undefined;
	const versions = value.split(',').map((version) => version.trim()).filter(Boolean);
	const unknown = versions.filter((version) => !isOcpiVersion(version));
	if (versions.length === 0 || unknown.length > 0) throw new Error(`--versions must list some of 2.3.0, 2.2.1, 2.1.1 (got "${value}")`);
	return versions as OcpiVersion[];
}

async function main(): Promise<void> {
	const flags = parseFlags(process.argv.slice(2));
	if (flags.help) {
		console.log('Flags: --port 8270 --host 127.0.0.1 --data .cpms-data/cpms.sqlite --token-a <token> --token <t1,t2> --token-encoding base64|plain|either --callback try|require|skip --public-url <url> --quirks (behave like real receivers within the spec) --last-updated kept|entry-time --versions 2.3.0,2.2.1,2.1.1 (any subset; default 2.2.1,2.1.1)');
		return;
	}
	const port = flags.port === undefined ? 8270 : Number(flags.port);
	if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number (got "${flags.port}")`);
	const cpms = await startReferenceCpms({
		port,
		host: flags.host,
		dataFile: flags.data ?? DEFAULT_DATA_FILE,
		tokenA: flags['token-a'] ?? DEFAULT_TOKEN_A,
		extraTokens: flags.token ? flags.token.split(',').filter(Boolean) : [],
		tokenEncoding: oneOf<TokenEncoding>('token-encoding', flags['token-encoding'], ['base64', 'plain', 'either'], 'base64'),
		credentialsCallback: oneOf<CallbackMode>('callback', flags.callback, ['try', 'require', 'skip'], 'try'),
		publicUrl: flags['public-url'],
		versions: versionsFlag(flags.versions),
		quirks: flags.quirks === 'true',
		// entry-time: replace last_updated with our own entry time, as some hubs do
		stampEntryTime: oneOf('last-updated', flags['last-updated'], ['kept', 'entry-time'], 'kept') === 'entry-time',
	});
	const tokenAState = cpms.store.isVoidTokenA(cpms.tokenA) ? ' (already used: void)' : '';
	console.log(`Reference CPMS on ${cpms.url}${flags.quirks === 'true' ? ' (with receiver quirks)' : ''}`);
	console.log(`  versions URL: ${cpms.versionsUrl} (OCPI ${(versionsFlag(flags.versions) ?? SUPPORTED_VERSIONS).join(', ')})`);
	console.log(`  token A:      ${cpms.tokenA}${tokenAState}`);
	console.log(`  web page:     ${cpms.url}/   request log: ${cpms.url}/admin/requests`);
	const stop = () => {
		cpms.close().then(() => process.exit(0), () => process.exit(1));
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
	console.error(error instanceof Error ? error.message : error);
	process.exit(1);
});
