/**
 * The asset system's data: chargers by id and webhook subscriptions, in memory and written to a JSON file
 * after every change (temp file + rename, so a crash never leaves half a file). Every change returns what
 * happened so the server can announce it by webhook.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isRecord } from '../../core/foundation/json';
import { writeJsonAtomically } from '../shared/jsonFile';
import { generateSampleNetwork, isoSeconds, type AssetCharger, type SampleNetworkOptions } from './sampleNetwork';
import { sitesOf, type AssetSite } from './sites';

export interface WebhookSubscription {
	id: string;
	url: string;
	secret: string;
	created_at: string;
}

export interface AssetData {
	chargers: Record<string, AssetCharger>;
	webhooks: WebhookSubscription[];
}

export type StoreResult = { ok: true; record: AssetCharger } | { ok: false; status: number; error: string };

const IMMUTABLE = new Set(['charger_id', 'created_at', 'updated_at']);

/** The sorted list and the site index, built once per change: a 60k-site network is read site by site. */
interface StoreView {
	sorted: AssetCharger[];
	sites: AssetSite[];
	bySite: Map<string, AssetCharger[]>;
}

export class AssetStore {
	data: AssetData;

	private view: StoreView | undefined;

	constructor(
		private readonly file: string | undefined,
		network: SampleNetworkOptions,
		private readonly now: () => number,
	) {
		if (file && existsSync(file)) {
			this.data = load(file);
		} else {
			this.data = { chargers: Object.fromEntries(generateSampleNetwork(network).map((c) => [c.charger_id, c])), webhooks: [] };
			this.save();
		}
	}

	/** Sorted by id: a stable order is what makes page and offset pagination repeatable. A copy: callers may sort it. */
	list(): AssetCharger[] {
		return [...this.currentView().sorted];
	}

	/** The chargers of one site, by id (from the index, not a scan of the whole network). */
	chargersOfSite(siteId: string): AssetCharger[] {
		return this.currentView().bySite.get(siteId) ?? [];
	}

	/** One row per site, by site_id. */
	sites(): AssetSite[] {
		return this.currentView().sites;
	}

	private currentView(): StoreView {
		if (!this.view) {
			const sorted = Object.values(this.data.chargers).sort((a, b) => (a.charger_id < b.charger_id ? -1 : a.charger_id > b.charger_id ? 1 : 0));
			this.view = { sorted, ...sitesOf(sorted) };
		}
		return this.view;
	}

	get(id: string): AssetCharger | undefined {
		return Object.prototype.hasOwnProperty.call(this.data.chargers, id) ? this.data.chargers[id] : undefined;
	}

	stamp(): string {
		return isoSeconds(this.now());
	}

	create(input: unknown): StoreResult {
		if (!isRecord(input)) return { ok: false, status: 400, error: 'The body must be a JSON object' };
		const id = input.charger_id;
		if (typeof id !== 'string' || id.trim() === '') return { ok: false, status: 400, error: 'charger_id (text) is required' };
		if (typeof input.site_id !== 'string' || input.site_id === '') return { ok: false, status: 400, error: 'site_id (text) is required' };
		if (input.outlets !== undefined && !Array.isArray(input.outlets)) return { ok: false, status: 400, error: 'outlets must be an array' };
		if (this.get(id)) return { ok: false, status: 409, error: `Charger ${id} exists` };
		const stamp = this.stamp();
		const record = { state: 'in service', outlets: [], ...input, charger_id: id, created_at: stamp, updated_at: stamp } as unknown as AssetCharger;
		this.data.chargers[id] = record;
		this.save();
		return { ok: true, record };
	}

	update(id: string, patch: unknown): StoreResult {
		const current = this.get(id);
		if (!current) return { ok: false, status: 404, error: `No charger ${id}` };
		if (!isRecord(patch)) return { ok: false, status: 400, error: 'The body must be a JSON object' };
		if (patch.charger_id !== undefined && patch.charger_id !== id) return { ok: false, status: 400, error: 'charger_id cannot be changed' };
		if (patch.outlets !== undefined && !Array.isArray(patch.outlets)) return { ok: false, status: 400, error: 'outlets must be an array' };
		const changes = Object.fromEntries(Object.entries(patch).filter(([key]) => !IMMUTABLE.has(key)));
		// null removes a field, as JSON merge patch (RFC 7396) does at the top level
		const record = { ...current, ...changes, updated_at: this.stamp() } as AssetCharger;
		for (const [key, value] of Object.entries(changes)) if (value === null) delete record[key];
		this.data.chargers[id] = record;
		this.save();
		return { ok: true, record };
	}

	decommission(id: string): StoreResult {
		return this.update(id, { state: 'decommissioned' });
	}

	remove(id: string): StoreResult {
		const current = this.get(id);
		if (!current) return { ok: false, status: 404, error: `No charger ${id}` };
		delete this.data.chargers[id];
		this.save();
		return { ok: true, record: current };
	}

	addWebhook(subscription: WebhookSubscription): void {
		this.data.webhooks.push(subscription);
		this.save();
	}

	removeWebhook(id: string): boolean {
		const before = this.data.webhooks.length;
		this.data.webhooks = this.data.webhooks.filter((w) => w.id !== id);
		if (this.data.webhooks.length === before) return false;
		this.save();
		return true;
	}

	/** Every change ends here: the sorted view is rebuilt on the next read. */
	save(): void {
		this.view = undefined;
		if (!this.file) return;
		writeJsonAtomically(this.file, this.data);
	}
}

function load(file: string): AssetData {
	const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<AssetData>;
	return {
		chargers: isRecord(parsed.chargers) ? (parsed.chargers as Record<string, AssetCharger>) : {},
		webhooks: Array.isArray(parsed.webhooks) ? parsed.webhooks : [],
	};
}
