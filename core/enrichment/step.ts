/** What every enrichment step gets and gives: it edits the working copy and lists its changes. */
import type { OcpiNode } from '../ocpi/locationTree';
import type { OcpiObjectKind, OcpiVersion } from '../ocpi/version';
import type { EnrichmentChange, EnrichmentOptions } from './enrich';

export interface StepContext {
	kind: OcpiObjectKind;
	version: OcpiVersion;
	options: EnrichmentOptions;
	/** Every node of the working copy's Location → EVSE → Connector tree, parents first; built once for the steps that walk it. */
	nodes(working: unknown): OcpiNode[];
}

/** Edits `working` (already a private copy) in place; returns the changes it made. */
export type EnrichmentStep = (working: unknown, context: StepContext) => EnrichmentChange[];
