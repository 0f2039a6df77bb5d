/**
 * The workflow templates as a test provisions them: read from workflows/, pointed at this test's sample
 * asset API, imported with `n8n import:workflow`. Also what the CPMS must hold after a sync, computed
 * from the asset system's records with the template's own mapping profile and validator settings.
 */
import * as fs from 'fs';
import * as path from 'path';
import { mapAssets, MappingProfileSchema } from '../../../core/mapping';
import { withoutMetadata } from '../../../core/ocpi/metadata';
import { inspectOcpiObject } from '../../../core/validation/inspect';
import type { EvseIdNormalisation } from '../../../core/enrichment/enrich';
import { expectCliSuccess } from './cli';
import type { CredentialToImport } from './provision';
import type { N8nInstance } from './n8nInstance';
import { PROJECT_ROOT } from './paths';

/** The address the templates ship with; tests swap in their own sample asset API. */
export const TEMPLATE_ASSET_API = 'http://127.0.0.1:8271';

export interface TemplateNode {
	name: string;
	type: string;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	[key: string]: unknown;
}

export interface Template {
	id: string;
	name: string;
	nodes: TemplateNode[];
	[key: string]: unknown;
}

export function readTemplate(file: string): Template {
	return JSON.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'workflows', file), 'utf8')) as Template;
}

export function nodeOf(template: Template, name: string): TemplateNode {
	const node = template.nodes.find((candidate) => candidate.name === name);
	if (!node) throw new Error(`template ${template.id} has no node '${name}'`);
	return node;
}

/** Every string parameter naming the shipped asset API address now names `assetApiUrl`. */
export function pointAtAssetApi(template: Template, assetApiUrl: string): Template {
	return JSON.parse(JSON.stringify(template).split(TEMPLATE_ASSET_API).join(assetApiUrl)) as Template;
}

/**
 * The credentials the templates name (id, name, type, as a team would create them), filled with the data given
 * per credential type; types without data are left out.
 */
export function templateCredentials(templates: Template[], dataByType: Record<string, Record<string, unknown>>): CredentialToImport[] {
	const refs = new Map<string, CredentialToImport>();
	for (const node of templates.flatMap((template) => template.nodes)) {
		for (const [type, ref] of Object.entries(node.credentials ?? {})) {
			if (dataByType[type]) refs.set(ref.id, { id: ref.id, name: ref.name, type, data: dataByType[type] });
		}
	}
	return [...refs.values()];
}

export async function importTemplate(n8n: N8nInstance, template: Template, dir: string): Promise<void> {
	const file = path.join(dir, `${template.id}.json`);
	fs.writeFileSync(file, JSON.stringify(template));
	expectCliSuccess(await n8n.cli(['import:workflow', `--input=${file}`]), `import of ${template.id}`);
}

export type OcpiLocation = Record<string, unknown> & { id: string; evses?: Array<Record<string, unknown>> };

/**
 * What the CPMS must hold for these asset records after a sync through the template: its Mapper
 * profile, then its Validator's enrichment and checks; invalid Locations are left out, as the
 * template never sends them. Keyed by Location id, metadata fields removed.
 */
export function expectedNetwork(template: Template, records: unknown[]): Map<string, OcpiLocation> {
	const profile = MappingProfileSchema.parse(JSON.parse(String(nodeOf(template, 'OCPI Mapper').parameters.profileJson)));
	const validator = nodeOf(template, 'OCPI Validator').parameters as { ruleProfile: 'spec' | 'strict'; enrichment: Record<string, unknown> };
	const { locations } = mapAssets(records, profile, { now: new Date() });
	const expected = new Map<string, OcpiLocation>();
	for (const mapped of locations) {
		const inspection = inspectOcpiObject(mapped.location, {
			version: '2.2.1',
			kind: 'location',
			profile: validator.ruleProfile,
			enrichment: {
				defaults: validator.enrichment.defaults === true,
				countryCodes: validator.enrichment.countryCodes === true,
				timeZone: validator.enrichment.timeZone === true,
				coordinates: validator.enrichment.coordinates === true,
				evseId: validator.enrichment.evseId as EvseIdNormalisation,
			},
		});
		if (!inspection.valid) continue;
		const location = withoutMetadata(inspection.object) as OcpiLocation;
		expected.set(location.id, location);
	}
	return expected;
}
