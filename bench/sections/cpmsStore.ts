/**
 * The reference CPMS's SQLite store: what one write costs with few and with many Locations stored. Writes go
 * through CpmsStore.setLocation one by one, each its own transaction, as the server makes them. A store that
 * rewrote its whole file per write would slow down in proportion to what it holds; the ratio says it does not.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CpmsStore } from '../../servers/reference-cpms/store';
import { generateLocations, type SampleLocation } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';

const LEVELS = [1000, 50_000, 100_000];
const MEASURED_WRITES = 2000;
const PARTY = 'DE*ABC';
// constant cost: writes at 100k stored at least 0.8× as fast as at 1k
const RATIO_TARGET = 0.8;

function writesPerSecond(store: CpmsStore, bodies: readonly SampleLocation[], prefix: string): number {
	const start = performance.now();
	for (let i = 0; i < MEASURED_WRITES; i++) {
		const body = bodies[i % bodies.length];
		store.setLocation('2.2.1', PARTY, `${prefix}-${i}`, { ...body, id: `${prefix}-${i}` });
	}
	return (MEASURED_WRITES / (performance.now() - start)) * 1000;
}

function runCpmsStore(context: BenchContext): void {
	heading(`reference CPMS store: writes per second as the SQLite file grows (${formatCount(MEASURED_WRITES)} Location writes per level)`);
	const bodies = [...generateLocations({ seed: context.args.seed, locations: 1000 })];
	const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
	const file = join(dir, 'cpms.sqlite');
	const store = new CpmsStore(file);
	try {
		writesPerSecond(store, bodies, 'WARM');
		const rates: number[] = [];
		let stored = store.countLocations('2.2.1');
		for (const [level, target] of LEVELS.entries()) {
			// filled with the same kind of bodies, untimed
			for (; stored < target; stored++) store.setLocation('2.2.1', PARTY, `FILL-${stored}`, { ...bodies[stored % bodies.length], id: `FILL-${stored}` });
			const rate = writesPerSecond(store, bodies, `L${level}`);
			stored = store.countLocations('2.2.1');
			rates.push(rate);
			line(`${formatCount(target)} stored`, `${formatCount(rate).padStart(7)} writes/s  (file ${formatFixed(statSync(file).size / 1e6, 0)} MB)`);
		}
		reportTarget({ label: `writes/s at ${formatCount(LEVELS[2])} / at ${formatCount(LEVELS[0])}`, value: rates[2] / rates[0], unit: '×', kind: 'atLeast', limit: RATIO_TARGET });
		line(`writes/s at ${formatCount(LEVELS[1])} / at ${formatCount(LEVELS[0])}`, `${formatFixed(rates[1] / rates[0])} ×`);
		const started = performance.now();
		const page = store.listLocations('2.2.1', PARTY, { offset: stored - 100, limit: 100 });
		line('Sender page of 100 at the end', `${formatFixed(performance.now() - started, 1)} ms  (${formatCount(page.total)} in total)`);
	} finally {
		store.close();
		rmSync(dir, { recursive: true, force: true });
	}
}

export const cpmsStoreSection: BenchSection = { name: 'cpms-store', aliases: ['store', 'sqlite'], run: runCpmsStore };
