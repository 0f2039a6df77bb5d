/**
 * The Location → EVSE → Connector tree while rows are being grouped, keyed by id so each row costs
 * a few Map lookups. Objects are kept as built; nothing is cloned.
 */
import type { FirstRecord } from './disagreements';

export interface ConnectorEntry {
	id: string;
	value: Record<string, unknown>;
	updated?: string;
	/** Every item that described this connector (more than one when rows repeat it). */
	sources: number[];
	notes?: string[];
	/** Set when two items describe it differently: it is left out and they are reported. */
	conflict?: string;
}

/** What a Location and an EVSE keep of their own fields, read from their first record. */
export interface ParentEntry {
	value?: Record<string, unknown>;
	updated?: string;
	/** Reasons the object's own fields cannot be used; what it holds then cannot be either. */
	failed?: string[];
	notes?: string[];
	first?: FirstRecord;
}

export interface EvseEntry extends ParentEntry {
	uid: string;
	/** The asset system's charge point key (differs from uid when EVSEs are per outlet). */
	chargePoint: string;
	/** The bay its uid was first written for ('' with one EVSE per charge point): another bay may not take the uid. */
	bay: string;
	connectors: Map<string, ConnectorEntry>;
}

export interface LocationEntry extends ParentEntry {
	id: string;
	evses: Map<string, EvseEntry>;
}
