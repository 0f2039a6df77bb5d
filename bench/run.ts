/**
 * `npm run bench [-- --locations N --only validation]`: streams a deterministic sample network
 * through each section and prints figures against targets. Targets are reported, not asserted,
 * so the exit code is 0 unless the flags themselves are wrong.
 */
// first: see setup.ts
import './setup';
import { cpus } from 'node:os';
import { parseArgs, type BenchArgs } from './args';
import { createContext } from './context';
import { runN8nBench } from './n8n/n8nBench';
import { formatCount, heading, reportTarget, peakRssMb } from './report';
import { SECTIONS } from './sections';

const PEAK_RSS_TARGET_MB = 1500;

function chosenSections(args: BenchArgs): typeof SECTIONS {
	if (args.only.length === 0) return SECTIONS;
	const known = (name: string) => SECTIONS.find((section) => section.name === name || section.aliases.includes(name));
	const unknown = args.only.filter((name) => !known(name));
	if (unknown.length > 0) {
		throw new Error(`unknown section(s) ${unknown.join(', ')}; known: ${SECTIONS.map((section) => section.name).join(', ')}`);
	}
	return SECTIONS.filter((section) => args.only.some((name) => known(name) === section));
}

async function main(): Promise<void> {
	let args: BenchArgs;
	let sections: typeof SECTIONS;
	try {
		args = parseArgs(process.argv.slice(2));
		sections = chosenSections(args);
	} catch (error) {
		console.error((error as Error).message);
		process.exitCode = 2;
		return;
	}
	if (args.n8n) {
		console.log(`OCPI bench in a real n8n: node ${process.version}, ${cpus().length} CPUs`);
		// Hours at 60k: a run is given up after 3 h rather than waited for forever.
		await runN8nBench({ sites: args.n8nSites, sitesPerBatch: args.n8nBatch, requestsPerSecond: args.n8nRequestsPerSecond, modes: args.n8nModes, heapMb: args.n8nHeapMb, cpmsUrl: args.n8nCpmsUrl, onlyFirstAndStoredLedger: args.n8nSkipCompares, nodeOptions: args.n8nNodeOptions, traceGc: args.n8nTraceGc, heapSnapshots: args.n8nHeapSnapshots, serverLogFile: args.n8nServerLog, runTimeoutMs: 3 * 3600_000 });
		return;
	}
	const context = createContext(args);
	const { locations, evses, connectors } = context.counts;
	console.log(`OCPI bench: node ${process.version}, ${cpus().length} CPUs, seed ${args.seed}`);
	console.log(`network: ${formatCount(locations)} locations, ${formatCount(evses)} EVSEs, ${formatCount(connectors)} connectors`);
	for (const section of sections) await section.run(context);
	heading('process');
	reportTarget({ label: 'peak RSS', value: peakRssMb(), unit: 'MB', kind: 'below', limit: PEAK_RSS_TARGET_MB });
}

// n8n-core, loaded by the validator-reference section, keeps the process running after the last figure (no
// handle Node lists: something below JavaScript); the figures are all printed, so the bench ends here
void main().then(() => process.exit());
