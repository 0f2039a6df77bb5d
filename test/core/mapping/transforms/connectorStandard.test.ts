import {
	CONNECTOR_STANDARD_PRESET,
	mapConnectorStandard,
	type ConnectorStandardTarget,
} from '../../../../core/mapping/transforms/connectorStandard';
import { createValueMap, type UserEntries, type ValueMap } from '../../../../core/mapping/transforms/valueMap';

function connectorMap(user?: UserEntries): ValueMap<ConnectorStandardTarget> {
	const map = createValueMap(CONNECTOR_STANDARD_PRESET, user);
	if (!map.ok) throw new Error(map.reason);
	return map.value;
}

const NACS_NOTE =
	'NACS (SAE J3400) has no OCPI 2.2.1 or 2.1.1 value: mapped to TESLA_S, the Tesla connector it standardises (OCPI 2.3.0 has SAE_J3400)';

describe('mapConnectorStandard preset', () => {
	it.each([
		['Type 2', 'IEC_62196_T2', 'SOCKET'],
		['Typ 2', 'IEC_62196_T2', 'SOCKET'],
		['T2', 'IEC_62196_T2', 'SOCKET'],
		['Mennekes', 'IEC_62196_T2', 'SOCKET'],
		['IEC 62196-2', 'IEC_62196_T2', 'SOCKET'],
		['CCS', 'IEC_62196_T2_COMBO', 'CABLE'],
		['CCS2', 'IEC_62196_T2_COMBO', 'CABLE'],
		['Combo 2', 'IEC_62196_T2_COMBO', 'CABLE'],
		['CCS Combo 2', 'IEC_62196_T2_COMBO', 'CABLE'],
		['ccs-combo-2', 'IEC_62196_T2_COMBO', 'CABLE'],
		['CCS1', 'IEC_62196_T1_COMBO', 'CABLE'],
		['Combo 1', 'IEC_62196_T1_COMBO', 'CABLE'],
		['Type 1', 'IEC_62196_T1', 'CABLE'],
		['Typ 1', 'IEC_62196_T1', 'CABLE'],
		['J1772', 'IEC_62196_T1', 'CABLE'],
		['SAE J1772', 'IEC_62196_T1', 'CABLE'],
		['CHAdeMO', 'CHADEMO', 'CABLE'],
		['Schuko', 'DOMESTIC_F', 'SOCKET'],
		['CEE 7/4', 'DOMESTIC_F', 'SOCKET'],
		['Type F', 'DOMESTIC_F', 'SOCKET'],
		['Type E', 'DOMESTIC_E', 'SOCKET'],
		['Type G', 'DOMESTIC_G', 'SOCKET'],
		['BS 1363', 'DOMESTIC_G', 'SOCKET'],
		['GB/T DC', 'GBT_DC', 'CABLE'],
		['Tesla', 'TESLA_S', 'CABLE'],
		['Tesla Supercharger', 'TESLA_S', 'CABLE'],
		['Type 3A', 'IEC_62196_T3A', 'SOCKET'],
		['Type 3C', 'IEC_62196_T3C', 'SOCKET'],
		['CEE 16A blue', 'IEC_60309_2_single_16', 'SOCKET'],
		['CEE 16A red', 'IEC_60309_2_three_16', 'SOCKET'],
		['CEE 32A red', 'IEC_60309_2_three_32', 'SOCKET'],
		['CEE 63A', 'IEC_60309_2_three_64', 'SOCKET'],
		['CEE 64A', 'IEC_60309_2_three_64', 'SOCKET'],
		['ChaoJi', 'CHAOJI', 'CABLE'],
		['IEC_62196_T2', 'IEC_62196_T2', undefined],
		['iec 60309 2 three 32', 'IEC_60309_2_three_32', undefined],
	])('%j → %s (%s)', (raw, standard, format) => {
		const expected = format ? { standard, format, formatFrom: 'preset' } : { standard };
		expect(mapConnectorStandard(connectorMap(), raw)).toEqual({ ok: true, value: expected });
	});

	it.each([
		['GB/T AC', 'GBT_AC'],
		['Pantograph', 'PANTOGRAPH_TOP_DOWN'],
	])('%j → %s without a usual format', (raw, standard) => {
		expect(mapConnectorStandard(connectorMap(), raw)).toEqual({ ok: true, value: { standard } });
	});

	it.each(['NACS', 'SAE J3400', 'J3400'])('%j → TESLA_S with a note why', (raw) => {
		expect(mapConnectorStandard(connectorMap(), raw)).toEqual({
			ok: true,
			value: { standard: 'TESLA_S', format: 'CABLE', formatFrom: 'preset' },
			note: NACS_NOTE,
		});
	});

	it.each([
		['Type 2 cable', 'IEC_62196_T2', 'CABLE'],
		['Type 2 (tethered)', 'IEC_62196_T2', 'CABLE'],
		['Typ 2 mit Kabel', 'IEC_62196_T2', 'CABLE'],
		['Typ 2 mit Stecker', undefined, undefined],
		['Typ 2 Kabel', 'IEC_62196_T2', 'CABLE'],
		['Type 2 with cable', 'IEC_62196_T2', 'CABLE'],
		['Type 2 socket', 'IEC_62196_T2', 'SOCKET'],
		['Schuko socket', 'DOMESTIC_F', 'SOCKET'],
		['CCS Combo 2 cable', 'IEC_62196_T2_COMBO', 'CABLE'],
		['GB/T AC socket', 'GBT_AC', 'SOCKET'],
	])('reads the format from %j', (raw, standard, format) => {
		const result = mapConnectorStandard(connectorMap(), raw);
		if (standard === undefined) expect(result.ok).toBe(false);
		else expect(result).toEqual({ ok: true, value: { standard, format, formatFrom: 'text' } });
	});

	it('falls back to the usual format when the text says both cable and socket', () => {
		expect(mapConnectorStandard(connectorMap(), 'Type 2 socket cable')).toEqual({
			ok: true,
			value: { standard: 'IEC_62196_T2', format: 'SOCKET', formatFrom: 'preset' },
		});
	});

	it.each([
		['Typ 3', "plug type 'Typ 3' has no OCPI ConnectorType value: did you mean IEC_62196_T3A SOCKET or IEC_62196_T3C SOCKET? Add the row 'Typ 3' → IEC_62196_T3A SOCKET to the Connector Standard value map (Value Map Additions)"],
		['', 'plug type is empty: fill it in the source data'],
		[7, "plug type '7' has no OCPI ConnectorType value: add the row '7' → <OCPI ConnectorType value> to the Connector Standard value map (Value Map Additions)"],
		['cable', "plug type 'cable' has no OCPI ConnectorType value: add the row 'cable' → <OCPI ConnectorType value> to the Connector Standard value map (Value Map Additions)"],
	])('refuses %j', (raw, reason) => {
		expect(mapConnectorStandard(connectorMap(), raw, 'plug type')).toEqual({ ok: false, reason });
	});

	it.each([
		['ChaoJi', "connector standard 'ChaoJi' is CHAOJI, which OCPI 2.1.1 does not have: map it to another connector type or use OCPI 2.2.1"],
		['GB/T DC', "connector standard 'GB/T DC' is GBT_DC, which OCPI 2.1.1 does not have: map it to another connector type or use OCPI 2.2.1"],
	])('refuses %j in OCPI 2.1.1', (raw, reason) => {
		expect(mapConnectorStandard(connectorMap(), raw, undefined, '2.1.1')).toEqual({ ok: false, reason });
	});

	it('keeps 2.1.1 types in 2.1.1', () => {
		expect(mapConnectorStandard(connectorMap(), 'Type 2', undefined, '2.1.1').ok).toBe(true);
	});
});

describe('connector value map user entries', () => {
	it.each([
		[{ 'Typ 3': 'IEC_62196_T3C' }, 'Typ 3', { standard: 'IEC_62196_T3C', format: 'SOCKET', formatFrom: 'text' }, 'Typ 3 socket'],
		[{ 'Typ 3': 'iec 62196 t3c' }, 'Typ 3', { standard: 'IEC_62196_T3C' }, 'Typ 3'],
		[{ 'Typ 3': 'IEC_62196_T3C CABLE' }, 'Typ 3', { standard: 'IEC_62196_T3C', format: 'CABLE', formatFrom: 'preset' }, 'Typ 3'],
		[{ 'Typ 3': 'IEC_62196_T3C/socket' }, 'Typ 3', { standard: 'IEC_62196_T3C', format: 'SOCKET', formatFrom: 'preset' }, 'Typ 3'],
		[{ CCS: 'IEC_62196_T1_COMBO' }, 'CCS', { standard: 'IEC_62196_T1_COMBO' }, 'ccs'],
	])('user entries %j', (user, _key, expected, raw) => {
		expect(mapConnectorStandard(connectorMap(user), raw)).toEqual({ ok: true, value: expected });
	});

	it('refuses a target that is no ConnectorType, naming examples', () => {
		expect(createValueMap(CONNECTOR_STANDARD_PRESET, { 'Typ 3': 'T3' })).toEqual({
			ok: false,
			reason:
				"the value map entry 'Typ 3' → 'T3' is not an allowed OCPI ConnectorType value: use one of the 42 OCPI ConnectorType values, e.g. CHADEMO, CHAOJI, DOMESTIC_A, DOMESTIC_B",
		});
		expect(createValueMap(CONNECTOR_STANDARD_PRESET, { 'Typ 3': 'IEC_62196_T3C PLUG' }).ok).toBe(false);
	});
});
