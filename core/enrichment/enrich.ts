/**
 * CONTRACT (implemented by the enrichment work): fills gaps and normalises an OCPI object before it
 * is checked, and lists every change it made. Never mutates its input, never throws on bad input
 * (it leaves what it cannot understand for the validator to report).
 */
import type { OcpiObjectKind, OcpiVersion } from '../ocpi/version';

export type EvseIdNormalisation = 'off' | 'strict' | 'lenient';

export interface ReferenceData {
	/** Field of the object whose value selects the row, e.g. `id` (a Location id). */
	keyField: string;
	/** Rows by key; each row's fields are merged into the object (object's own values win unless `overwrite`). */
	rows: Record<string, Record<string, unknown>>;
	overwrite?: boolean;
}

export interface EnrichmentOptions {
	/** publish=true, charging_when_closed=true, last_updated = now (UTC `Z`) where missing. */
	defaults?: boolean;
	/** country given as a name or alpha-2 → ISO 3166-1 alpha-3. */
	countryCodes?: boolean;
	/** time_zone from coordinates (IANA name) where missing. */
	timeZone?: boolean;
	/** Coordinates given as numbers or with comma decimals → spec strings. */
	coordinates?: boolean;
	evseId?: EvseIdNormalisation;
	referenceData?: ReferenceData;
	/** The clock, for defaults; tests pass a fixed one. */
	now?: Date;
}

export interface EnrichmentChange {
	/** JSON path as in OcpiIssue.path. */
	path: string;
	from: unknown;
	to: unknown;
	/** Why, in words, e.g. "country name 'Germany' converted to ISO 3166-1 alpha-3". */
	reason: string;
}

export interface EnrichmentResult {
	object: unknown;
	changes: EnrichmentChange[];
}

export function enrichOcpiObject(
	_input: unknown,
	_kind: OcpiObjectKind,
	_version: OcpiVersion,
	_options: EnrichmentOptions,
): EnrichmentResult {
	throw new Error('not implemented yet');
}
