/** What every enrichment step gets and gives: it edits the working copy and lists its changes. */
import type { JsonObject } from '../foundation/json';
import type { OcpiNode } from '../ocpi/locationTree';
import type { OcpiObjectKind, OcpiVersion } from '../ocpi/version';
import type { EnrichmentChange, EnrichmentOptions } from './enrich';

export interface StepContext {
	kind: OcpiObjectKind;
	version: OcpiVersion;
	options: EnrichmentOptions;
	/** Every node of the working object's Location → EVSE → Connector tree, parents first; built once for the steps that walk it. */
	nodes(working: unknown): OcpiNode[];
	/** The node's object, safe to write (copied on the first write, with what lies above it). Write only through it. */
	writable(node: OcpiNode): JsonObject;
	/** A point of the node (its coordinates, or a related location), safe to write; undefined when it is no object. */
	writablePoint(node: OcpiNode, field: 'coordinates' | 'related_locations', index?: number): JsonObject | undefined;
}

/** Reads `working` (shared with the input), writes only through context.writable/writablePoint; returns the changes it made. */
export type EnrichmentStep = (working: unknown, context: StepContext) => EnrichmentChange[];
