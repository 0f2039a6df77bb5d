/**
 * The network's completeness in a profile, from the scores of its objects: what an operator reads before
 * pushing ("92 % AFIR-complete: 14 Locations lack the opening hours").
 */
import type { OcpiObjectKind } from '../ocpi/version';
import type { ObjectCompleteness } from './profileRules';
import { COMPLETENESS_PROFILES } from './profileRuleSets';

export interface RuleShortfall {
	rule: string;
	field: string;
	what: string;
	source: string;
	/** How many objects lack this point at least once. */
	objects: number;
}

export interface NetworkCompleteness {
	profile: string;
	/** All points given / all points required, over every object, 0 to 1. */
	score: number;
	/** Rounded down, so 99.6 % never reads as complete. */
	percent: number;
	objects: number;
	completeObjects: number;
	/** Most often missing first. */
	lacking: RuleShortfall[];
	summary: string;
}

const NOUNS: Record<OcpiObjectKind, [string, string]> = { location: ['Location', 'Locations'], evse: ['EVSE', 'EVSEs'], connector: ['connector', 'connectors'] };

function counted(count: number, kind: OcpiObjectKind): string {
	return `${count} ${NOUNS[kind][count === 1 ? 0 : 1]}`;
}

/** The network score of the objects' scores in one profile; undefined when none has a score. */
export function networkCompleteness(scores: ReadonlyArray<ObjectCompleteness | undefined>, kind: OcpiObjectKind): NetworkCompleteness | undefined {
	const given = scores.filter((score): score is ObjectCompleteness => score !== undefined);
	if (given.length === 0) return undefined;
	const profile = COMPLETENESS_PROFILES[given[0].profile];
	let present = 0;
	let required = 0;
	let completeObjects = 0;
	const lackingBy = new Map<string, number>();
	for (const score of given) {
		present += score.present;
		required += score.required;
		if (score.missing.length === 0) completeObjects++;
		for (const rule of new Set(score.missing)) lackingBy.set(rule, (lackingBy.get(rule) ?? 0) + 1);
	}
	const score = required === 0 ? 1 : present / required;
	const percent = Math.floor(score * 100);
	const lacking: RuleShortfall[] = [];
	for (const rule of profile.rules) {
		const objects = lackingBy.get(rule.id);
		if (objects) lacking.push({ rule: rule.id, field: rule.field, what: rule.what, source: rule.source, objects });
	}
	lacking.sort((a, b) => b.objects - a.objects);
	const head = `${percent} % ${profile.scoreLabel}complete (${completeObjects} of ${counted(given.length, kind)} complete)`;
	const details = lacking.map((entry) => `${counted(entry.objects, kind)} ${entry.objects === 1 ? 'lacks' : 'lack'} ${entry.field}`);
	return {
		profile: profile.name,
		score,
		percent,
		objects: given.length,
		completeObjects,
		lacking,
		summary: details.length === 0 ? head : `${head}: ${details.join(', ')}`,
	};
}
