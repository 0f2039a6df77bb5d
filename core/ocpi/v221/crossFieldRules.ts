/**
 * Rules that involve more than one field. They are zod checks attached to the object schemas, so the
 * same schema enforces them wherever it is used. 2.1.1 reuses them with its own parameters.
 * Each one only allocates when it has something to report.
 *
 * On the failure path the rules also run on the raw input (schemaWalk.ts), so each one must read
 * defensively: any JSON value may arrive, null means "not given", and unusable values are skipped.
 */
import type { IssueCode } from '../../foundation/issue';
import { isLaterLastUpdated } from '../locationTree';
import { looksLineToLine } from '../voltages';
import { compareDateTimes, failedField, isGiven, isRecord, isValidDateTime, objectRule, reportIssue, sameId } from '../fields';

function issue(ocpiCode: IssueCode, message: string, related?: Array<string | number>) {
	return { ocpiCode, message, related };
}

function warning(message: string) {
	return { ocpiCode: 'suspicious_value' as const, message, severity: 'warning' as const };
}

/**
 * Hours: opening hours that are not 24/7 need regular_hours. 2.2.1 makes twentyfourseven required,
 * so only an explicit `false` triggers; in 2.1.1 the two are a choice, so anything but `true` does.
 */
export function regularHoursRequiredRule(trigger: 'false' | 'not-true') {
	return objectRule((value, payload) => {
		if (!isRecord(value)) return;
		const closedSometimes = trigger === 'false' ? value.twentyfourseven === false : value.twentyfourseven !== true;
		if (!closedSometimes) return;
		const hours = value.regular_hours;
		if ((Array.isArray(hours) && hours.length > 0) || failedField(payload, 'regular_hours')) return;
		const message =
			trigger === 'false'
				? 'regular_hours needs at least one entry when twentyfourseven is false: give the opening hours per weekday, or set twentyfourseven to true'
				: 'regular_hours needs at least one entry unless twentyfourseven is true: give the opening hours per weekday, or set twentyfourseven to true';
		reportIssue(payload, issue('regular_hours_required', message), ['regular_hours'], hours);
	});
}

/** RegularHours: "HH:MM" strings compare correctly as text once their format is right. */
export function regularPeriodOrderRule(hourMinute: RegExp) {
	return objectRule((value, payload) => {
		if (!isRecord(value)) return;
		const { period_begin: begin, period_end: end } = value;
		if (typeof begin !== 'string' || typeof end !== 'string') return;
		if (!hourMinute.test(begin) || !hourMinute.test(end) || end > begin) return;
		const message = `period_end must be later than period_begin; got ${begin} to ${end}`;
		reportIssue(payload, issue('period_end_before_begin', message), ['period_end'], end);
	});
}

/**
 * ExceptionalPeriod and StatusSchedule: both ends are UTC DateTimes. StatusSchedule's period_end is
 * optional; when it is absent (or not a usable DateTime) there is nothing to compare.
 */
export const dateTimePeriodOrderRule = objectRule((value, payload) => {
	if (!isRecord(value)) return;
	const { period_begin: begin, period_end: end } = value;
	if (!isValidDateTime(begin) || !isValidDateTime(end) || compareDateTimes(end, begin) > 0) return;
	const message = `period_end must be later than period_begin; got ${begin} to ${end}`;
	reportIssue(payload, issue('period_end_before_begin', message), ['period_end'], end);
});
export const exceptionalPeriodOrderRule = dateTimePeriodOrderRule;
export const statusSchedulePeriodOrderRule = dateTimePeriodOrderRule;

/** Location (2.2.1): restricted visibility only makes sense for a Location that is not published. */
export const publishAllowedToRule = objectRule((value, payload) => {
	if (!isRecord(value) || value.publish !== true) return;
	const allowed = value.publish_allowed_to;
	const given = (Array.isArray(allowed) && allowed.length > 0) || failedField(payload, 'publish_allowed_to');
	if (!given) return;
	const message = 'publish_allowed_to may only be given when publish is false; remove it or set publish to false';
	reportIssue(payload, issue('publish_allowed_to_not_allowed', message), ['publish_allowed_to'], allowed);
});

/** PublishTokenType: which fields must go together. */
export const publishTokenRule = objectRule((value, payload) => {
	if (!isRecord(value)) return;
	// a field that failed its own check was given all the same
	const given = (key: string) => isGiven(value[key]) || failedField(payload, key);
	const uid = given('uid');
	const visualNumber = given('visual_number');
	if (!uid && !visualNumber && !given('group_id')) {
		const message = 'A publish_allowed_to entry needs at least one of uid, visual_number or group_id';
		reportIssue(payload, issue('publish_token_incomplete', message));
	}
	if (uid && !given('type')) {
		reportIssue(payload, issue('publish_token_incomplete', 'type is required when uid is given (e.g. "RFID")'), ['type'], undefined);
	}
	if (visualNumber && !given('issuer')) {
		const message = 'issuer is required when visual_number is given (the company printed on the card)';
		reportIssue(payload, issue('publish_token_incomplete', message), ['issuer'], undefined);
	}
});

const SMALL_LIST = 32;

/**
 * Ids in a list must be unique (EVSE uid in a Location, connector id in an EVSE). A check on the list
 * itself, since zod leaves an optional list with a bad entry out of its parent's parsed value.
 * The second occurrence is reported; the message names the first. Compared without case in every
 * version: 2.2.1 ids are CiStrings, and a 2.1.1 CPMS may store them so too.
 */
export function uniqueIdsRule(idKey: string, owner: string) {
	return objectRule((list, payload) => {
		if (!Array.isArray(list) || list.length < 2) return;
		const report = (first: number, second: number, id: string) => {
			const other = idOf(list[first], idKey);
			const message =
				other === id
					? `${idKey} "${id}" is used more than once in this ${owner}; {related} has the same ${idKey}`
					: `${idKey} "${id}" differs from {related} ("${other}") only in upper and lower case; a CPMS that compares ids without case (as OCPI 2.2.1's CiString does) keeps one object for both: give them ${idKey}s that differ in more than case`;
			reportIssue(payload, issue('duplicate_id', message, [first, idKey]), [second, idKey], id);
		};
		if (list.length <= SMALL_LIST) {
			// a pairwise scan beats building a Map for the few entries a real object has
			for (let j = 1; j < list.length; j++) {
				const id = idOf(list[j], idKey);
				if (id === undefined) continue;
				for (let i = 0; i < j; i++) {
					const other = idOf(list[i], idKey);
					if (other !== undefined && sameId(other, id, true)) {
						report(i, j, id);
						break;
					}
				}
			}
			return;
		}
		const firstIndex = new Map<string, number>();
		for (let j = 0; j < list.length; j++) {
			const id = idOf(list[j], idKey);
			if (id === undefined) continue;
			const key = id.toUpperCase();
			const first = firstIndex.get(key);
			if (first === undefined) firstIndex.set(key, j);
			else report(first, j, id);
		}
	});
}

function idOf(entry: unknown, idKey: string): string | undefined {
	if (!isRecord(entry)) return undefined;
	const id = entry[idKey];
	return typeof id === 'string' ? id : undefined;
}

/**
 * A parent's last_updated covers its children ("this Location or one of its EVSEs or Connectors"),
 * so it may not be older than any child's. Reported once, naming the newest child. (When an optional
 * child list has errors of its own, zod leaves it out of the parsed value; the rerun on the raw input
 * then compares the children that have a usable last_updated.)
 */
export function lastUpdatedCoversChildrenRule(listKey: string, parent: string, children: string) {
	return objectRule((value, payload) => {
		if (!isRecord(value)) return;
		const own = value.last_updated;
		const list = value[listKey];
		if (!isValidDateTime(own) || !Array.isArray(list)) return;
		let newest = -1;
		let newestValue = own;
		for (let i = 0; i < list.length; i++) {
			const child = list[i];
			if (!isRecord(child)) continue;
			const childValue = child.last_updated;
			if (isValidDateTime(childValue) && isLaterLastUpdated(childValue, newestValue)) {
				newest = i;
				newestValue = childValue;
			}
		}
		if (newest < 0) return;
		const message = `last_updated (${own}) is older than {related} (${newestValue}); a ${parent}'s last_updated must be at least as recent as that of any of its ${children}`;
		reportIssue(payload, issue('last_updated_older_than_child', message, [listKey, newest, 'last_updated']), ['last_updated'], own);
	});
}

/**
 * Connector: OCPI wants the line-to-neutral voltage for AC_3_PHASE (230 V in Europe); 400 V is the
 * voltage between two phases, a common slip of asset exports. A warning: the value is allowed.
 * `voltageKey` is max_voltage in 2.2.1 and voltage in 2.1.1.
 */
export function lineToNeutralVoltageRule(voltageKey: string) {
	return objectRule((value, payload) => {
		if (!isRecord(value) || value.power_type !== 'AC_3_PHASE') return;
		const voltage = value[voltageKey];
		if (typeof voltage !== 'number' || !looksLineToLine(voltage)) return;
		const message = `${voltageKey} ${voltage} looks like a line-to-line voltage; OCPI wants line-to-neutral (230 V) for AC_3_PHASE`;
		reportIssue(payload, warning(message), [voltageKey], voltage);
	});
}

/** Float sums of percentages such as 33.3 + 33.3 + 33.4 may land a hair above 100. */
const PERCENTAGE_TOLERANCE = 0.001;

/** EnergyMix.energy_sources: the shares of one mix cannot add up to more than 100 %. A warning. */
export const energySourcesTotalRule = objectRule((list, payload) => {
	if (!Array.isArray(list) || list.length < 2) return;
	let total = 0;
	for (const entry of list) {
		if (!isRecord(entry)) continue;
		const share = entry.percentage;
		if (typeof share === 'number' && Number.isFinite(share) && share >= 0 && share <= 100) total += share;
	}
	if (total <= 100 + PERCENTAGE_TOLERANCE) return;
	const shown = Math.round(total * 100) / 100;
	const message = `energy_sources percentages add up to ${shown}; the shares of one energy mix should add up to 100 at most`;
	reportIssue(payload, warning(message), [], list);
});
