/** EVSE status words as asset systems write them → OCPI Status (the same nine values in 2.2.1 and 2.1.1). */
import { STATUSES, type Status } from '../../ocpi/v221/enums';
import { findAllowedValue, mapValue, type ValueMap, type ValueMapEntry, type ValueMapPreset } from './valueMap';
import type { TransformResult } from './result';

function entries(status: Status, words: readonly string[]): Array<[string, ValueMapEntry<Status>]> {
	return words.map((word) => [word, Object.freeze({ value: status })]);
}

export const STATUS_PRESET: ValueMapPreset<Status> = Object.freeze({
	valueLabel: 'OCPI Status',
	mapName: 'Status',
	describeTarget: (status: Status) => status,
	allowedValues: STATUSES,
	entries: Object.freeze(
		Object.fromEntries([
			// English, then German, French, Dutch and Spanish lifecycle words as asset systems write them.
			...entries('AVAILABLE', ['in service', 'operational', 'active', 'available', 'free']),
			...entries('AVAILABLE', ['in Betrieb', 'betriebsbereit', 'verfügbar', 'frei', 'aktiv', 'en service', 'disponible', 'libre', 'actif']),
			...entries('AVAILABLE', ['in bedrijf', 'beschikbaar', 'vrij', 'actief', 'en servicio', 'operativo', 'activo']),
			...entries('CHARGING', ['charging', 'occupied', 'in use']),
			...entries('CHARGING', ['lädt', 'belegt', 'in Benutzung', 'en charge', 'occupé', 'bezet', 'in gebruik', 'cargando', 'ocupado', 'en uso']),
			...entries('OUTOFORDER', ['faulty', 'out of order', 'error', 'broken']),
			...entries('OUTOFORDER', ['gestört', 'Störung', 'defekt', 'außer Betrieb', 'hors service', 'en panne', 'défectueux', 'défaut']),
			...entries('OUTOFORDER', ['defect', 'storing', 'buiten gebruik', 'averiado', 'fuera de servicio', 'avería']),
			...entries('INOPERATIVE', ['inoperative', 'disabled', 'maintenance', 'blocked by operator']),
			...entries('INOPERATIVE', ['Wartung', 'in Wartung', 'gesperrt', 'deaktiviert', 'en maintenance', 'désactivé', 'onderhoud', 'in onderhoud']),
			...entries('INOPERATIVE', ['uitgeschakeld', 'mantenimiento', 'en mantenimiento', 'deshabilitado', 'desactivado']),
			...entries('PLANNED', ['planned', 'under construction', 'commissioning']),
			...entries('PLANNED', ['geplant', 'in Planung', 'im Bau', 'Inbetriebnahme', 'planifié', 'prévu', 'en construction', 'mise en service']),
			...entries('PLANNED', ['gepland', 'in aanbouw', 'inbedrijfstelling', 'planificado', 'previsto', 'en construcción', 'puesta en marcha']),
			...entries('REMOVED', ['decommissioned', 'removed', 'deleted', 'retired']),
			...entries('REMOVED', ['stillgelegt', 'abgebaut', 'entfernt', 'außer Dienst gestellt', 'démonté', 'retiré', 'supprimé', 'désaffecté']),
			...entries('REMOVED', ['verwijderd', 'buiten dienst gesteld', 'ontmanteld', 'desmantelado', 'retirado', 'eliminado', 'dado de baja']),
			...entries('RESERVED', ['reserved', 'reserviert', 'réservé', 'gereserveerd', 'reservado']),
			...entries('BLOCKED', ['blocked', 'blockiert', 'zugeparkt', 'bloqué', 'geblokkeerd', 'bloqueado']),
			...entries('UNKNOWN', ['unknown', 'offline', 'unbekannt', 'inconnu', 'hors ligne', 'onbekend', 'desconocido']),
		]),
	),
	parseTarget: (text: string) => findAllowedValue(STATUSES, text),
});

export function mapStatus(map: ValueMap<Status>, raw: unknown, fieldLabel = 'status'): TransformResult<Status> {
	return mapValue(map, raw, fieldLabel);
}
