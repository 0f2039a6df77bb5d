/** What the delta planner produces: the OCPI Receiver requests that bring a CPMS from `known` to `desired`. */
import type { JsonObject } from '../foundation/json';
import type { OcpiVersion } from '../ocpi/version';
import type { WithheldRemoval } from './removals';
import type { StalenessPolicy, StaleSkip } from './staleness';

export type { JsonObject };

export type SyncLevel = 'location' | 'evse' | 'connector';

/** The URL identity of a Location, EVSE or Connector at the Receiver interface. */
export interface LocationIds {
	country_code: string;
	party_id: string;
	location_id: string;
	evse_uid?: string;
	connector_id?: string;
}

export interface PlannedRequest {
	method: 'PUT' | 'PATCH';
	level: SyncLevel;
	ids: LocationIds;
	/** Ready to send: no `_` metadata, PATCH bodies always hold `last_updated`. */
	body: JsonObject;
	/** Why this request exists (for logs and the node's output). */
	reason: string;
	/** PATCH only: the whole object at that level, PUT when the receiver does not know it (transport_and_format §PATCH). */
	fullObject?: JsonObject;
}

export interface FieldChange {
	path: string;
	from: unknown;
	to: unknown;
}

export interface SyncPlan {
	locationId: string;
	ids: LocationIds;
	version: OcpiVersion;
	action: 'create' | 'update' | 'unchanged';
	requests: PlannedRequest[];
	changes: FieldChange[];
	/** EVSEs missing from the desired Location that were left untouched, and why (see removals.ts). */
	withheld: WithheldRemoval[];
	/** Objects the CPMS holds in a newer state, not overwritten (see staleness.ts). */
	stale: StaleSkip[];
}

export interface PlanOptions {
	version: OcpiVersion;
	removedEvsePolicy: 'markRemoved' | 'ignore';
	/** Used as last_updated when the desired one would not be newer than what the receiver has. */
	now: Date | string;
	/** Owner of the Location for the URL when the body has none (OCPI 2.1.1 Locations carry no country_code/party_id). */
	party?: { country_code: string; party_id: string };
	/** The user states that a Location without `_completeness` is a complete read (default: it is not). */
	assumeCompleteWithoutMark?: boolean;
	/** Older-than-the-CPMS rule; absent = DEFAULT_STALENESS. */
	staleness?: StalenessPolicy;
}
