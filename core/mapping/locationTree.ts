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

export interface EvseEntry {
	uid: string;
	/** The asset system's charge point key (differs from uid when EVSEs are per outlet). */
	chargePoint: string;
	value?: Record<string, unknown>;
	updated?: string;
	/** Reasons the EVSE's own fields cannot be used; its connectors then cannot be either. */
	failed?: string[];
	notes?: string[];
	first?: FirstRecord;
	connectors: Map<string, ConnectorEntry>;
}

export interface LocationEntry {
	id: string;
	value?: Record<string, unknown>;
	updated?: string;
	failed?: string[];
	notes?: string[];
	first?: FirstRecord;
	evses: Map<string, EvseEntry>;
}
