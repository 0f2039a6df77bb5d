/**
 * The planner answers "unchanged" from one walk of both trees (core/sync/unchangedLocation) before it diffs field
 * by field. The shortcut may only take a path on which the full planner ends with nothing to write or report, so
 * the plans must be the same whatever the input: this file holds the full planner (planInFull) as the oracle,
 * on the equivalence cases receivers produce (CiString case, []/null/absent, DateTime forms, spec defaults, order,
 * metadata) and on generated pairs mixing them with real changes.
 */
import { planInFull, planLocationSync } from '../../../core/sync/planLocationSync';
import { unchangedLocation } from '../../../core/sync/unchangedLocation';
import type { PlanOptions } from '../../../core/sync';
import type { OcpiVersion } from '../../../core/ocpi/version';
import { createRandom } from '../../../bench/fixtures/network/random';
import { testConnector, testEvse, testLocation, type BuiltVersion, type LocationJson } from '../../fixtures/ocpiLocations';

const NOW = '2026-11-20T10:00:00Z';
const PARTY = { country_code: 'DE', party_id: 'ABC' };

function options(version: OcpiVersion, overrides: Partial<PlanOptions> = {}): PlanOptions {
	return { version, removedEvsePolicy: 'markRemoved', now: NOW, party: PARTY, ...overrides };
}

/** Two EVSEs with letters in their ids, a list of CiStrings, a DateTime below the top and an optional list. */
function site(version: BuiltVersion): LocationJson {
	const connector = (id: string) => testConnector(version, { id });
	const schedule = version === '2.1.1' ? {} : { status_schedule: [{ period_begin: '2026-12-01T00:00:00Z', status: 'BLOCKED' }] };
	return testLocation(version, {
		id: 'Loc-a1',
		facilities: ['HOTEL'],
		evses: [
			testEvse(version, { uid: 'Evse-A', evse_id: 'DE*ABC*EA1*1', connectors: [connector('c1'), connector('c2')], ...schedule }),
			testEvse(version, { uid: 'Evse-B', evse_id: 'DE*ABC*EB1*1', connectors: [connector('c1')], parking_restrictions: ['EV_ONLY'] }),
		],
		charging_when_closed: true,
	});
}

function copy<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

function swapCase(text: string): string {
	return text === text.toUpperCase() ? text.toLowerCase() : text.toUpperCase();
}

/** The same instant written another way a receiver may echo it. */
function otherForm(dateTime: string): string {
	return dateTime.replace('T', ' ').replace('Z', '+00:00');
}

/** Every object of the tree (Location, EVSEs, Connectors), for picking where a mutation lands. */
function objects(location: LocationJson): LocationJson[] {
	const evses = (location.evses ?? []).filter((evse: unknown) => evse !== null && typeof evse === 'object');
	return [location, ...evses, ...evses.flatMap((evse: LocationJson) => (Array.isArray(evse.connectors) ? evse.connectors : []))];
}

type Mutation = (location: LocationJson, pick: <T>(list: readonly T[]) => T) => void;

/** What receivers do to a Location without changing what it means. */
const SAME_MEANING: Record<string, Mutation> = {
	ciStringCase: (location, pick) => {
		const target = pick(objects(location));
		const field = pick(['id', 'uid', 'country_code', 'party_id', 'evse_id', 'tariff_ids']);
		const value = target[field];
		if (typeof value === 'string') target[field] = swapCase(value);
		else if (Array.isArray(value)) target[field] = value.map((item) => (typeof item === 'string' ? swapCase(item) : item));
	},
	voidForms: (location, pick) => {
		const target = pick(objects(location));
		const field = pick(['facilities', 'images', 'directions', 'parking_restrictions', 'capabilities', 'related_locations', 'tariff_ids']);
		const form = pick(['absent', 'null', 'empty']);
		if (Array.isArray(target[field]) && target[field].length > 0) return;
		if (form === 'absent') delete target[field];
		else target[field] = form === 'null' ? null : [];
	},
	dateTimeForms: (location, pick) => {
		const target = pick(objects(location));
		if (typeof target.last_updated === 'string') target.last_updated = pick([otherForm(target.last_updated), '2020-01-01T00:00:00Z']);
		const schedule = location.evses?.[0]?.status_schedule;
		if (Array.isArray(schedule)) schedule[0].period_begin = otherForm(schedule[0].period_begin);
	},
	specDefault: (location) => {
		if (location.charging_when_closed === true) delete location.charging_when_closed;
		else if (location.charging_when_closed === undefined) location.charging_when_closed = true;
	},
	keyOrder: (location, pick) => {
		const target = pick(objects(location));
		const entries = Object.entries(target).reverse();
		for (const key of Object.keys(target)) delete target[key];
		Object.assign(target, Object.fromEntries(entries));
	},
	childOrder: (location, pick) => {
		const target = pick([location, ...(location.evses ?? [])]);
		const list = target === location ? 'evses' : 'connectors';
		if (Array.isArray(target?.[list])) target[list].reverse();
	},
	metadata: (location, pick) => {
		pick(objects(location))._source = { row: 7 };
	},
};

/** Real differences, and inputs the planner must handle as before. */
const CHANGES: Record<string, Mutation> = {
	value: (location, pick) => {
		const target = pick(objects(location));
		const field = pick(['name', 'status', 'max_voltage', 'format', 'physical_reference']);
		target[field] = field === 'max_voltage' ? 400 : `changed ${field}`;
	},
	removedField: (location, pick) => {
		const target = pick(objects(location));
		delete target[pick(['address', 'status', 'max_amperage', 'opening_times', 'evse_id'])];
	},
	extraField: (location, pick) => {
		pick(objects(location)).extra = 'only here';
	},
	defaultOff: (location) => {
		location.charging_when_closed = false;
	},
	lostEvse: (location) => {
		location.evses?.pop();
	},
	lostConnector: (location) => {
		location.evses?.[0]?.connectors?.pop();
	},
	newEvse: (location) => {
		location.evses?.push({ ...copy(location.evses[0] ?? {}), uid: 'Evse-N' });
	},
	duplicateEvse: (location) => {
		if (location.evses?.[0]) location.evses.push(copy(location.evses[0]));
	},
	notAnObject: (location) => {
		location.evses?.splice(1, 0, null);
	},
	evseList: (location, pick) => {
		location.evses = pick([undefined, null, [], 'evses']);
	},
	newerStamp: (location) => {
		location.last_updated = '2027-01-01T00:00:00Z';
		if (location.evses?.[0]) location.evses[0].last_updated = '2027-01-01T00:00:00Z';
	},
};

function mutated(location: LocationJson, mutations: Mutation[], pick: <T>(list: readonly T[]) => T): LocationJson {
	const out = copy(location);
	for (const mutation of mutations) mutation(out, pick);
	return out;
}

const nothingToDo = { action: 'unchanged', requests: [], changes: [], withheld: [], stale: [] };

describe('the unchanged shortcut of the planner', () => {
	it.each(Object.keys(SAME_MEANING).filter((name) => name !== 'childOrder'))('takes receivers\' %s in one walk: the full planner finds nothing either', (name) => {
		for (const version of ['2.2.1', '2.1.1'] as const) {
			const known = site(version);
			const desired = mutated(known, [SAME_MEANING[name]], (list) => list[0]);
			const caseMatters = version === '2.1.1' && name === 'ciStringCase';
			expect(unchangedLocation(desired, known, version)).toBe(!caseMatters);
			expect(planLocationSync(desired, known, options(version))).toStrictEqual(planInFull(desired, known, options(version)));
			if (!caseMatters) expect(planInFull(desired, known, options(version))).toMatchObject(nothingToDo);
		}
	});

	it('leaves EVSEs in another order or ids in another case to the full planner, which still finds nothing to write', () => {
		const known = site('2.2.1');
		const reordered = mutated(known, [SAME_MEANING.childOrder], (list) => list[0]);
		const recased = copy(known);
		recased.evses[1].uid = 'EVSE-B';
		for (const desired of [reordered, recased]) {
			expect(unchangedLocation(desired, known, '2.2.1')).toBe(false);
			expect(planLocationSync(desired, known, options('2.2.1'))).toMatchObject(nothingToDo);
		}
	});

	it('gives the same plans as the full planner on 4,000 generated pairs, and says unchanged only where it finds nothing', () => {
		// seeded: a failure names a case that reproduces
		const { next, pick } = createRandom(20261203);
		const sameMeaning = Object.values(SAME_MEANING);
		const changes = Object.values(CHANGES);
		const disagreements: string[] = [];
		const tally = { shortcut: 0, unchangedInFull: 0, changed: 0 };
		for (let i = 0; i < 4_000; i++) {
			const version = next() < 0.75 ? '2.2.1' : '2.1.1';
			const base = site(version);
			const spread = () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(sameMeaning));
			const known = mutated(base, spread(), pick);
			const desired = mutated(known, [...spread(), ...(next() < 0.35 ? [pick(changes)] : [])], pick);
			if (next() < 0.3) desired._completeness = { complete: next() < 0.5, reasons: [], sources: 1, refused: [] };
			const settings = options(version, { removedEvsePolicy: next() < 0.8 ? 'markRemoved' : 'ignore', assumeCompleteWithoutMark: next() < 0.5 });
			const run = (plan: () => unknown): unknown => {
				try {
					return plan();
				} catch (error) {
					return { threw: (error as Error).message };
				}
			};
			const full = run(() => planInFull(desired, known, settings));
			const fast = run(() => planLocationSync(desired, known, settings));
			const shortcut = unchangedLocation(desired, known, version);
			const fullFound = full as { action?: string; requests?: unknown[]; changes?: unknown[]; withheld?: unknown[]; stale?: unknown[] };
			const fullIsNothing = fullFound.action === 'unchanged' && [fullFound.requests, fullFound.changes, fullFound.withheld, fullFound.stale].every((list) => list?.length === 0);
			if (shortcut) tally.shortcut++;
			if (fullIsNothing) tally.unchangedInFull++;
			if (fullFound.action === 'update') tally.changed++;
			if ((shortcut && !fullIsNothing) || JSON.stringify(fast) !== JSON.stringify(full)) {
				if (disagreements.length < 5) disagreements.push(`#${i} ${version}: shortcut ${shortcut}\ndesired ${JSON.stringify(desired)}\nknown ${JSON.stringify(known)}\nfull ${JSON.stringify(full)}\nfast ${JSON.stringify(fast)}`);
			}
		}
		expect(disagreements).toEqual([]);
		// every kind of answer occurs often enough for the agreement to mean something
		expect(tally.shortcut).toBeGreaterThan(800);
		expect(tally.unchangedInFull - tally.shortcut).toBeGreaterThan(200);
		expect(tally.changed).toBeGreaterThan(800);
	});
});
