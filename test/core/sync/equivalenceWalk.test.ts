/**
 * `equivalent` compares by walking both values instead of building canonical forms and sorted JSON text. The
 * walk must answer exactly as the text comparison did: this file keeps that comparison as the oracle and checks
 * both agree on hand-picked edge cases and on many generated pairs of near-identical OCPI-like values.
 */
import { canonical, equivalent, isUnset } from '../../../core/sync/equivalence';
import type { OcpiVersion } from '../../../core/ocpi/version';
import { validLocation } from '../../fixtures/ocpiLocations';

/** The former implementation: sorted-key JSON of both canonical forms. */
function text(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(text).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${text(item)}`).join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

function oracle(a: unknown, b: unknown, field: string, version?: OcpiVersion): boolean {
	const left = isUnset(a, field, version) ? undefined : canonical(a, field, version);
	const right = isUnset(b, field, version) ? undefined : canonical(b, field, version);
	if (left === undefined || right === undefined) return left === right;
	return text(left) === text(right);
}

/** A small deterministic generator (mulberry32), so a failure names a seed that reproduces it. */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const VARIANTS: unknown[] = [
	undefined,
	null,
	[],
	[null],
	[[]],
	{},
	{ _meta: 1 },
	'',
	'x',
	'X',
	0,
	-0,
	1,
	'1',
	true,
	false,
	'2026-11-01T08:00:00Z',
	'2026-11-01 08:00:00+00:00',
	'2026-11-01T08:00:00.000',
	'2026-11-01T09:00:00+01:00',
	'2026-11-01T08:00:01Z',
	'not a date',
	'08:00',
];

/** Changes one randomly chosen spot of a copy of `value` into one of the variants (or leaves it). */
function mutate(value: unknown, next: () => number, depth = 0): unknown {
	const pick = () => VARIANTS[Math.floor(next() * VARIANTS.length)];
	if (depth > 4 || next() < 0.15) return pick();
	if (Array.isArray(value)) {
		const copy = [...value];
		if (copy.length > 0) {
			const index = Math.floor(next() * copy.length);
			copy[index] = mutate(copy[index], next, depth + 1);
		}
		if (next() < 0.1) copy.reverse();
		return copy;
	}
	if (value !== null && typeof value === 'object') {
		const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
		const keys = Object.keys(copy);
		const key = next() < 0.2 ? ['charging_when_closed', '_source', 'extra', 'id', 'last_updated'][Math.floor(next() * 5)] : keys[Math.floor(next() * keys.length)];
		copy[key] = key in copy ? mutate(copy[key], next, depth + 1) : pick();
		// key order must never matter
		return next() < 0.5 ? copy : Object.fromEntries(Object.entries(copy).reverse());
	}
	if (typeof value === 'string' && next() < 0.5) return next() < 0.5 ? value.toLowerCase() : value.toUpperCase();
	return pick();
}

describe('equivalent walks both values and answers as the canonical sorted-JSON comparison did', () => {
	const fields = ['', 'id', 'uid', 'evse_id', 'tariff_ids', 'last_updated', 'period_begin', 'name', 'charging_when_closed', 'evses'];

	it('on edge cases of every kind of value', () => {
		const disagreements: string[] = [];
		for (const field of fields) {
			for (const version of ['2.2.1', '2.1.1', undefined] as const) {
				for (const a of VARIANTS) {
					for (const b of VARIANTS) {
						for (const [x, y] of [
							[a, b],
							[[a, 'k'], [b, 'k']],
							[{ [field || 'f']: a, n: 1 }, { n: 1, [field || 'f']: b }],
						]) {
							if (equivalent(x, y, field, version) !== oracle(x, y, field, version)) disagreements.push(`${field} ${version}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
						}
					}
				}
			}
		}
		expect(disagreements).toEqual([]);
	});

	it('on 5,000 generated pairs of Locations that differ in a few places', () => {
		const next = random(20261203);
		const disagreements: string[] = [];
		const base = { ...validLocation(), charging_when_closed: true, _source: 'row 1', evses: [validLocation().evses[0], { ...validLocation().evses[0], uid: 'LOC-1-EVSE-2', tariff_ids: ['T1', 'T2'] }] };
		let equal = 0;
		for (let i = 0; i < 5_000; i++) {
			const a = next() < 0.5 ? base : mutate(base, next);
			let b = mutate(a, next);
			if (next() < 0.3) b = mutate(b, next);
			const version = next() < 0.8 ? '2.2.1' : '2.1.1';
			const expected = oracle(a, b, '', version);
			if (expected) equal++;
			if (equivalent(a, b, '', version) !== expected && disagreements.length < 5) disagreements.push(`#${i}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
		}
		expect(disagreements).toEqual([]);
		// both answers occur often enough for the agreement to mean something
		expect(equal).toBeGreaterThan(500);
		expect(equal).toBeLessThan(4500);
	});
});
