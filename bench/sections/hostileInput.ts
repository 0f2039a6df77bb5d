/**
 * Hostile input (huge strings, deep nesting, thousands of junk or duplicate EVSEs): the conformance
 * tests prove the Validator answers these with reasons instead of throwing; this section prints how
 * long it takes. Scaling is judged as a ratio (cost per EVSE at 10 000 vs at 1 000 EVSEs), so a
 * quadratic check shows up whatever the machine's speed.
 */
import { performance } from 'node:perf_hooks';
import { validateOcpiObject, type ValidationOptions } from '../../core/validation/validate';
import { generateLocations } from '../fixtures/network/generateNetwork';
import type { BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';

const SPEC: ValidationOptions = { version: '2.2.1', kind: 'location', profile: 'spec' };
const SCALING_TARGET = 3;
const DEPTH = 2000;

type Json = Record<string, unknown>;

function sampleLocation(): Json {
	const [location] = generateLocations({ seed: 1, locations: 1 });
	return JSON.parse(JSON.stringify(location)) as Json;
}

function nested(depth: number, wrap: (inner: unknown) => unknown, leaf: unknown): unknown {
	let value = leaf;
	for (let i = 0; i < depth; i++) value = wrap(value);
	return value;
}

function withEvses(count: number, make: (i: number) => unknown): Json {
	return { ...sampleLocation(), evses: Array.from({ length: count }, (_, i) => make(i)) };
}

function sameUidEvses(count: number): Json {
	const evse = (sampleLocation().evses as unknown[])[0];
	return withEvses(count, () => JSON.parse(JSON.stringify(evse)) as unknown);
}

/** Best of three, so one burst of noise on the shared cores does not decide the figure. */
function bestMs(build: () => Json): { ms: number; issues: number } {
	let ms = Infinity;
	let issues = 0;
	for (let round = 0; round < 3; round++) {
		const input = build();
		const start = performance.now();
		const result = validateOcpiObject(input, SPEC);
		ms = Math.min(ms, performance.now() - start);
		issues = result.errors.length + result.warnings.length;
	}
	return { ms, issues };
}

const CASES: ReadonlyArray<[string, () => Json]> = [
	['5 MB address', () => ({ ...sampleLocation(), address: 'A'.repeat(5 * 1024 * 1024) })],
	[`${DEPTH}-deep object, unknown field`, () => ({ ...sampleLocation(), x_vendor: nested(DEPTH, (v) => ({ nested: v }), 1) })],
	[`${DEPTH}-deep object as address`, () => ({ ...sampleLocation(), address: nested(DEPTH, (v) => ({ nested: v }), 1) })],
	[`${DEPTH}-deep array as an EVSE`, () => withEvses(1, () => nested(DEPTH, (v) => [v], 1))],
	['10 000 junk EVSEs', () => withEvses(10_000, (i) => (i % 3 === 0 ? 42 : i % 3 === 1 ? { uid: i } : 'evse'))],
	['10 000 EVSEs with one uid', () => sameUidEvses(10_000)],
];

export const hostileInputSection: BenchSection = {
	name: 'hostile',
	aliases: ['hostile-input', 'robustness'],
	run() {
		heading('hostile input (validate spec, best of 3)');
		for (const [label, build] of CASES) {
			const { ms, issues } = bestMs(build);
			line(label, `${formatFixed(ms, 1)} ms, ${formatCount(issues)} issues`);
		}
		const small = bestMs(() => sameUidEvses(1000)).ms / 1000;
		const large = bestMs(() => sameUidEvses(10_000)).ms / 10_000;
		line('per EVSE at 1 000 / 10 000', `${formatFixed(small * 1000, 1)} / ${formatFixed(large * 1000, 1)} µs`);
		reportTarget({ label: 'scaling (per-EVSE cost ×)', value: large / small, unit: '×', kind: 'max', limit: SCALING_TARGET });
	},
};
