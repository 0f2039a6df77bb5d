/**
 * Auto-mapping: for every field the profile leaves open, the first source name from the field
 * catalogue that the data actually has (site_name → name, plug → standard, kw → max_electric_power,
 * lat + lon → coordinates …). Names are compared like value map keys: case, spaces, '-', '_' and '.'
 * do not matter. The data's own key spelling is used for reading.
 */
import { matchKey } from './transforms/valueMap';
import type { FieldSpec } from './fieldCatalogue';
import type { ConnectorRecord, Scope } from './shapes';

/** Records looked at to learn the data's field names; optional fields usually show up among them. */
export const SAMPLED_RECORDS = 200;

export type KnownKeys = Record<Scope, Map<string, string>>;

export function emptyKnownKeys(): KnownKeys {
	return { outlet: new Map(), chargePoint: new Map(), site: new Map() };
}

function learn(keys: Map<string, string>, object: Record<string, unknown>): void {
	for (const key of Object.keys(object)) {
		const match = matchKey(key);
		if (!keys.has(match)) keys.set(match, key);
	}
}

/** Learns the field names of one record (call it for the first SAMPLED_RECORDS records). */
export function learnKeys(known: KnownKeys, record: ConnectorRecord): void {
	learn(known.outlet, record.outlet);
	if (record.chargePoint !== record.outlet) learn(known.chargePoint, record.chargePoint);
	else if (known.chargePoint.size === 0) known.chargePoint = known.outlet;
	if (record.site !== record.chargePoint) learn(known.site, record.site);
	else if (known.site.size === 0) known.site = known.chargePoint;
}

export interface AutoSource {
	path: string;
	scope: Scope;
}

/**
 * The source auto-mapping picks for a field: the first candidate name found, looking in the
 * object's own level first, then outward (a connector's power may sit on its charge point).
 * Names already used as keys are skipped, so the charge point key never doubles as its status.
 */
export function autoSource(spec: FieldSpec, scopes: readonly Scope[], known: KnownKeys, taken: ReadonlySet<string>): AutoSource | undefined {
	for (const scope of scopes) {
		for (const name of spec.names) {
			const key = known[scope].get(matchKey(name));
			if (key !== undefined && !taken.has(key)) return { path: key, scope };
		}
	}
	return undefined;
}
