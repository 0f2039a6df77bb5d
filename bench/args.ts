/** Command-line flags of `npm run bench`; anything unknown stops the run before minutes are spent. */
export interface BenchArgs {
	locations: number;
	chunkSize: number;
	seed: number;
	/** Section names to run; empty means all. */
	only: string[];
}

const USAGE = 'usage: npm run bench -- [--locations N] [--chunk N] [--seed N] [--only section[,section]]';

function positiveInteger(flag: string, text: string | undefined): number {
	const value = Number(text);
	if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} needs a positive whole number, got '${text}'\n${USAGE}`);
	return value;
}

export function parseArgs(argv: readonly string[]): BenchArgs {
	const args: BenchArgs = { locations: 100_000, chunkSize: 1000, seed: 1, only: [] };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split('=', 2);
		const value = (): string | undefined => inline ?? argv[++i];
		if (flag === '--locations') args.locations = positiveInteger(flag, value());
		else if (flag === '--chunk') args.chunkSize = positiveInteger(flag, value());
		else if (flag === '--seed') args.seed = positiveInteger(flag, value());
		else if (flag === '--only') args.only.push(...(value() ?? '').split(',').filter(Boolean));
		else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
		else throw new Error(`unknown flag '${argv[i]}'\n${USAGE}`);
	}
	return args;
}
