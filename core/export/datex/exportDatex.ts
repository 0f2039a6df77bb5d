/**
 * Locations → the static DATEX II v3 EnergyInfrastructureTablePublication of the AFIR recharging profile, as
 * JSON: a full snapshot per publication. Versions come from the previous publication (see versions.ts). A
 * site that cannot be published is reported; if the previous publication had it, its previous state is
 * carried over, so a consumer never reads a refused or unread site as removed.
 */
import { countryByAlpha3 } from '../../reference/countryLookup';
import type { OcpiLocationView } from '../shared/ocpiView';
import type { SkippedLocation, WithheldObject } from '../shared/problem';
import { stationDataFor, type ReferenceTable } from '../shared/stationData';
import { buildSite, siteIdOf, type DatexObject } from './buildSite';
import { publicationProblems, siteProblems } from './profileCheck';
import { assignVersions, knownVersions } from './versions';
import type { ServiceType } from './vocabulary';

export const PROFILE_NAME = 'AFIR Energy Infrastructure';
export const PROFILE_VERSION = '01-00-00';

export interface DatexExportOptions {
	/** The publisher as the national access point knows it. */
	publicationCreator: { country: string; nationalIdentifier: string };
	now: Date;
	lang?: string;
	serviceType?: ServiceType;
	informationStatus?: 'real' | 'test';
	tableId?: string;
	tableName?: string;
	/** ISO alpha-2 countries whose Locations belong in this publication; default DE. */
	countries?: readonly string[];
	referenceTable?: ReferenceTable;
	/** The last publication sent (parsed JSON), for versions and carry-over. */
	previous?: unknown;
	/** Sites of the previous publication that are not in the input: kept (default) or dropped. */
	sitesNotInInput?: 'keep' | 'drop';
}

export interface DatexExportResult {
	publication: DatexObject;
	json: string;
	sites: Array<{ locationId: string; idG: string; versionG: string; notes: string[] }>;
	withheld: Array<WithheldObject & { carriedOver: boolean }>;
	skipped: SkippedLocation[];
	/** Sites of the previous publication kept because the input did not have them. */
	keptFromPrevious: string[];
}

export class DatexSetupError extends Error {}

function previousSites(previous: unknown): Map<string, DatexObject> {
	const sites = new Map<string, DatexObject>();
	const body = (previous as { payload?: { aegiEnergyInfrastructureTablePublication?: { energyInfrastructureTable?: Array<{ energyInfrastructureSite?: DatexObject[] }> } } })?.payload
		?.aegiEnergyInfrastructureTablePublication;
	for (const table of body?.energyInfrastructureTable ?? []) for (const site of table.energyInfrastructureSite ?? []) if (typeof site.idG === 'string') sites.set(site.idG, site);
	return sites;
}

export function exportDatex(locations: readonly OcpiLocationView[], options: DatexExportOptions): DatexExportResult {
	const lang = options.lang ?? 'de';
	const countries = options.countries ?? ['DE'];
	const known = knownVersions(options.previous);
	const before = previousSites(options.previous);
	const seen = new Set<string>();
	const sites: DatexObject[] = [];
	const result: Omit<DatexExportResult, 'publication' | 'json'> = { sites: [], withheld: [], skipped: [], keptFromPrevious: [] };
	for (const location of locations) {
		const country = countryByAlpha3(String(location.country ?? ''))?.alpha2 ?? String(location.country ?? '');
		const siteId = siteIdOf(location);
		if (!countries.includes(country)) {
			result.skipped.push({ locationId: String(location.id ?? ''), country });
			continue;
		}
		seen.add(siteId);
		const data = stationDataFor(options.referenceTable ?? {}, String(location.id ?? ''), (location as Record<string, unknown>)._afir);
		const built = buildSite(location, data, { lang, serviceType: options.serviceType ?? 'unattended', publicationTime: options.now });
		assignVersions(built.site, known);
		const problems = siteProblems(built.site);
		if (problems.length > 0) {
			const previous = before.get(siteId);
			if (previous) sites.push(previous);
			result.withheld.push({ format: 'datex', locationId: built.locationId, stationId: siteId, problems, carriedOver: previous !== undefined });
			continue;
		}
		sites.push(built.site);
		result.sites.push({ locationId: built.locationId, idG: siteId, versionG: String(built.site.versionG), notes: built.notes });
	}
	if (options.sitesNotInInput !== 'drop') {
		for (const [siteId, site] of before) {
			if (seen.has(siteId)) continue;
			sites.push(site);
			result.keptFromPrevious.push(siteId);
		}
	}
	const creator = options.publicationCreator;
	const table: DatexObject = { idG: options.tableId ?? `${creator.nationalIdentifier}-table`, versionG: '' };
	if (options.tableName) table.tableName = options.tableName;
	table.energyInfrastructureSite = sites;
	assignVersions(table, known);
	const publication = {
		payload: {
			modelBaseVersionG: '3',
			profileNameG: PROFILE_NAME,
			profileVersionG: PROFILE_VERSION,
			aegiEnergyInfrastructureTablePublication: {
				lang,
				publicationTime: options.now.toISOString(),
				publicationCreator: { country: creator.country, nationalIdentifier: creator.nationalIdentifier },
				headerInformation: { confidentiality: { value: 'noRestriction' }, informationStatus: { value: options.informationStatus ?? 'real' } },
				energyInfrastructureTable: [table],
			},
		},
	};
	const problems = publicationProblems(publication);
	if (problems.length > 0) throw new DatexSetupError(problems.map((problem) => problem.message).join('; '));
	return { publication, json: `${JSON.stringify(publication, null, 2)}\n`, ...result };
}
