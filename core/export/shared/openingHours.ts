/**
 * OCPI opening hours → OpenStreetMap `opening_hours` syntax (https://wiki.openstreetmap.org/wiki/Key:opening_hours),
 * the format of IRVE's `horaires`: `24/7`, or rules like `Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00`.
 * Days with the same periods are joined into ranges; days without periods are closed (OSM's default).
 */
import type { OcpiHours } from './ocpiView';

const OSM_DAYS = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const HOUR_MINUTE = /^([01]\d|2[0-3]):[0-5]\d$/;

export type OsmHoursResult = { ok: true; value: string; note?: string } | { ok: false; reason: string };

function dayGroups(periodsByDay: string[]): string[] {
	const rules: string[] = [];
	let start = 0;
	for (let day = 1; day <= 7; day++) {
		if (day < 7 && periodsByDay[day] === periodsByDay[start]) continue;
		const periods = periodsByDay[start];
		if (periods !== '') {
			const end = day - 1;
			const days = end === start ? OSM_DAYS[start] : `${OSM_DAYS[start]}-${OSM_DAYS[end]}`;
			rules.push(`${days} ${periods}`);
		}
		start = day;
	}
	return rules;
}

export function osmOpeningHours(hours: OcpiHours | undefined): OsmHoursResult {
	if (hours === undefined) return { ok: false, reason: 'the Location has no opening_times' };
	const note =
		(hours.exceptional_openings?.length ?? 0) + (hours.exceptional_closings?.length ?? 0) > 0
			? 'exceptional openings/closings are dated events and are not written into the regular hours'
			: undefined;
	if (hours.twentyfourseven === true) return { ok: true, value: '24/7', note };
	const regular = hours.regular_hours ?? [];
	if (regular.length === 0) return { ok: false, reason: 'opening_times is not 24/7 and has no regular_hours' };
	const byDay: Array<Array<[string, string]>> = OSM_DAYS.map(() => []);
	for (const period of regular) {
		const { weekday, period_begin: begin, period_end: end } = period;
		if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) return { ok: false, reason: `regular_hours weekday ${String(weekday)} is not 1–7` };
		if (!HOUR_MINUTE.test(begin) || !(HOUR_MINUTE.test(end) || end === '24:00') || end <= begin) {
			return { ok: false, reason: `regular_hours period ${begin}-${end} is not a valid HH:MM range` };
		}
		byDay[weekday - 1].push([begin, end]);
	}
	const periodsByDay = byDay.map((periods) =>
		periods
			.sort(([a], [b]) => a.localeCompare(b))
			.map(([begin, end]) => `${begin}-${end}`)
			.join(','),
	);
	if (periodsByDay.every((periods) => periods === '00:00-23:59' || periods === '00:00-24:00')) return { ok: true, value: '24/7', note };
	return { ok: true, value: dayGroups(periodsByDay).join('; '), note };
}
