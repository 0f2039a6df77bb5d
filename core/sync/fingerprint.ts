/**
 * A stable hash of a Location for sync state. Equivalent content (core/sync/equivalence) ⇒ equal
 * fingerprint, so the fingerprint of a Location as a spec-legal CPMS hands it back (bulk read) equals
 * the fingerprint of the same content as we push it:
 * - last_updated is left out at every level (we stamp it, some CPMSs replace it);
 * - the equivalence rules: CiStrings in any case, `[]`/null/absent alike, DateTimes as instants, spec defaults;
 * - EVSEs and Connectors in any order (the planner matches them by uid/id);
 * - an EVSE with status REMOVED is left out: the CPMS keeps a removed EVSE for ever while the asset data
 *   drops it, and neither side's REMOVED EVSE needs a write (the one write skipped: a REMOVED EVSE the
 *   CPMS never had).
 * A field the CPMS holds that we never send changes the fingerprint: "not equal" leads to a GET and a plan
 * (which writes to remove it), never to a silent skip.
 */
import { fingerprintHex, isRecord } from '../foundation/json';
import type { OcpiVersion } from '../ocpi/version';
import { canonical } from './equivalence';

type Canonical = Record<string, unknown>;

function byKey(field: string): (a: unknown, b: unknown) => number {
	const key = (item: unknown) => (isRecord(item) ? String(item[field] ?? '') : '');
	return (a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

function connectorForm(connector: unknown): unknown {
	if (!isRecord(connector)) return connector;
	const { last_updated: _stamp, ...rest } = connector;
	return rest;
}

function evseForm(evse: Canonical): Canonical {
	const { last_updated: _stamp, ...rest } = evse;
	if (Array.isArray(rest.connectors)) rest.connectors = rest.connectors.map(connectorForm).sort(byKey('id'));
	return rest;
}

/** `version` decides the CiString rule (2.1.1 ids are case-sensitive); without it ids compare in any case. */
export function fingerprintLocation(location: unknown, version?: OcpiVersion): string {
	const form = canonical(location, '', version);
	if (!isRecord(form)) return fingerprintHex(form ?? null);
	const { last_updated: _stamp, ...rest } = form;
	if (Array.isArray(rest.evses)) {
		const kept = rest.evses.filter((evse): evse is Canonical => isRecord(evse) && evse.status !== 'REMOVED').map(evseForm).sort(byKey('uid'));
		// a Location whose every EVSE is REMOVED equals one that lists none
		if (kept.length > 0) rest.evses = kept;
		else delete rest.evses;
	}
	return fingerprintHex(rest);
}
