import { CONNECTOR_STANDARD_PRESET } from '../../../../core/mapping/transforms/connectorStandard';
import { derivePowerType, type PowerTypeInput } from '../../../../core/mapping/transforms/powerType';
import { createValueMap } from '../../../../core/mapping/transforms/valueMap';

describe('derivePowerType', () => {
	it.each<[PowerTypeInput, string]>([
		[{ current: 'AC', phases: 3 }, 'AC_3_PHASE'],
		[{ current: 'ac', phases: 1 }, 'AC_1_PHASE'],
		[{ current: 'AC', phases: 2 }, 'AC_2_PHASE'],
		[{ current: 'alternating', phases: '3' }, 'AC_3_PHASE'],
		[{ current: 'Alternating current', phases: 'three phase' }, 'AC_3_PHASE'],
		[{ phases: '3-phase' }, 'AC_3_PHASE'],
		[{ phases: 'single phase' }, 'AC_1_PHASE'],
		[{ phases: '1-phasig' }, 'AC_1_PHASE'],
		[{ phases: '3~' }, 'AC_3_PHASE'],
		[{ current: 'AC 3-phase' }, 'AC_3_PHASE'],
		[{ current: 'Drehstrom' }, 'AC_3_PHASE'],
		[{ current: 'split phase AC' }, 'AC_2_PHASE_SPLIT'],
		[{ current: 'DC' }, 'DC'],
		[{ current: 'direct current' }, 'DC'],
		[{ standard: 'CCS' }, 'DC'],
		[{ standard: 'CHAdeMO' }, 'DC'],
		[{ standard: 'IEC_62196_T2_COMBO' }, 'DC'],
		[{ current: 'DC', standard: 'CCS' }, 'DC'],
		[{ phases: 0 }, 'DC'],
		[{ current: 'AC', phases: 3, standard: 'Type 2' }, 'AC_3_PHASE'],
		[{ current: 'AC_3_PHASE' }, 'AC_3_PHASE'],
		[{ current: 'dc' }, 'DC'],
	])('%j → %s', (input, powerType) => {
		expect(derivePowerType(input)).toEqual({ ok: true, value: powerType });
	});

	it.each<[PowerTypeInput, string, string]>([
		[{ current: 'DC', phases: 3 }, 'DC', 'phases (3) ignored for a DC connector'],
		[{ phases: 3, standard: 'CCS' }, 'DC', 'phases (3) ignored for a DC connector'],
		[{ standard: 'Type 1' }, 'AC_1_PHASE', "phases taken from connector standard 'Type 1'"],
		[{ standard: 'Schuko' }, 'AC_1_PHASE', "phases taken from connector standard 'Schuko'"],
		[{ current: 'AC', standard: 'CEE 32A red' }, 'AC_3_PHASE', "phases taken from connector standard 'CEE 32A red'"],
	])('%j → %s with a note', (input, powerType, note) => {
		expect(derivePowerType(input)).toEqual({ ok: true, value: powerType, note });
	});

	it.each<[PowerTypeInput, string]>([
		[{ current: 'AC', standard: 'CCS' }, "current AC contradicts connector standard 'CCS', which is DC only: correct one of them"],
		[{ current: 'AC', phases: 'DC' }, "current 'AC' and phases 'DC' say both AC and DC: correct one of them"],
		[{ current: 'AC 1-phase', phases: 3 }, "current 'AC 1-phase' and phases 3 give different numbers of phases: correct one of them"],
		[{ current: 'AC' }, "power type: AC is given without a number of phases: map a phases field (1, 2 or 3) or a text like '3-phase'"],
		[{ current: 'AC', standard: 'Type 2' }, "power type: AC is given without a number of phases: map a phases field (1, 2 or 3) or a text like '3-phase'"],
		[{ current: 'AC', phases: 0 }, 'power type: AC with 0 phases is not possible: correct the current or the phases field'],
		[{}, 'power type cannot be told: map the current (AC or DC) and the number of phases, or the connector standard'],
		[{ current: 'Strom' }, "current 'Strom' cannot be read: write AC or DC"],
		[{ current: 'AC/DC' }, "current 'AC/DC' cannot be read: write AC or DC"],
		[{ current: 5 }, 'current 5 cannot be read: write AC or DC'],
		[{ phases: 4 }, 'phases 4 is not 1, 2 or 3: check the phases field'],
		[{ phases: 'many' }, "phases 'many' cannot be read: write 1, 2 or 3, or a text like '3-phase'"],
		[{ standard: 'Typ 3' }, 'power type cannot be told: map the current (AC or DC) and the number of phases, or the connector standard'],
	])('refuses %j', (input, reason) => {
		expect(derivePowerType(input)).toEqual({ ok: false, reason });
	});

	it.each<[PowerTypeInput, string]>([
		[{ current: 'AC', phases: 2 }, 'OCPI 2.1.1 has no AC_2_PHASE (only AC_1_PHASE, AC_3_PHASE, DC): record the connector as single or three phase, or use OCPI 2.2.1'],
		[{ current: 'AC_2_PHASE_SPLIT' }, 'OCPI 2.1.1 has no AC_2_PHASE_SPLIT (only AC_1_PHASE, AC_3_PHASE, DC): record the connector as single or three phase, or use OCPI 2.2.1'],
	])('refuses 2-phase %j in OCPI 2.1.1', (input, reason) => {
		expect(derivePowerType(input, '2.1.1')).toEqual({ ok: false, reason });
	});

	it('ignores an unknown standard when current and phases suffice', () => {
		expect(derivePowerType({ current: 'AC', phases: 3, standard: 'Typ 3' })).toEqual({ ok: true, value: 'AC_3_PHASE' });
	});

	it("uses the user's connector map", () => {
		const map = createValueMap(CONNECTOR_STANDARD_PRESET, { 'HPC Kabel': 'IEC_62196_T2_COMBO' });
		if (!map.ok) throw new Error(map.reason);
		expect(derivePowerType({ standard: 'HPC Kabel' }, '2.2.1', map.value)).toEqual({ ok: true, value: 'DC' });
		expect(derivePowerType({ current: 'AC', phases: 3, standard: 'HPC Kabel' }, '2.2.1', map.value)).toEqual({
			ok: false,
			reason: "current AC contradicts connector standard 'HPC Kabel', which is DC only: correct one of them",
		});
	});

	it('keeps 3-phase and DC in OCPI 2.1.1', () => {
		expect(derivePowerType({ current: 'AC', phases: 3 }, '2.1.1')).toEqual({ ok: true, value: 'AC_3_PHASE' });
		expect(derivePowerType({ standard: 'CCS' }, '2.1.1')).toEqual({ ok: true, value: 'DC' });
	});
});
