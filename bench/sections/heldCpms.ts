/**
 * An OcpiClient whose CPMS answers from memory: the version details with a Locations Sender and
 * Receiver, and one Sender page listing the Locations it holds (as JSON.parse left the answer). The
 * pipeline section runs the Push's own sync sequence (core/push/runLocationSync) against it, so what is
 * timed is the node's per-Location work without the network. Any other request throws: on the
 * unchanged network it compares, a write would be a planner defect, and it shows as a failed Location.
 */
import type { OcpiClient } from '../../core/client';
import type { CallResult } from '../../core/client/ocpiRequest';
import type { Discovery } from '../../core/client/versionDiscovery';

const BASE = 'http://cpms.invalid/ocpi/2.2.1';

const DISCOVERY: Discovery = {
	version: '2.2.1',
	versionUrl: BASE,
	endpoints: [
		{ identifier: 'locations', role: 'RECEIVER', url: `${BASE}/receiver/locations` },
		{ identifier: 'locations', role: 'SENDER', url: `${BASE}/sender/locations` },
	],
	locationsUrl: `${BASE}/receiver/locations`,
};

function unexpected(what: string): never {
	throw new Error(`the bench's in-memory CPMS takes no ${what}`);
}

export function heldCpmsClient(held: readonly unknown[]): OcpiClient {
	const page: CallResult = {
		method: 'GET',
		path: '/ocpi/2.2.1/sender/locations',
		httpStatus: 200,
		statusCode: 1000,
		data: held,
		attempts: 1,
		headers: { 'x-total-count': String(held.length), 'x-limit': String(Math.max(held.length, 1)) },
	};
	return {
		discover: () => Promise.resolve(DISCOVERY),
		getPage: () => Promise.resolve(page),
		getLocation: () => unexpected('GET'),
		getEvse: () => unexpected('GET'),
		getConnector: () => unexpected('GET'),
		get: () => unexpected('GET'),
		put: () => unexpected('PUT'),
		patch: () => unexpected('PATCH'),
		executePlan: () => unexpected('write'),
		registerCredentials: () => unexpected('registration'),
	};
}
