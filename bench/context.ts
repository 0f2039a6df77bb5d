/** What every bench section gets: the flags and a fresh, deterministic stream of the sample network. */
import {
	generateLocations,
	inChunks,
	networkCounts,
	type NetworkCounts,
	type SampleLocation,
} from './fixtures/network/generateNetwork';
import type { BenchArgs } from './args';

export interface BenchContext {
	args: BenchArgs;
	counts: NetworkCounts;
	/** A new pass over the same network, chunk by chunk; only one chunk is alive at a time. */
	chunks(): Iterable<SampleLocation[]>;
}

export interface BenchSection {
	name: string;
	/** Other names `--only` accepts. */
	aliases: readonly string[];
	run(context: BenchContext): void | Promise<void>;
}

export function createContext(args: BenchArgs): BenchContext {
	const options = { seed: args.seed, locations: args.locations };
	return {
		args,
		counts: networkCounts(options),
		chunks: () => inChunks(generateLocations(options), args.chunkSize),
	};
}
