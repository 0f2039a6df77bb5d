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

/** The UTC offset (`+01:00`) of an IANA time zone at an instant, or undefined for an unknown zone. */
export function utcOffset(timeZone: string | undefined, at: Date): string | undefined {
	if (!timeZone) return undefined;
	try {
		const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName');
		const offset = part?.value.replace(/^GMT/, '') ?? '';
		return offset === '' ? '+00:00' : offset;
	} catch {
		return undefined;
	}
}

/** Drops undefined members so the JSON holds only what is known (and fingerprints do not depend on absent keys). */
export function compact<T extends Record<string, unknown>>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as T;
}
