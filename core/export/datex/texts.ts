/** DATEX II building blocks: language-tagged texts, enumeration wrappers, UTC offsets of a time zone. */
export interface MultilingualString {
	values: Array<{ lang: string; value: string }>;
}

export function multilingual(lang: string, value: string | undefined): MultilingualString | undefined {
	const text = value?.trim();
	return text ? { values: [{ lang, value: text }] } : undefined;
}

/** DATEX wraps every enumeration value: `{ "value": "ac" }`. */
export function enumValue(value: string): { value: string } {
	return { value };
}

function offsetAt(timeZone: string, at: Date): string {
	const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
	const offset = part?.value.replace(/^GMT/, '') ?? '';
	return offset === '' ? '+00:00' : offset;
}

function minutes(offset: string): number {
	const [hours, mins] = offset.slice(1).split(':').map(Number);
	return (offset.startsWith('-') ? -1 : 1) * (hours * 60 + mins);
}

/**
 * The standard-time UTC offset (`+01:00`) of an IANA time zone in the year of `at`: the smaller of its January and
 * July offsets. Daylight saving time would otherwise change the content, and so the versions, twice a year.
 */
export function standardUtcOffset(timeZone: string | undefined, at: Date): string | undefined {
	if (!timeZone) return undefined;
	try {
		const year = at.getUTCFullYear();
		const offsets = [offsetAt(timeZone, new Date(Date.UTC(year, 0, 1))), offsetAt(timeZone, new Date(Date.UTC(year, 6, 1)))];
		return offsets.sort((a, b) => minutes(a) - minutes(b))[0];
	} catch {
		return undefined;
	}
}

/** Drops undefined members so the JSON holds only what is known (and fingerprints do not depend on absent keys). */
export function compact<T extends Record<string, unknown>>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
