/**
 * Switch `defaults`: fills what OCPI requires but asset systems rarely hold. Never overwrites a
 * given value.
 * - Location.publish = true (2.2.1 only; 2.1.1 has no publish).
 * - Location.charging_when_closed = true (the spec's own default).
 * - last_updated = now (UTC, whole seconds, `Z`) on the Location, every EVSE and every Connector.
 *   A parent that gets a default is never older than its children: it takes the newest of now and
 *   the last_updated of everything below it (OCPI's last_updated covers "this object or any child").
 */
import { ocpiDateTime, ocpiInstantMs } from '../foundation/dateTime';
import { formatPath } from '../foundation/path';
import type { EnrichmentChange } from './enrich';
import { allNodes, laterLastUpdated, type OcpiNode } from '../ocpi/locationTree';
import type { EnrichmentStep, StepContext } from './step';
import { isBlank } from '../foundation/json';
import { hasPartyFields } from '../ocpi/version';

const SECOND = 1000;


function defaultLastUpdated(node: OcpiNode, now: number, writable: StepContext['writable']): EnrichmentChange | undefined {
	if (!isBlank(node.object.last_updated)) return undefined;
	const newestText = allNodes(node)
		.slice(1)
		.reduce<unknown>((newest, child) => laterLastUpdated(newest, child.object.last_updated), undefined);
	// Round a child's fractional second up, so the parent written in whole seconds is not older.
	const newestChild = Math.ceil(ocpiInstantMs(newestText) / SECOND) * SECOND;
	const followsChild = newestChild > now;
	const to = ocpiDateTime(followsChild ? newestChild : now);
	const from = node.object.last_updated;
	writable(node).last_updated = to;
	const reason = followsChild
		? 'last_updated was missing; set to the newest last_updated of the EVSEs/Connectors it contains, which lies after now, so the parent is not older than a child'
		: 'last_updated was missing; set to the current time (UTC)';
	return { path: formatPath([...node.path, 'last_updated']), from, to, reason };
}

function defaultFlag(node: OcpiNode, field: string, reason: string, writable: StepContext['writable'], changes: EnrichmentChange[]): void {
	if (!isBlank(node.object[field])) return;
	const from = node.object[field];
	writable(node)[field] = true;
	changes.push({ path: formatPath([...node.path, field]), from, to: true, reason });
}

// runs on every object the Validator sees, most of which have every default already: no lists per node
export const fillDefaults: EnrichmentStep = (working, { version, options, nodes: nodesOf, writable }) => {
	const clock = options.now instanceof Date && Number.isFinite(options.now.getTime()) ? options.now : new Date();
	const now = Math.floor(clock.getTime() / SECOND) * SECOND;
	const nodes = nodesOf(working);
	const changes: EnrichmentChange[] = [];
	for (const node of nodes) {
		if (node.kind !== 'location') continue;
		if (hasPartyFields(version)) {
			defaultFlag(node, 'publish', 'publish defaults to true (set it to false yourself for private chargers)', writable, changes);
		}
		defaultFlag(node, 'charging_when_closed', 'charging_when_closed defaults to true, as in the OCPI specification', writable, changes);
	}
	// Children first, so a parent sees its children's final last_updated; the changes are listed parents first.
	const lastUpdatedChanges: EnrichmentChange[] = [];
	for (let i = nodes.length - 1; i >= 0; i--) {
		const change = defaultLastUpdated(nodes[i], now, writable);
		if (change) lastUpdatedChanges.push(change);
	}
	for (let i = lastUpdatedChanges.length - 1; i >= 0; i--) changes.push(lastUpdatedChanges[i]);
	return changes;
};
