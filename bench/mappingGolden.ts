/**
 * `node -r ts-node/register/transpile-only bench/mappingGolden.ts write|check <file>`: the Mapper's whole output
 * (Locations in order with key order, `_mapping`, `_completeness`, unmappable items with every reason, the effective
 * profile, the coverage preview, setup errors) for a fixed set of networks and profiles, written once and compared
 * after a change to the engine. For speed work that must not change behaviour: `check` names the first difference.
 *
 * Cases: the bench's rows, the sample asset API's chargers with the templates' profiles, the test fixtures' sites,
 * charge points and rows with the tests' profile, each also in 2.1.1 / 2.3.0 / outlet granularity / other units,
 * and each again with seeded damage (blank, junk and missing values, disagreeing site fields, repeated and conflicting
 * connectors, ids that differ in case, unsafe ids, non-object items) and with expression sources.
 */
import './setup';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { mapAssets, mappingCoverage, parseMappingProfile, type MappingProfile, type MappingProfileInput } from '../core/mapping';
import { assetRowsFromNetwork } from './fixtures/assetRowsFromNetwork';
import { generateLocations } from './fixtures/network/generateNetwork';
import { createRandom } from './fixtures/network/random';
import { benchProfile } from './sections/mapping';
import { generateSampleNetwork } from '../servers/sample-asset-api/sampleNetwork';
import sampleSites from '../test/fixtures/assets/sampleSites.json';
import sampleProfile from '../test/fixtures/assets/sampleProfile.json';
import hafenExport from '../test/fixtures/assets/hafenExport.json';

type Json = Record<string, unknown>;
const NOW = new Date('2025-06-01T12:00:00Z');

/** The generators' seeded source: the same damage on every run. */
const seeded = (seed: number): (() => number) => createRandom(seed).next;

function profile(input: unknown): MappingProfile {
	const parsed = parseMappingProfile(input);
	if (!parsed.ok) throw new Error(parsed.reason);
	return parsed.profile;
}

function templateProfile(file: string): MappingProfileInput {
	const workflow = JSON.parse(readFileSync(`${__dirname}/../workflows/${file}`, 'utf8')) as { nodes: Array<{ parameters: Json }> };
	const node = workflow.nodes.find((candidate) => typeof candidate.parameters.profileJson === 'string')!;
	return JSON.parse(node.parameters.profileJson as string) as MappingProfileInput;
}

// -- inputs in the three shapes -----------------------------------------------------------------------

const copy = <T>(value: T): T => structuredClone(value);

function chargersToRows(chargers: readonly Json[], connectorKey = 'no'): Json[] {
	return chargers.flatMap(({ outlets, ...charger }) => (outlets as Json[]).map(({ no, ...outlet }) => ({ ...charger, ...outlet, [connectorKey]: no })));
}

function chargersToSites(chargers: readonly Json[]): Json[] {
	const sites = new Map<unknown, Json>();
	for (const { site_id, site_name, street, zip, town, country, lat, lon, operator, ...charger } of chargers) {
		let site = sites.get(site_id);
		if (!site) sites.set(site_id, (site = { site_id, site_name, street, zip, town, country, lat, lon, operator, chargePoints: [] }));
		(site.chargePoints as Json[]).push(charger);
	}
	return [...sites.values()];
}

function sampleChargePoints(): Json[] {
	return copy(sampleSites).flatMap(({ chargers, ...site }) => chargers.map((charger) => ({ ...site, ...charger }) as Json));
}

function sampleRows(): Json[] {
	return sampleChargePoints().flatMap(({ outlets, updated_at, ...chargePoint }) => (outlets as Json[]).map((outlet) => ({ ...chargePoint, ...outlet, updated_at })));
}

// -- damage ---------------------------------------------------------------------------------------------

const JUNK: unknown[] = ['', '   ', null, '??', 'abc', -5, 0, 1e9, 22.5, '22,5', '1.000,5', true, {}, [], ['x'], 'x'.repeat(300), 'ja', 'DC', 'AC', '3', 'Typ 3', 'Schuko', 'CCS2', 'faulty', 'kaputt', '2025-13-45', '2025-05-01 10:00', '2025-05-01T10:00:00+02:00', '52,1', '91', 'Deutschland', 'Atlantis', 'W', ' 1 ', 'a/b', '..', 'BER-0001'.toLowerCase(), 'id\u0001x', 'Zürich ü'];

function damageObject(object: Json, random: () => number, rate: number): void {
	for (const key of Object.keys(object)) {
		const value = object[key];
		if (Array.isArray(value) && value.some((entry) => entry !== null && typeof entry === 'object')) {
			for (const entry of value) if (entry !== null && typeof entry === 'object' && !Array.isArray(entry)) damageObject(entry as Json, random, rate);
			if (random() < rate / 4) value.push(random() < 0.5 ? copy(value[0]) : 'not an object');
			if (random() < rate / 8) value.length = 0;
			continue;
		}
		const roll = random();
		if (roll < rate / 3) delete object[key];
		else if (roll < rate) object[key] = JUNK[Math.floor(random() * JUNK.length)];
	}
}

/** Seeded damage over every level, plus repeated, conflicting and case-shifted records and a non-object item. */
function damaged(items: readonly Json[], seed: number, rate = 0.04): unknown[] {
	const random = seeded(seed);
	const out: unknown[] = [];
	for (const original of items) {
		const item = copy(original);
		if (random() < 0.5) damageObject(item, random, rate);
		out.push(item);
		const roll = random();
		if (roll < 0.03) out.push(copy(item)); // the same record again (merged)
		else if (roll < 0.06) out.push({ ...copy(item), kw: '7.4', site_name: 'Another name' }); // a conflict and a disagreement
		else if (roll < 0.08) {
			const twin = copy(item);
			for (const key of ['site_id', 'charger_id']) if (typeof twin[key] === 'string') twin[key] = (twin[key] as string).toLowerCase();
			out.push(twin);
		} else if (roll < 0.09) out.push(random() < 0.5 ? 'not an object' : null);
		else if (roll < 0.1) out.push({ ...copy(item), charger_id: `${String(item.charger_id)}/x` });
	}
	return out;
}

/** The `_read` marks sources put on records: complete group reads (of the right site or another), incomplete and full reads, odd times. */
function withReadMarks(items: readonly Json[]): Json[] {
	const random = seeded(77);
	const times = ['2026-12-01T10:00:00Z', '2026-12-01T09:59:59Z', '2026-12-01T10:00:00.250Z', '2026-12-01 11:00:00+01:00', 'not a time', undefined];
	return items.map((item) => {
		const roll = random();
		const readAt = times[Math.floor(random() * times.length)];
		if (roll < 0.1) return copy(item);
		if (roll < 0.2) return { ...copy(item), _read: { complete: false, scope: 'all', reason: 'page 3 failed', readAt } };
		if (roll < 0.3) return { ...copy(item), _read: { complete: true, scope: 'group', group: 'OTHER-1', readAt } };
		if (roll < 0.35) return { ...copy(item), _read: { complete: 'yes' } };
		if (roll < 0.45) return { ...copy(item), _read: { complete: true, scope: 'all', readAt } };
		return { ...copy(item), _read: { complete: true, scope: 'group', group: String(item.site_id).toLowerCase(), readAt } };
	});
}

// -- expressions ----------------------------------------------------------------------------------------

/** n8n's expression evaluation for `={{ … }}` on the item, enough for the paths the rewriter writes. */
function evaluatorFor(items: readonly unknown[]) {
	const compiled = new Map<string, (json: unknown) => unknown>();
	return (expression: string, sourceIndex: number): unknown => {
		const body = expression.replace(/^=\{\{/, '').replace(/\}\}$/, '');
		let run = compiled.get(body);
		if (!run) compiled.set(body, (run = new Function('$json', `return (${body});`) as (json: unknown) => unknown));
		try {
			return run(items[sourceIndex]);
		} catch {
			return undefined;
		}
	};
}

// -- cases ----------------------------------------------------------------------------------------------

interface Case {
	name: string;
	items: readonly unknown[];
	profile: unknown;
	expressions?: boolean;
	inputIsComplete?: boolean;
}

function variants(name: string, items: readonly Json[], base: MappingProfileInput, extra: Array<[string, Partial<MappingProfileInput>]> = [], damageable = items): Case[] {
	const cases: Case[] = [];
	const all: Array<[string, Partial<MappingProfileInput>]> = [['', {}], ...extra];
	for (const [suffix, changes] of all) {
		const input = { ...copy(base), ...changes };
		cases.push({ name: `${name}${suffix}`, items, profile: input });
		cases.push({ name: `${name}${suffix} damaged`, items: damaged(damageable, cases.length * 7919 + 17), profile: input });
	}
	return cases;
}

function cases(): Case[] {
	const list: Case[] = [];
	const benchRows = assetRowsFromNetwork([...generateLocations({ seed: 3, locations: 1500 })]);
	const benchInput = benchProfile() as MappingProfileInput;
	list.push(
		...variants('bench rows', benchRows, benchInput, [
			[' 2.1.1', { ocpiVersion: '2.1.1' }],
			[' 2.3.0', { ocpiVersion: '2.3.0' }],
			[' outlets', { evseGranularity: 'outlet', ids: { evseUid: '{chargePoint}[-{bay}]', connectorId: '{connector}' } }],
			[' W and comma', { units: { power: 'W', decimalSeparator: ',' } }],
			[' no auto-map', { autoMap: false }],
		], benchRows.slice(0, 2400)),
	);
	list.push({ name: 'bench rows complete', items: benchRows.slice(0, 3000), profile: benchInput, inputIsComplete: true });

	const chargers = generateSampleNetwork({ sites: 400, seed: 11 }) as unknown as Json[];
	for (const file of ['full-scheduled-sync.json', 'real-time-sync.json', 'afir-france-irve-export.json', 'afir-germany-datex-export.json']) {
		list.push(...variants(`sample API chargers, ${file}`, chargers, templateProfile(file), [[' 2.1.1', { ocpiVersion: '2.1.1' }]]));
	}
	list.push({ name: 'sample API chargers with read marks', items: withReadMarks(chargers), profile: templateProfile('full-scheduled-sync.json') });
	list.push({ name: 'sample API chargers with read marks damaged', items: damaged(withReadMarks(chargers) as Json[], 5), profile: templateProfile('full-scheduled-sync.json') });
	list.push(...variants('sample API rows, file-import-dry-run.json', chargersToRows(chargers, 'outlet_no'), templateProfile('file-import-dry-run.json')));
	list.push(...variants('sample API sites, map-asset-sites-to-ocpi.json', chargersToSites(chargers), { ...templateProfile('map-asset-sites-to-ocpi.json'), paths: { chargePoints: 'chargePoints', connectors: 'outlets' } }));
	list.push(...variants('sample API rows, sample profile', chargersToRows(chargers), { ...copy(sampleProfile), shape: 'rows' } as MappingProfileInput));

	const sample = copy(sampleProfile) as MappingProfileInput;
	const fixtures: Array<[string, Json[], Partial<MappingProfileInput>]> = [
		['fixture sites', copy(sampleSites), {}],
		['fixture charge points', sampleChargePoints(), { shape: 'chargePoints' }],
		['fixture rows', sampleRows(), { shape: 'rows' }],
	];
	for (const [name, items, shape] of fixtures) {
		list.push(
			...variants(name, items, { ...sample, ...shape }, [
				[' 2.1.1', { ocpiVersion: '2.1.1' }],
				[' 2.3.0', { ocpiVersion: '2.3.0' }],
				[' outlets by bay', { evseGranularity: 'outlet', keys: { ...sample.keys, evseGroup: 'bay' }, ids: { evseUid: '{chargePoint}[-{bay}]', connectorId: '{location}-{connector}' } }],
				[' legacy outlet uids', { evseGranularity: 'outlet', keys: { ...sample.keys, evseGroup: 'bay' } }],
			]),
		);
	}
	// expressions and fallbacks: sources that read other levels, alternatives, defaults and explicit transforms
	const expressive: Partial<MappingProfileInput> = {
		fields: {
			location: { city: { source: 'town' }, name: { source: '={{ $site.site_name + " / " + $json.site_id }}' }, 'operator.name': { source: 'missing_op', default: 'Default Operator' } },
			evse: { floor_level: { source: '={{ $chargePoint.model }}' }, physical_reference: { source: 'serial | charger_serial' }, status: { default: 'in service' } },
			connector: { max_voltage: { source: 'voltsLL | volts' }, terms_and_conditions: { source: '={{ $outlet.nothing.here }}' }, tariff_ids: { source: 'plug', transform: 'list' } },
		},
	} as Partial<MappingProfileInput>;
	for (const [name, items, shape] of fixtures) {
		const input = { ...sample, ...shape, ...expressive };
		list.push({ name: `${name} expressions`, items, profile: input, expressions: true });
		list.push({ name: `${name} expressions damaged`, items: damaged(items, 4242, 0.2), profile: input, expressions: true });
	}
	list.push({ name: 'sample API chargers expressions', items: chargers.slice(0, 300), profile: { ...templateProfile('full-scheduled-sync.json'), ...expressive }, expressions: true });

	// the tests' Hafen export: records at a path, German names, decimal commas
	const hafen: MappingProfileInput = {
		format: 1,
		name: 'hafen',
		version: '1',
		shape: 'chargePoints',
		keys: { locationId: 'siteRef.code', evseId: 'Ladepunkt', connectorId: 'Nr', evseGroup: 'Seite' },
		paths: { records: 'items', connectors: 'Ausgaenge' },
		evseGranularity: 'outlet',
		ids: { evseUid: '{chargePoint}[-{bay}]' },
		party: { country_code: 'DE', party_id: 'HHE' },
		fields: {
			location: { name: { source: 'siteRef.bezeichnung' }, address: { source: 'siteRef.strasse' }, postal_code: { source: 'siteRef.plz' }, city: { source: 'siteRef.ort' }, country: { source: 'siteRef.land' }, 'coordinates.latitude': { source: 'siteRef.breite' }, 'coordinates.longitude': { source: 'siteRef.laenge' } },
			evse: { status: { source: 'Betriebszustand' }, last_updated: { source: 'geaendertAm' } },
			connector: { standard: { source: 'Steckertyp' }, power_type: { source: 'Art' }, phases: { source: 'Phasen' }, max_voltage: { source: 'voltsLN | voltsDC' }, max_amperage: { source: 'Ampere' }, max_electric_power: { source: 'LeistungKW' } },
		},
		valueMaps: { status: { Probebetrieb: 'AVAILABLE', 'in Betrieb': 'AVAILABLE', 'in Abnahme': 'PLANNED' }, connectorStandard: { 'Typ 2 Buchse': 'IEC_62196_T2' } },
		units: { power: 'kW', decimalSeparator: ',' },
	} as MappingProfileInput;
	list.push({ name: 'hafen export', items: [copy(hafenExport)], profile: hafen, expressions: true });
	list.push({ name: 'hafen export damaged', items: damaged([copy(hafenExport) as Json, copy(hafenExport) as Json], 99, 0.1), profile: hafen, expressions: true });
	// profiles the engine refuses at setup
	list.push({ name: 'setup: unknown field', items: sampleRows(), profile: { ...sample, shape: 'rows', fields: { location: { colour: { source: 'x' } } } } });
	list.push({ name: 'setup: bad party', items: sampleRows(), profile: { ...sample, shape: 'rows', party: { country_code: 'DE', party_id: 'ABCD' } } });
	list.push({ name: 'setup: uid without bay', items: sampleRows(), profile: { ...sample, shape: 'rows', evseGranularity: 'outlet', ids: { evseUid: '{chargePoint}' } } });
	return list;
}

// -- canonical output -----------------------------------------------------------------------------------

/** JSON with key order kept, `undefined` and non-JSON numbers marked, and objects reached twice counted. */
function canonical(value: unknown, seen: Set<object>, shared: { count: number }): string {
	if (value === undefined) return '"<undefined>"';
	if (typeof value === 'number' && !Number.isFinite(value)) return `"<${String(value)}>"`;
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (seen.has(value)) shared.count++;
	seen.add(value);
	if (Array.isArray(value)) return `[${value.map((entry) => canonical(entry, seen, shared)).join(',')}]`;
	const prototype = Object.getPrototypeOf(value) as object | null;
	const tag = prototype === Object.prototype || prototype === null ? '' : `"<${prototype.constructor.name}>":1,`;
	return `{${tag}${Object.keys(value)
		.map((key) => `${JSON.stringify(key)}:${canonical((value as Json)[key], seen, shared)}`)
		.join(',')}}`;
}

function outputOf(testCase: Case): string {
	const evaluate = testCase.expressions ? evaluatorFor(testCase.items) : undefined;
	let result: unknown;
	try {
		const parsedProfile = profile(testCase.profile);
		const mapped = mapAssets(testCase.items, parsedProfile, { now: NOW, evaluate, inputIsComplete: testCase.inputIsComplete });
		result = { mapped, coverage: mappingCoverage(testCase.items, parsedProfile, evaluate) };
	} catch (error) {
		result = { threw: (error as Error).name, message: (error as Error).message };
	}
	const shared = { count: 0 };
	const text = canonical(result, new Set(), shared);
	return `${text}\n<objects reached twice: ${shared.count}>`;
}

function firstDifference(a: string, b: string): string {
	let i = 0;
	while (i < a.length && a[i] === b[i]) i++;
	return `at character ${i}:\n  before …${a.slice(Math.max(0, i - 300), i + 200)}\n  after  …${b.slice(Math.max(0, i - 300), i + 200)}`;
}

function main(): void {
	const [mode, file] = process.argv.slice(2);
	if ((mode !== 'write' && mode !== 'check') || !file) throw new Error('usage: mappingGolden.ts write|check <file>');
	const outputs: Record<string, string> = {};
	for (const testCase of cases()) outputs[testCase.name] = outputOf(testCase);
	const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
	if (mode === 'write') {
		writeFileSync(file, JSON.stringify(outputs));
		for (const [name, text] of Object.entries(outputs)) console.log(`${hash(text)}  ${(text.length / 1024).toFixed(0).padStart(6)} KB  ${name}`);
		console.log(`${Object.keys(outputs).length} cases written to ${file}`);
		return;
	}
	const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
	let differing = 0;
	for (const name of new Set([...Object.keys(before), ...Object.keys(outputs)])) {
		if (before[name] === outputs[name]) continue;
		differing++;
		console.log(`DIFFERS: ${name} ${before[name] === undefined || outputs[name] === undefined ? '(case missing on one side)' : firstDifference(before[name], outputs[name])}`);
	}
	console.log(differing === 0 ? `all ${Object.keys(outputs).length} cases identical` : `${differing} of ${Object.keys(outputs).length} cases differ`);
	if (differing > 0) process.exitCode = 1;
}

main();
