/**
 * The sample asset API's network as the AFIR templates see it: through the template's Mapper profile
 * (one EVSE per bay) and the Validator's enrichment (EVSE ids, country codes, time zones).
 */
import * as fs from 'fs';
import * as path from 'path';
import { mapAssets, MappingProfileSchema } from '../../../core/mapping';
import { inspectOcpiObject } from '../../../core/validation/inspect';
import { generateSampleNetwork, type AssetCharger } from '../../../servers/sample-asset-api/sampleNetwork';

const TEMPLATE = path.join(__dirname, '../../../workflows/afir-germany-datex-export.json');

/** The AFIR templates' Mapper profile (the sync templates' one, with the EVSE id read from the outlet). */
export function sampleProfile() {
	const template = JSON.parse(fs.readFileSync(TEMPLATE, 'utf8')) as { nodes: Array<{ name: string; parameters: Record<string, unknown> }> };
	const mapper = template.nodes.find((node) => node.name === 'OCPI Mapper')!;
	return MappingProfileSchema.parse(JSON.parse(String(mapper.parameters.profileJson)));
}

const COUNTRY_CODES: Record<string, string> = { Germany: 'DE', France: 'FR', Netherlands: 'NL', Austria: 'AT', Switzerland: 'CH' };

/**
 * The sample asset API holds no EVSE ids; the AFIR templates give each bay one (`DE*AMP*EBER0001AC11`) in a
 * Code node a real operator replaces with its own field. The same rule here (the e2e test runs the Code node itself).
 */
export function withEvseIds(chargers: AssetCharger[]): AssetCharger[] {
	return chargers.map((charger) => ({
		...charger,
		outlets: charger.outlets.map((outlet) => ({ ...outlet, evse_id: `${COUNTRY_CODES[charger.country] ?? 'XX'}*AMP*E${charger.charger_id.replace(/[^A-Za-z0-9]/g, '')}${outlet.bay}` })),
	}));
}

export function sampleLocations(chargers: AssetCharger[] = generateSampleNetwork(), now = new Date('2026-03-01T12:00:00Z')): Array<Record<string, any>> {
	return mapAssets(withEvseIds(chargers), sampleProfile(), { now }).locations.map(({ location }) => {
		const inspection = inspectOcpiObject(location, {
			version: '2.2.1',
			kind: 'location',
			profile: 'spec',
			enrichment: { defaults: true, countryCodes: true, timeZone: true, coordinates: true, evseId: 'strict' },
		});
		return inspection.object as Record<string, any>;
	});
}
