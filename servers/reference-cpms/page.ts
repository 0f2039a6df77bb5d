/**
 * A read-only HTML view of what the CPMS holds. Every value from stored data goes through escapeHtml:
 * the data comes from clients, and a Location named `<script>` must stay text.
 */
import type { OcpiVersion } from '../../core/ocpi/version';
import type { CpmsStore, Json } from './store';
import { OCPI_VERSIONS } from '../../core/ocpi/version';

export function escapeHtml(value: unknown): string {
	return String(value ?? '').replace(/[&<>"'`]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function connectorsHtml(connectors: unknown): string {
	if (!Array.isArray(connectors) || connectors.length === 0) return '<em>no connectors</em>';
	const items = connectors.map((c: Json) => {
		const power = c?.max_electric_power ?? '';
		const volts = c?.max_voltage ?? c?.voltage ?? '';
		const amps = c?.max_amperage ?? c?.amperage ?? '';
		return `<li>${escapeHtml(c?.id)}: ${escapeHtml(c?.standard)} ${escapeHtml(c?.format)} ${escapeHtml(c?.power_type)} ${escapeHtml(volts)} V ${escapeHtml(amps)} A${power !== '' ? ` ${escapeHtml(power)} W` : ''} <small>(${escapeHtml(c?.last_updated)})</small></li>`;
	});
	return `<ul>${items.join('')}</ul>`;
}

function evseRows(evses: unknown): string {
	if (!Array.isArray(evses) || evses.length === 0) return '<tr><td colspan="5"><em>no EVSEs</em></td></tr>';
	return evses
		.map((evse: Json) => {
			const removed = evse?.status === 'REMOVED';
			return `<tr class="${removed ? 'removed' : ''}"><td>${escapeHtml(evse?.uid)}</td><td>${escapeHtml(evse?.evse_id)}</td><td class="status">${removed ? '&#10006; ' : ''}${escapeHtml(evse?.status)}</td><td>${connectorsHtml(evse?.connectors)}</td><td>${escapeHtml(evse?.last_updated)}</td></tr>`;
		})
		.join('');
}

function locationHtml(version: OcpiVersion, party: string, location: Json): string {
	const title = location.name ? `${escapeHtml(location.name)} <small>(${escapeHtml(location.id)})</small>` : escapeHtml(location.id);
	return `<section><h2>${title}</h2>
<p>${escapeHtml(party)} · OCPI ${escapeHtml(version)} · ${escapeHtml(location.address)}, ${escapeHtml(location.postal_code)} ${escapeHtml(location.city)} (${escapeHtml(location.country)}) · last_updated ${escapeHtml(location.last_updated)}</p>
<table><thead><tr><th>uid</th><th>evse_id</th><th>status</th><th>connectors</th><th>last_updated</th></tr></thead><tbody>${evseRows(location.evses)}</tbody></table></section>`;
}

// the page refreshes every 5 s: with 100,000 Locations it shows the first ones and counts the rest
const SHOWN_PER_VERSION = 200;

export function renderPage(store: CpmsStore): string {
	const sections: string[] = [];
	// every version the store holds, whichever subset the CPMS speaks now
	let held = 0;
	for (const version of OCPI_VERSIONS) {
		held += store.countLocations(version);
		for (const { party, location } of store.allLocations(version, SHOWN_PER_VERSION)) sections.push(locationHtml(version, party, location));
	}
	const shown = held > sections.length ? ` (the first ${sections.length} shown)` : '';
	const registration = store.registration;
	const registered = registration
		? `Registered client: ${escapeHtml(registration.clientUrl)} (OCPI ${escapeHtml(registration.version)}, since ${escapeHtml(registration.registeredAt)})`
		: 'No client registered yet';
	return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="5"><title>Reference CPMS</title>
<style>body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}
tr.removed{background:#fdd;text-decoration:line-through}tr.removed td.status{font-weight:bold;text-decoration:none}ul{margin:0;padding-left:1.2em}</style></head>
<body><h1>Reference CPMS</h1><p>${registered} · ${held} Location(s)${shown} · refreshes every 5 s</p>
${sections.join('\n') || '<p><em>No Locations received yet.</em></p>'}
</body></html>`;
}
