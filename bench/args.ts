/** Command-line flags of `npm run bench`; anything unknown stops the run before minutes are spent. */
export interface BenchArgs {
	locations: number;
	chunkSize: number;
	seed: number;
	/** Section names to run; empty means all. */
	only: string[];
	/** `--n8n`: run the full-sync template in a real n8n instead of the in-process sections. */
	n8n: boolean;
	/** `--n8n-sites 10000,60000`: network sizes (one Location per site) for `--n8n`. */
	n8nSites: number[];
	/** `--n8n-batch N`: sites per sub-execution of the full compare. */
	n8nBatch: number;
	/** `--n8n-rps N`: the Push's Max Requests per Second (the template ships with the default, 10). */
	n8nRequestsPerSecond: number;
	/** `--n8n-modes readOnce,ledger,perObject`: the template's CPMS Read modes to run, each from an empty CPMS. */
	n8nModes: string[];
	/** `--n8n-heap-mb N`: the n8n server's V8 old-space limit (NODE_OPTIONS=--max-old-space-size=N); unset = Node's default. */
	n8nHeapMb?: number;
	/** `--n8n-cpms-url details|versions`: the CPMS credential's URL, its version details URL (default) or its versions URL. */
	n8nCpmsUrl: 'details' | 'versions';
	/** `--n8n-skip-compares`: only the first sync and the stored-ledger compare (skips the unchanged and 1 % runs). */
	n8nSkipCompares: boolean;
	/** `--n8n-node-options "FLAGS"`: more V8/Node flags for the n8n server's NODE_OPTIONS (e.g. `--trace-gc`). */
	n8nNodeOptions: string;
	/** `--n8n-trace-gc`: V8's GC trace and a full collection with the live heap printed before and after each phase (server log). */
	n8nTraceGc: boolean;
	/** `--n8n-heap-snapshots DIR`: with --n8n-trace-gc, a heap snapshot of the server before and after each phase. */
	n8nHeapSnapshots?: string;
	/** `--n8n-server-log FILE`: writes what the n8n server printed, with a marker line at each phase's start and end. */
	n8nServerLog?: string;
}

const USAGE = 'usage: npm run bench -- [--locations N] [--chunk N] [--seed N] [--only section[,section]] | --n8n [--n8n-sites N[,N]] [--n8n-batch N] [--n8n-rps N] [--n8n-modes readOnce,ledger,perObject] [--n8n-heap-mb N] [--n8n-cpms-url details|versions] [--n8n-skip-compares] [--n8n-node-options "FLAGS"] [--n8n-trace-gc [--n8n-heap-snapshots DIR]] [--n8n-server-log FILE]';

function positiveInteger(flag: string, text: string | undefined): number {
	const value = Number(text);
	if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive whole number, got '${text}'\n${USAGE}`);
	return value;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
	const args: BenchArgs = { locations: 100_000, chunkSize: 1000, seed: 1, only: [], n8n: false, n8nSites: [10_000, 60_000], n8nBatch: 200, n8nRequestsPerSecond: 10, n8nModes: ['readOnce', 'ledger', 'perObject'], n8nCpmsUrl: 'details', n8nSkipCompares: false, n8nNodeOptions: '', n8nTraceGc: false };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = (): string | undefined => inline ?? argv[++i];
		if (flag === '--locations') args.locations = positiveInteger(flag, value());
		else if (flag === '--chunk') args.chunkSize = positiveInteger(flag, value());
		else if (flag === '--seed') args.seed = positiveInteger(flag, value());
		else if (flag === '--only') args.only.push(...(value() ?? '').split(',').filter(Boolean));
		else if (flag === '--n8n') args.n8n = true;
		else if (flag === '--n8n-sites') args.n8nSites = (value() ?? '').split(',').map((size) => positiveInteger(flag, size));
		else if (flag === '--n8n-batch') args.n8nBatch = positiveInteger(flag, value());
		else if (flag === '--n8n-rps') args.n8nRequestsPerSecond = positiveInteger(flag, value());
		else if (flag === '--n8n-modes') args.n8nModes = (value() ?? '').split(',').filter(Boolean);
		else if (flag === '--n8n-heap-mb') args.n8nHeapMb = positiveInteger(flag, value());
		else if (flag === '--n8n-skip-compares') args.n8nSkipCompares = true;
		else if (flag === '--n8n-node-options') args.n8nNodeOptions = argv[++i] ?? '';
		else if (flag === '--n8n-trace-gc') args.n8nTraceGc = true;
		else if (flag === '--n8n-heap-snapshots') args.n8nHeapSnapshots = value();
		else if (flag === '--n8n-server-log') args.n8nServerLog = value();
		else if (flag === '--n8n-cpms-url') {
			const url = value();
			if (url !== 'details' && url !== 'versions') throw new Error(`--n8n-cpms-url is 'details' or 'versions', got '${url}'\n${USAGE}`);
			args.n8nCpmsUrl = url;
		} else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
		else throw new Error(`unknown flag '${argv[i]}'\n${USAGE}`);
	}
	return args;
}
