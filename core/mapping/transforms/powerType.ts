/**
 * OCPI PowerType from what asset systems hold: a current ('AC', 'DC', 'alternating', 'direct'), a
 * number of phases (3, '3-phase', 'single phase') and/or a connector standard that settles it
 * (CCS and CHAdeMO are DC only; Type 1 and household plugs are single phase).
 */
import type { PowerType } from '../../ocpi/v221/enums';
import type { ConnectorType } from '../../ocpi/v230/enums';
import type { OcpiVersion } from '../../ocpi/version';
import { CONNECTOR_STANDARD_PRESET, mapConnectorStandard, type ConnectorStandardTarget } from './connectorStandard';
import { powerTypesOf } from './ocpiValues';
import { fail, isBlank, joinNotes, ok, quote, type TransformResult } from './result';
import { createValueMap, findAllowedValue, type ValueMap } from './valueMap';

type Current = 'AC' | 'DC';
type Phases = 0 | 1 | 2 | 3 | 'split';

export interface PowerTypeInput {
	/** 'AC', 'DC', 'alternating', 'direct current', or already an OCPI PowerType. */
	current?: unknown;
	/** 1, 2, 3, '3-phase', 'three phase', 'single phase', 'split phase'; 0 means none (DC). */
	phases?: unknown;
	/** The connector standard, raw ('CCS') or as OCPI ConnectorType. */
	standard?: unknown;
}

interface Reading {
	current?: Current;
	phases?: Phases;
}

const DC_ONLY: readonly ConnectorType[] = Object.freeze([
	'IEC_62196_T1_COMBO',
	'IEC_62196_T2_COMBO',
	'CHADEMO',
	'CHAOJI',
	'GBT_DC',
	'PANTOGRAPH_BOTTOM_UP',
	'PANTOGRAPH_TOP_DOWN',
	'MCS',
]);
const AC_SINGLE_PHASE: readonly ConnectorType[] = Object.freeze(['IEC_62196_T1', 'IEC_60309_2_single_16']);
const AC_THREE_PHASE: readonly ConnectorType[] = Object.freeze(['IEC_60309_2_three_16', 'IEC_60309_2_three_32', 'IEC_60309_2_three_64']);
const AC_PHASES_OPEN: readonly ConnectorType[] = Object.freeze(['IEC_62196_T2', 'IEC_62196_T3A', 'IEC_62196_T3C', 'GBT_AC']);

/** What a connector standard says about current and phases (DOMESTIC_* plugs are single phase). */
function impliedByStandard(standard: ConnectorType): Reading {
	if (DC_ONLY.includes(standard)) return { current: 'DC' };
	if (AC_SINGLE_PHASE.includes(standard) || standard.startsWith('DOMESTIC_')) return { current: 'AC', phases: 1 };
	if (AC_THREE_PHASE.includes(standard)) return { current: 'AC', phases: 3 };
	if (AC_PHASES_OPEN.includes(standard)) return { current: 'AC' };
	return {};
}

const PHASE_WORDS: Readonly<Record<string, Phases>> = Object.freeze({
	'1': 1,
	one: 1,
	single: 1,
	mono: 1,
	'2': 2,
	two: 2,
	'3': 3,
	three: 3,
	tri: 3,
});

/** Reads current and phases from free text such as 'AC 3-phase', 'three phase', 'DC', '1~'. */
function readText(text: string): Reading | undefined {
	const lower = text.toLowerCase();
	const reading: Reading = {};
	if (/\b(dc|direct)\b|gleichstrom/.test(lower)) reading.current = 'DC';
	if (/\b(ac|alternating)\b|wechselstrom|drehstrom/.test(lower)) reading.current = reading.current ? undefined : 'AC';
	if (/drehstrom/.test(lower)) reading.phases = 3;
	if (/\bsplit[\s-]*phase/.test(lower)) reading.phases = 'split';
	const phase = /\b(1|2|3|one|two|three|single|mono|tri)\s*-?\s*(?:phases?|ph|phasig|~)/.exec(lower) ?? /^\s*([0-3])\s*$/.exec(lower);
	if (phase && reading.phases === undefined) reading.phases = PHASE_WORDS[phase[1]] ?? 0;
	return reading.current === undefined && reading.phases === undefined ? undefined : reading;
}

function readPhases(raw: unknown): TransformResult<Reading> {
	if (isBlank(raw)) return ok({});
	if (typeof raw === 'number') {
		return [0, 1, 2, 3].includes(raw) ? ok({ phases: raw as Phases }) : fail(`phases ${raw} is not 1, 2 or 3: check the phases field`);
	}
	const reading = typeof raw === 'string' ? readText(raw) : undefined;
	return reading ? ok(reading) : fail(`phases ${quote(raw)} cannot be read: write 1, 2 or 3, or a text like '3-phase'`);
}

const POWER_TYPE_READINGS: Readonly<Record<PowerType, Reading>> = Object.freeze({
	AC_1_PHASE: { current: 'AC', phases: 1 },
	AC_2_PHASE: { current: 'AC', phases: 2 },
	AC_2_PHASE_SPLIT: { current: 'AC', phases: 'split' },
	AC_3_PHASE: { current: 'AC', phases: 3 },
	DC: { current: 'DC' },
});

function readCurrent(raw: unknown): TransformResult<Reading> {
	if (isBlank(raw)) return ok({});
	// An OCPI value ('AC_3_PHASE') is read like any other text, so it is checked against phases too.
	const direct = typeof raw === 'string' ? findAllowedValue(powerTypesOf('2.2.1'), raw) : undefined;
	if (direct) return ok(POWER_TYPE_READINGS[direct]);
	const reading = typeof raw === 'string' ? readText(raw) : undefined;
	return reading ? ok(reading) : fail(`current ${quote(raw)} cannot be read: write AC or DC`);
}

/**
 * The standard as OCPI ConnectorType, through the user's connector map when given. An unknown
 * standard only counts as absent here: its own field reports it, and current and phases may suffice.
 */
function standardOf(raw: unknown, connectorMap?: ValueMap<ConnectorStandardTarget>): ConnectorType | undefined {
	if (isBlank(raw)) return undefined;
	const map = connectorMap ? ok(connectorMap) : createValueMap(CONNECTOR_STANDARD_PRESET);
	if (!map.ok) return undefined;
	const mapped = mapConnectorStandard(map.value, raw);
	return mapped.ok ? mapped.value.standard : undefined;
}

function merge(a: Reading, b: Reading, describe: () => string): TransformResult<Reading> {
	if (a.current && b.current && a.current !== b.current) return fail(`${describe()} say both AC and DC: correct one of them`);
	if (a.phases !== undefined && b.phases !== undefined && a.phases !== b.phases) {
		return fail(`${describe()} give different numbers of phases: correct one of them`);
	}
	return ok({ current: a.current ?? b.current, phases: a.phases ?? b.phases });
}

function checkVersion(powerType: PowerType, version: OcpiVersion, note?: string): TransformResult<PowerType> {
	if (powerTypesOf(version).includes(powerType)) return ok(powerType, note);
	return fail(
		`OCPI ${version} has no ${powerType} (only ${powerTypesOf(version).join(', ')}): record the connector as single or three phase, or use OCPI 2.2.1`,
	);
}

/**
 * Derives the PowerType. Pass the Mapper's connector map so the user's own connector spellings
 * count too; without it the preset is used.
 */
export function derivePowerType(
	input: PowerTypeInput,
	version: OcpiVersion = '2.2.1',
	connectorMap?: ValueMap<ConnectorStandardTarget>,
): TransformResult<PowerType> {
	const current = readCurrent(input.current);
	if (!current.ok) return current;
	const phases = readPhases(input.phases);
	if (!phases.ok) return phases;
	const given = merge(current.value, phases.value, () => `current ${quote(input.current)} and phases ${quote(input.phases)}`);
	if (!given.ok) return given;
	const standard = standardOf(input.standard, connectorMap);
	const implied = standard ? impliedByStandard(standard) : {};
	if (given.value.current && implied.current && given.value.current !== implied.current) {
		return fail(
			`current ${given.value.current} contradicts connector standard ${quote(input.standard)}, which is ${implied.current} only: correct one of them`,
		);
	}
	const phaseCount = given.value.phases ?? implied.phases;
	const currentKind = given.value.current ?? implied.current ?? (phaseCount !== undefined && phaseCount !== 0 ? 'AC' : undefined);
	if (currentKind === 'DC' || (currentKind === undefined && phaseCount === 0)) {
		const ignored = typeof phaseCount === 'number' && phaseCount > 0 ? `phases (${phaseCount}) ignored for a DC connector` : undefined;
		return checkVersion('DC', version, ignored);
	}
	if (currentKind === undefined) {
		return fail('power type cannot be told: map the current (AC or DC) and the number of phases, or the connector standard');
	}
	if (phaseCount === undefined) {
		return fail(`power type: AC is given without a number of phases: map a phases field (1, 2 or 3) or a text like '3-phase'`);
	}
	if (phaseCount === 0) return fail(`power type: AC with 0 phases is not possible: correct the current or the phases field`);
	const fromStandard = given.value.phases === undefined ? `phases taken from connector standard ${quote(input.standard)}` : undefined;
	const powerType: PowerType = phaseCount === 'split' ? 'AC_2_PHASE_SPLIT' : (`AC_${phaseCount}_PHASE` as PowerType);
	return checkVersion(powerType, version, joinNotes(fromStandard));
}
