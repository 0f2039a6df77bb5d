/**
 * The asset system and the CPMS of a sync test, seen from the test: calls to the sample asset API, its records,
 * what the reference CPMS holds and how often it was written to. Servers given as getters: tests start them in
 * beforeAll, after these helpers are made.
 */
import type { ReferenceCpms } from '../../../servers/reference-cpms';
import type { SampleAssetApi } from '../../../servers/sample-asset-api';
import type { OcpiLocation } from './templates';

export function syncWorld(api: () => SampleAssetApi, cpms: () => ReferenceCpms, apiKey: string) {
	async function assetApi(method: string, route: string, body?: unknown): Promise<Response> {
		const response = await fetch(`${api().url}${route}`, {
			method,
			headers: { 'Content-Type': 'application/json', 'X-API-Key': apiKey },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (response.status >= 300) throw new Error(`${method} ${route} → ${response.status} ${await response.text()}`);
		return response;
	}

	/** The asset records in the order the asset API lists them (by id), as the trigger and the full compare read them. */
	const records = () => Object.values(api().store.data.chargers).sort((a, b) => a.charger_id.localeCompare(b.charger_id));
	const cpmsLocations = () => new Map(cpms().store.allLocations('2.2.1').map(({ location }) => [location.id as string, location as OcpiLocation]));
	const writes = () => cpms().requestLog.list().filter((entry) => entry.method === 'PUT' || entry.method === 'PATCH').length;
	const evseStatuses = (locationId: string) => Object.fromEntries((cpmsLocations().get(locationId)?.evses ?? []).map((evse) => [evse.uid, evse.status]));

	function chargerOf(siteId: string): Record<string, unknown> {
		const charger = records().find((record) => record.site_id === siteId && record.state !== 'decommissioned');
		if (!charger) throw new Error(`no charger in service at ${siteId}`);
		return charger;
	}

	/** A one-outlet AC charger at an existing site (its address and position copied). */
	function newCharger(chargerId: string, siteId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
		const site = chargerOf(siteId);
		const fields = ['site_id', 'site_name', 'street', 'zip', 'town', 'country', 'lat', 'lon', 'operator'];
		return {
			...Object.fromEntries(fields.map((field) => [field, site[field]])),
			charger_id: chargerId,
			charger_serial: `E2E-${chargerId}`,
			model: 'Wallbox Single 11',
			state: 'in service',
			outlets: [{ no: 1, bay: 1, plug: 'Typ 2', kw: '11', current: 'AC', phases: 3, amps: 16, volts: 400 }],
			...overrides,
		};
	}

	/** Sets fields of a charger through the asset API; returns the record as it now is. */
	const patchCharger = async (chargerId: string, changes: Record<string, unknown>) =>
		(await (await assetApi('PATCH', `/api/chargers/${chargerId}`, changes)).json()) as Record<string, unknown>;

	/** Sites no sync may send: one with impossible coordinates, one whose only plug nobody mapped. */
	async function addBrokenAssets(): Promise<void> {
		const berlin = chargerOf('BER-0001');
		await assetApi('POST', '/api/chargers', { ...newCharger('BAD-0001-AC1', 'BER-0001'), site_id: 'BAD-0001', site_name: 'Typo site', lat: 152.1, lon: berlin.lon });
		await assetApi('POST', '/api/chargers', {
			...newCharger('BAD-0002-AC1', 'BER-0001'),
			site_id: 'BAD-0002',
			site_name: 'Odd plug site',
			outlets: [{ no: 1, bay: 1, plug: 'Typ 3', kw: '22', current: 'AC', phases: 3, amps: 32, volts: 400 }],
		});
	}

	return { addBrokenAssets, assetApi, records, cpmsLocations, writes, evseStatuses, chargerOf, newCharger, patchCharger };
}
