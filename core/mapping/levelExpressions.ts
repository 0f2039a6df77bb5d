/**
 * Expression sources see the level their row fills: `$outlet` in connector rows, `$chargePoint` in EVSE
 * rows, `$site` in Location rows (each also usable in the other rows). n8n evaluates an expression for
 * the item only (`$json` is the whole item, kept as before), so each variable is rewritten into the path
 * of that level inside the item, e.g. `$outlet` → `$json["chargers"][2]["outlets"][1]`.
 */
import type { MappingProfile } from './profile';
import type { AssetObject, ConnectorRecord, Scope } from './shapes';

export const LEVEL_VARIABLES: Readonly<Record<Scope, string>> = { outlet: '$outlet', chargePoint: '$chargePoint', site: '$site' };

const VARIABLE = /\$(outlet|chargePoint|site)\b/g;
/** `$outlet.voltsLL`, `$json.siteRef.id`: the plain dotted reads an expression makes, checked when it gives nothing. */
const READ = /\$(outlet|chargePoint|site|json)((?:\.[A-Za-z_][\w]*)+)/g;

function segments(path: string | undefined): string[] {
	return path === undefined ? [] : path.replace(/\[(\d+)\]/g, '.$1').split('.').filter((part) => part.trim() !== '');
}

function accessor(parts: ReadonlyArray<string | number>): string {
	return '$json' + parts.map((part) => `[${JSON.stringify(part)}]`).join('');
}

export type LevelRewriter = (expression: string, record: ConnectorRecord) => string;

/** Rewrites the level variables of an expression for one record; expressions without them are returned as they are. */
export function levelRewriter(profile: MappingProfile): LevelRewriter {
	const records = segments(profile.paths.records);
	const chargePoints = segments(profile.paths.chargePoints);
	const connectors = segments(profile.paths.connectors);
	return (expression, record) => {
		if (!expression.includes('$')) return expression;
		const at = record.at ?? {};
		const site = at.record === undefined ? [] : [...records, at.record];
		const chargePoint = profile.shape === 'sites' && at.chargePoint !== undefined ? [...site, ...chargePoints, at.chargePoint] : site;
		const outlet = profile.shape !== 'rows' && at.outlet !== undefined ? [...chargePoint, ...connectors, at.outlet] : chargePoint;
		const paths: Record<string, Array<string | number>> = { site, chargePoint, outlet };
		return expression.replace(VARIABLE, (_, level: string) => accessor(paths[level]));
	};
}

/** The object a variable names; `$json` is the item, which is the site object unless records sit at a path. */
function objectFor(level: string, record: ConnectorRecord): unknown {
	if (level === 'json') return record.item ?? record.site;
	return record[level as Scope] as AssetObject;
}

/** Whether every segment of a dotted path exists (it may hold null or ''), as opposed to a name the data does not have. */
function pathExists(object: unknown, path: string): boolean {
	let current = object;
	for (const segment of segments(path)) {
		if (current === null || typeof current !== 'object' || !(segment in (current as Record<string, unknown>))) return false;
		current = (current as Record<string, unknown>)[segment];
	}
	return true;
}

/**
 * The reads of an expression that name a field the record does not have at all: "$outlet.voltsLL".
 * A field that is there but empty is not listed (the data says it is empty; the expression is right).
 */
export function missingReads(expression: string, record: ConnectorRecord): string[] {
	const missing: string[] = [];
	for (const [read, level, path] of expression.matchAll(READ)) {
		const object = objectFor(level, record);
		if (object !== undefined && !pathExists(object, path.slice(1)) && !missing.includes(read)) missing.push(read);
	}
	return missing;
}
