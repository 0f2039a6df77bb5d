/**
 * Connector standards as people write them ('Typ 2', 'CCS Combo 2', 'Schuko socket') → OCPI
 * ConnectorType, plus a ConnectorFormat hint: from the text when it says 'cable' or 'socket',
 * otherwise the usual build of that connector (DC plugs are always tethered; Type 2 is usually a socket).
 */
import { CONNECTOR_FORMATS, type ConnectorFormat } from '../../ocpi/v221/enums';
import { CONNECTOR_TYPES, type ConnectorType } from '../../ocpi/v230/enums';
import type { OcpiVersion } from '../../ocpi/version';
import { connectorTypesOf } from './ocpiValues';
import { fail, ok, quote, type TransformResult } from './result';
import { findAllowedValue, mapValue, type ValueMap, type ValueMapEntry, type ValueMapPreset } from './valueMap';

export interface ConnectorStandardTarget {
	standard: ConnectorType;
	/** The usual format of this connector; absent when there is no usual one (e.g. GB/T AC). */
	format?: ConnectorFormat;
}

export interface ConnectorStandardMatch extends ConnectorStandardTarget {
	/** 'text' when the raw value said cable/socket, 'preset' when it is the connector's usual build. */
	formatFrom?: 'text' | 'preset';
}

type Entry = ValueMapEntry<ConnectorStandardTarget>;

function entries(standard: ConnectorType, format: ConnectorFormat | undefined, words: readonly string[], note?: string): Array<[string, Entry]> {
	// Frozen: map lookups hand these objects out, and the preset must stay as shipped.
	const value: ConnectorStandardTarget = Object.freeze(format ? { standard, format } : { standard });
	return words.map((word) => [word, Object.freeze(note ? { value, note } : { value })]);
}

const NACS_NOTE =
	'NACS (SAE J3400) has no OCPI 2.2.1 or 2.1.1 value: mapped to TESLA_S, the Tesla connector it standardises (OCPI 2.3.0 has SAE_J3400)';

/** 2.3.0 values that older versions lack but name with a close relative, and what is said when they do. */
const OLDER_VERSION_STAND_INS: Partial<Record<ConnectorType, { standard: ConnectorType; note: string }>> = {
	SAE_J3400: { standard: 'TESLA_S', note: NACS_NOTE },
};

/** Reads 'IEC_62196_T2', 'iec 62196 t2' or 'IEC_62196_T2 CABLE' as a user's value map target. */
function parseTarget(text: string): ConnectorStandardTarget | undefined {
	const trimmed = text.trim();
	const whole = findAllowedValue(CONNECTOR_TYPES, trimmed);
	if (whole) return { standard: whole };
	const parts = /^(.*?)[\s/,;]+(socket|cable)$/i.exec(trimmed);
	if (!parts) return undefined;
	const standard = findAllowedValue(CONNECTOR_TYPES, parts[1]);
	const format = findAllowedValue(CONNECTOR_FORMATS, parts[2]);
	return standard && format ? { standard, format } : undefined;
}

export const CONNECTOR_STANDARD_PRESET: ValueMapPreset<ConnectorStandardTarget> = Object.freeze({
	valueLabel: 'OCPI ConnectorType',
	mapName: 'Connector Standard',
	describeTarget: (target: ConnectorStandardTarget) => (target.format ? `${target.standard} ${target.format}` : target.standard),
	allowedValues: CONNECTOR_TYPES,
	entries: Object.freeze(
		Object.fromEntries([
			...entries('IEC_62196_T2', 'SOCKET', ['Type 2', 'Typ 2', 'T2', 'Mennekes', 'IEC 62196-2']),
			...entries('IEC_62196_T2_COMBO', 'CABLE', ['CCS', 'CCS2', 'Combo 2', 'CCS Combo 2']),
			...entries('IEC_62196_T1_COMBO', 'CABLE', ['CCS1', 'Combo 1', 'CCS Combo 1']),
			...entries('IEC_62196_T1', 'CABLE', ['Type 1', 'Typ 1', 'T1', 'J1772', 'SAE J1772']),
			...entries('CHADEMO', 'CABLE', ['CHAdeMO']),
			...entries('DOMESTIC_F', 'SOCKET', ['Schuko', 'CEE 7/4', 'Type F', 'Typ F']),
			...entries('DOMESTIC_E', 'SOCKET', ['Type E', 'Typ E']),
			...entries('DOMESTIC_G', 'SOCKET', ['Type G', 'Typ G', 'BS 1363']),
			...entries('GBT_AC', undefined, ['GB/T AC', 'GBT AC']),
			...entries('GBT_DC', 'CABLE', ['GB/T DC', 'GBT DC']),
			...entries('TESLA_S', 'CABLE', ['Tesla', 'Tesla Supercharger']),
			...entries('SAE_J3400', 'CABLE', ['NACS', 'SAE J3400', 'J3400']),
			...entries('MCS', 'CABLE', ['MCS', 'Megawatt Charging System']),
			...entries('IEC_62196_T3A', 'SOCKET', ['Type 3A', 'Typ 3A']),
			...entries('IEC_62196_T3C', 'SOCKET', ['Type 3C', 'Typ 3C']),
			...entries('IEC_60309_2_single_16', 'SOCKET', ['CEE 16A blue']),
			...entries('IEC_60309_2_three_16', 'SOCKET', ['CEE 16A red']),
			...entries('IEC_60309_2_three_32', 'SOCKET', ['CEE 32A red']),
			...entries('IEC_60309_2_three_64', 'SOCKET', ['CEE 63A', 'CEE 64A', 'CEE 63A red', 'CEE 64A red']),
			...entries('CHAOJI', 'CABLE', ['ChaoJi']),
			...entries('PANTOGRAPH_TOP_DOWN', undefined, ['Pantograph']),
			// Plug words in Spanish, and household sockets by their local names (French ones are type E).
			...entries('IEC_62196_T2', 'SOCKET', ['Tipo 2', 'Mennekes Typ 2']),
			...entries('IEC_62196_T1', 'CABLE', ['Tipo 1']),
			...entries('IEC_62196_T3A', 'SOCKET', ['Tipo 3A']),
			...entries('IEC_62196_T3C', 'SOCKET', ['Tipo 3C']),
			...entries('IEC_62196_T2_COMBO', 'CABLE', ['CCS Typ 2', 'CCS Type 2', 'CCS Tipo 2', 'Combo CCS']),
			...entries('DOMESTIC_F', 'SOCKET', ['Haushaltssteckdose', 'Schutzkontakt', 'enchufe doméstico', 'huishoudstekker', 'randaarde']),
			...entries('DOMESTIC_E', 'SOCKET', ['prise domestique', 'prise E/F']),
		]),
	),
	parseTarget,
});

// Words that say how the connector is built; they are not part of the standard's name.
const CABLE_WORDS = /\b(?:(?:with|mit|met|avec|con)\s+)?(?:tethered|attached|fixed|cable|cord|kabel|câble)(?![\wé])/gi;
const SOCKET_WORDS = /\b(?:socket|outlet|receptacle|steckdose|buchse|prise|stopcontact|toma|enchufe)\b/gi;

function formatInText(text: string): ConnectorFormat | undefined {
	const cable = new RegExp(CABLE_WORDS.source, 'i').test(text);
	const socket = new RegExp(SOCKET_WORDS.source, 'i').test(text);
	if (cable === socket) return undefined;
	return cable ? 'CABLE' : 'SOCKET';
}

function withoutFormatWords(text: string): string {
	return text.replace(CABLE_WORDS, ' ').replace(SOCKET_WORDS, ' ').replace(/[()[\],;]+/g, ' ').trim();
}

/**
 * Maps a connector standard. Text like 'Type 2 (tethered)' gives IEC_62196_T2 with format CABLE;
 * in OCPI 2.1.1 types that version lacks (CHAOJI, GBT_*, PANTOGRAPH_* …) are refused.
 */
export function mapConnectorStandard(
	map: ValueMap<ConnectorStandardTarget>,
	raw: unknown,
	fieldLabel = 'connector standard',
	version: OcpiVersion = '2.2.1',
): TransformResult<ConnectorStandardMatch> {
	let mapped = mapValue(map, raw, fieldLabel);
	const text = typeof raw === 'string' ? raw : '';
	const stripped = withoutFormatWords(text);
	if (!mapped.ok && stripped !== '' && stripped !== text.trim()) {
		const retry = mapValue(map, stripped, fieldLabel);
		if (retry.ok) mapped = retry;
	}
	if (!mapped.ok) return mapped;
	const { format: usual } = mapped.value;
	let { standard } = mapped.value;
	if (!connectorTypesOf(version).includes(standard)) {
		const standIn = OLDER_VERSION_STAND_INS[standard];
		if (!standIn) {
			const newer = connectorTypesOf('2.2.1').includes(standard) ? 'OCPI 2.2.1' : 'OCPI 2.3.0';
			return fail(`${fieldLabel} ${quote(raw)} is ${standard}, which OCPI ${version} does not have: map it to another connector type or use ${newer}`);
		}
		standard = standIn.standard;
		mapped = ok(mapped.value, standIn.note);
	}
	const said = formatInText(text);
	if (said) return ok({ standard, format: said, formatFrom: 'text' }, mapped.note);
	if (usual) return ok({ standard, format: usual, formatFrom: 'preset' }, mapped.note);
	return ok({ standard }, mapped.note);
}
