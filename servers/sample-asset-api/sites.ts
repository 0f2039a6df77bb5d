/**
 * The asset system's sites as GET /api/sites lists them: one row per site_id of the chargers, so a sync can
 * list the sites first and then read each batch of whole sites. No I/O here.
 */
import type { AssetCharger } from './sampleNetwork';

export interface AssetSite {
	site_id: string;
	site_name: string;
	town: string;
	country: string;
	/** How many chargers the site has (decommissioned ones included: they are still records). */
	chargers: number;
	/** The newest updated_at of its chargers. */
	updated_at: string;
}

/** Chargers sorted by id in, sites sorted by id out, and each site's chargers in id order. */
export function sitesOf(sorted: AssetCharger[]): { sites: AssetSite[]; bySite: Map<string, AssetCharger[]> } {
	const bySite = new Map<string, AssetCharger[]>();
	for (const charger of sorted) {
		const chargers = bySite.get(charger.site_id);
		if (chargers) chargers.push(charger);
		else bySite.set(charger.site_id, [charger]);
	}
	const sites = [...bySite.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([siteId, chargers]) => ({
			site_id: siteId,
			site_name: chargers[0].site_name,
			town: chargers[0].town,
			country: chargers[0].country,
			chargers: chargers.length,
			updated_at: chargers.reduce((newest, charger) => (charger.updated_at > newest ? charger.updated_at : newest), ''),
		}));
	return { sites, bySite };
}
