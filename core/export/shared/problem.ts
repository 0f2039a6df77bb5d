/** One reason an object was left out of an export (or a note on it), with the rule that says so. */
export interface ExportProblem {
	/** e.g. 'IRVE:required', 'IRVE:pattern', 'QC-24', 'DATEX:mandatory'. */
	rule: string;
	/** The column or element concerned. */
	field?: string;
	message: string;
}

/** An object (a station, a site) withheld from the file, with every problem found on it. */
export interface WithheldObject {
	format: 'irve' | 'datex';
	locationId: string;
	/** The station's id in the export format, when it could be built. */
	stationId?: string;
	problems: ExportProblem[];
}

/** A Location not exported because it lies outside the export's country; listed so the run shows it. */
export interface SkippedLocation {
	locationId: string;
	country: string;
}
