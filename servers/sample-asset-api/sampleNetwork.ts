/**
 * The sample network in the asset system's own shape (the same as test/fixtures/assets/sampleSites.json,
 * one item per charger with its site's fields copied on, as `sampleChargePoints()` gives them): own field
 * names, kW as text, plug names like 'Typ 2', statuses like 'in service', countries as names. Not OCPI.
 * Generated from a seed so every run and every machine gets the same network.
 */
import { ocpiDateTime } from '../../core/foundation/dateTime';
export interface AssetOutlet {
	no: number;
	bay: number;
	plug: string;
	/** kW as text, as the asset system exports it. */
	kw: string;
	current: 'AC' | 'DC';
	phases?: number;
	amps: number;
	volts: number;
}

export type ChargerState = 'in service' | 'in use' | 'faulty' | 'offline' | 'decommissioned';

export interface AssetCharger {
	charger_id: string;
	site_id: string;
	site_name: string;
	street: string;
	zip: string;
	town: string;
	country: string;
	lat: number;
	lon: number;
	operator: string;
	charger_serial: string;
	model: string;
	state: ChargerState | string;
	created_at: string;
	updated_at: string;
	outlets: AssetOutlet[];
	[field: string]: unknown;
}

export interface SampleNetworkOptions {
	/** Number of sites; each has 1–3 chargers (about two on average). Default 30. */
	sites?: number;
	seed?: number;
}

export const SAMPLE_NETWORK_DEFAULTS = { sites: 30, seed: 8271 };

/** mulberry32: small, seedable, identical on every machine. */
function seeded(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface City {
	code: string;
	town: string;
	country: string;
	zip: () => string;
	lat: number;
	lon: number;
	streets: readonly string[];
}

const CITIES = (random: () => number): City[] => {
	const digits = (n: number) => String(Math.floor(random() * 10 ** n)).padStart(n, '0');
	return [
		{ code: 'BER', town: 'Berlin', country: 'Germany', zip: () => `1${digits(4)}`, lat: 52.52, lon: 13.405, streets: ['Schönhauser Allee', 'Karl-Marx-Allee', 'Kurfürstendamm', 'Frankfurter Allee'] },
		{ code: 'MUC', town: 'München', country: 'Germany', zip: () => `8${digits(4)}`, lat: 48.137, lon: 11.575, streets: ['Sonnenstraße', 'Leopoldstraße', 'Landsberger Straße'] },
		{ code: 'HAM', town: 'Hamburg', country: 'Germany', zip: () => `2${digits(4)}`, lat: 53.551, lon: 9.993, streets: ['Mönckebergstraße', 'Elbchaussee', 'Reeperbahn'] },
		{ code: 'CGN', town: 'Köln', country: 'Germany', zip: () => `50${digits(3)}`, lat: 50.938, lon: 6.96, streets: ['Aachener Straße', 'Hohe Straße', 'Venloer Straße'] },
		{ code: 'LEJ', town: 'Leipzig', country: 'Germany', zip: () => `04${digits(3)}`, lat: 51.34, lon: 12.375, streets: ['Karl-Liebknecht-Straße', 'Prager Straße'] },
		{ code: 'AMS', town: 'Amsterdam', country: 'Netherlands', zip: () => `10${digits(2)} ${'ABCDEFGH'[Math.floor(random() * 8)]}${'JKLMNPRS'[Math.floor(random() * 8)]}`, lat: 52.37, lon: 4.895, streets: ['Museumplein', 'Damrak', 'Overtoom'] },
		{ code: 'VIE', town: 'Wien', country: 'Austria', zip: () => `1${digits(2)}0`, lat: 48.208, lon: 16.373, streets: ['Mariahilfer Straße', 'Praterstraße', 'Landstraßer Hauptstraße'] },
		{ code: 'ZRH', town: 'Zürich', country: 'Switzerland', zip: () => `80${digits(2)}`, lat: 47.377, lon: 8.54, streets: ['Bahnhofstrasse', 'Seefeldstrasse'] },
	];
};

const SITE_KINDS = ['Supermarkt', 'Parkhaus', 'Autohof', 'Rathaus', 'Einkaufszentrum', 'Hotel', 'Bahnhof', 'Baumarkt'];

interface ChargerModel {
	suffix: 'AC' | 'DC';
	model: string;
	serialPrefix: string;
	outlets: Array<Omit<AssetOutlet, 'no' | 'bay'> & { bay: number }>;
}

const MODELS: ChargerModel[] = [
	{ suffix: 'AC', model: 'Wallbox Single 11', serialPrefix: 'WBX-11', outlets: [{ bay: 1, plug: 'Typ 2', kw: '11', current: 'AC', phases: 3, amps: 16, volts: 400 }] },
	{ suffix: 'AC', model: 'Wallbox Twin 22', serialPrefix: 'WBX-22', outlets: [{ bay: 1, plug: 'Typ 2', kw: '22', current: 'AC', phases: 3, amps: 32, volts: 400 }, { bay: 2, plug: 'Typ 2', kw: '22', current: 'AC', phases: 3, amps: 32, volts: 400 }] },
	{ suffix: 'DC', model: 'Triple Charger 50', serialPrefix: 'TRI-50', outlets: [{ bay: 1, plug: 'CCS', kw: '50', current: 'DC', amps: 125, volts: 500 }, { bay: 1, plug: 'CHAdeMO', kw: '50', current: 'DC', amps: 125, volts: 500 }, { bay: 1, plug: 'Typ 2', kw: '43', current: 'AC', phases: 3, amps: 63, volts: 400 }] },
	{ suffix: 'DC', model: 'HPC 150', serialPrefix: 'HPC-150', outlets: [{ bay: 1, plug: 'CCS', kw: '150', current: 'DC', amps: 500, volts: 920 }, { bay: 2, plug: 'CCS', kw: '150', current: 'DC', amps: 500, volts: 920 }] },
	{ suffix: 'DC', model: 'HPC 300', serialPrefix: 'HPC-300', outlets: [{ bay: 1, plug: 'CCS', kw: '300', current: 'DC', amps: 500, volts: 1000 }] },
];

const STATES: Array<[ChargerState, number]> = [
	['in service', 0.7],
	['in use', 0.15],
	['faulty', 0.08],
	['offline', 0.04],
	['decommissioned', 0.03],
];

// a fixed epoch, not "now": the same seed must give the same timestamps
const BASE_MS = Date.UTC(2025, 0, 1);

/** Whole-second UTC text, the form the sample API writes its times in. */
export const isoSeconds = ocpiDateTime;

export function generateSampleNetwork(options: SampleNetworkOptions = {}): AssetCharger[] {
	const random = seeded(options.seed ?? SAMPLE_NETWORK_DEFAULTS.seed);
	const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
	const cities = CITIES(random);
	const perCity = new Map<string, number>();
	const chargers: AssetCharger[] = [];
	const siteCount = Math.max(0, Math.floor(options.sites ?? SAMPLE_NETWORK_DEFAULTS.sites));
	for (let s = 0; s < siteCount; s++) {
		const city = cities[s % cities.length];
		const number = (perCity.get(city.code) ?? 0) + 1;
		perCity.set(city.code, number);
		const siteId = `${city.code}-${String(number).padStart(4, '0')}`;
		const site = {
			site_id: siteId,
			site_name: `${pick(SITE_KINDS)} ${pick(city.streets).split(/[ -]/)[0]}`,
			street: `${pick(city.streets)} ${1 + Math.floor(random() * 180)}`,
			zip: city.zip(),
			town: city.town,
			country: city.country,
			lat: Number((city.lat + (random() - 0.5) * 0.12).toFixed(6)),
			lon: Number((city.lon + (random() - 0.5) * 0.18).toFixed(6)),
			operator: 'Ampere Laden GmbH',
		};
		const count = 1 + Math.floor(random() * 3);
		const used: Record<string, number> = {};
		for (let c = 0; c < count; c++) {
			const model = pick(MODELS);
			used[model.suffix] = (used[model.suffix] ?? 0) + 1;
			let roll = random();
			const state = STATES.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'in service';
			const createdMs = BASE_MS + Math.floor(random() * 60 * 86400) * 1000;
			const updatedMs = createdMs + Math.floor(random() * 30 * 86400) * 1000;
			chargers.push({
				charger_id: `${siteId}-${model.suffix}${used[model.suffix]}`,
				...site,
				charger_serial: `${model.serialPrefix}-${String(Math.floor(random() * 1e6)).padStart(6, '0')}`,
				model: model.model,
				state,
				created_at: isoSeconds(createdMs),
				updated_at: isoSeconds(updatedMs),
				outlets: model.outlets.map((outlet, i) => ({ no: i + 1, ...outlet })),
			});
		}
	}
	return chargers;
}
