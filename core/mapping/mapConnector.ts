/**
 * One connector from one record. Standard, format, power type, voltage and current depend on each
 * other, so they are worked out together: the plug type suggests the format and the power type,
 * the power type decides whether a 400 V reading is line-to-line, and a missing current follows
 * from power and voltage.
 */
import type { PowerType } from '../ocpi/v221/enums';
import type { ConnectorType } from '../ocpi/v230/enums';
import type { CompiledMapping, LabelledField } from './compileMapping';
import { mapField } from './fieldMapping';
import { missingValue } from './missingValues';
import { Outcome } from './outcome';
import type { ConnectorRecord } from './shapes';
import {
	CONNECTOR_STANDARD_PRESET,
	derivePowerType,
	isBlank,
	toAmperes,
	toVolts,
	type ConnectorStandardMatch,
	type TransformResult,
} from './transforms';

/** Voltage assumed for AC when the data has none: the European line-to-neutral voltage, always noted. */
export const ASSUMED_AC_VOLTAGE = 230;

/** Conductors a current is split over when deriving amperes from power. */
const CONDUCTORS: Record<PowerType, number> = { AC_1_PHASE: 1, AC_2_PHASE: 2, AC_2_PHASE_SPLIT: 2, AC_3_PHASE: 3, DC: 1 };

/**
 * Results by a combination of up to three raw values, in nested Maps: a lookup allocates nothing
 * (no key strings, no closures per row). Kept on the field, so one run never sees another's results.
 */
type NestedCache = Map<unknown, unknown>;
const MISSING = Symbol('missing');

function levelOf(cache: NestedCache, keys: readonly unknown[], create: boolean): NestedCache | undefined {
	let level = cache;
	for (const key of keys) {
		let next = level.get(key) as NestedCache | undefined;
		if (!next) {
			if (!create) return undefined;
			next = new Map();
			level.set(key, next);
		}
		level = next;
	}
	return level;
}

function lookup<T>(field: LabelledField, a: unknown, b: unknown = MISSING, c: unknown = MISSING): TransformResult<T> | undefined {
	const cache = field.cache as NestedCache | undefined;
	if (!cache) return undefined;
	const first = cache.get(a) as NestedCache | undefined;
	const second = first?.get(b) as NestedCache | undefined;
	return second?.get(c) as TransformResult<T> | undefined;
}

function store<T>(field: LabelledField, result: TransformResult<T>, a: unknown, b: unknown = MISSING, c: unknown = MISSING): TransformResult<T> {
	const cache = field.cache as NestedCache | undefined;
	// Beyond this many distinct values (free text, ids) caching only costs memory.
	if (cache && cache.size < 4096) levelOf(cache, [a, b], true)!.set(c, result);
	return result;
}

function powerTypeOf(mapping: CompiledMapping, record: ConnectorRecord, out: Outcome): PowerType | undefined {
	const fields = mapping.fields.connector;
	const powerType = fields.get('power_type')!;
	const current = powerType.read(record);
	if (powerType.transform === 'none') return isBlank(current) ? undefined : (current as PowerType);
	const phases = fields.get('phases')!.read(record);
	const standard = fields.get('standard')!.read(record);
	if (isBlank(current) && isBlank(phases) && isBlank(standard)) return undefined;
	const hit = lookup<PowerType>(powerType, current, phases, standard);
	if (hit) return out.take(hit);
	const result = derivePowerType({ current, phases, standard }, mapping.context.version, mapping.context.connectorMap);
	return out.take(store(powerType, result, current, phases, standard));
}

function voltageOf(mapping: CompiledMapping, record: ConnectorRecord, powerType: PowerType, out: Outcome): number | undefined {
	const field = mapping.fields.connector.get('max_voltage')!;
	const raw = field.read(record);
	if (isBlank(raw)) {
		if (powerType === 'DC') {
			out.fail(missingValue(field, record, 'volts'));
			return undefined;
		}
		out.note(`max_voltage not in the data: ${ASSUMED_AC_VOLTAGE} V assumed for AC (map a voltage field if your grid differs)`);
		return ASSUMED_AC_VOLTAGE;
	}
	if (field.transform === 'none') return raw as number;
	const hit = lookup<number>(field, powerType, raw);
	if (hit) return out.take(hit);
	const result = toVolts(raw, field.label, { powerType, decimalSeparator: mapping.context.decimalSeparator });
	return out.take(store(field, result, powerType, raw));
}

function amperageOf(
	mapping: CompiledMapping,
	record: ConnectorRecord,
	electric: { powerType: PowerType; volts: number; watts: number | undefined },
	out: Outcome,
): number | undefined {
	const { powerType, volts, watts } = electric;
	const field = mapping.fields.connector.get('max_amperage')!;
	const raw = field.read(record);
	if (!isBlank(raw)) {
		if (field.transform === 'none') return raw as number;
		const hit = lookup<number>(field, raw);
		return out.take(hit ?? store(field, toAmperes(raw, field.label, { decimalSeparator: mapping.context.decimalSeparator }), raw));
	}
	if (watts === undefined || volts <= 0) {
		const why = watts === undefined ? ' (it is worked out from max_electric_power when that is filled)' : '';
		out.fail(missingValue(field, record, 'amps') + why);
		return undefined;
	}
	const amperes = Math.round(watts / (volts * CONDUCTORS[powerType]));
	out.note(`max_amperage not in the data: ${amperes} A worked out from ${watts} W at ${volts} V (${powerType})`);
	return amperes;
}

/** The usual build of a standard per the preset, for user map entries that name only the standard ('Typ 3' → IEC_62196_T3C). */
function usualFormat(standard: ConnectorType): string | undefined {
	for (const entry of Object.values(CONNECTOR_STANDARD_PRESET.entries)) {
		if (entry.value.standard === standard && entry.value.format) return entry.value.format;
	}
	return undefined;
}

/** OCPI 2.1.1 names the ratings voltage/amperage, has one tariff_id and no max_electric_power. */
function toVersion211(out: Outcome): void {
	const value = out.value;
	const { max_voltage, max_amperage, tariff_ids, terms_and_conditions } = value;
	for (const key of ['max_voltage', 'max_amperage', 'max_electric_power', 'tariff_ids', 'terms_and_conditions']) delete value[key];
	if (max_voltage !== undefined) value.voltage = max_voltage;
	if (max_amperage !== undefined) value.amperage = max_amperage;
	if (Array.isArray(tariff_ids) && tariff_ids.length > 0) {
		value.tariff_id = tariff_ids[0];
		if (tariff_ids.length > 1) out.note(`OCPI 2.1.1 has one tariff_id: ${String(tariff_ids[0])} kept, ${tariff_ids.slice(1).join(', ')} left out`);
	}
	if (terms_and_conditions !== undefined) value.terms_and_conditions = terms_and_conditions;
}

function standardOf(mapping: CompiledMapping, record: ConnectorRecord, out: Outcome): ConnectorStandardMatch | undefined {
	const field = mapping.fields.connector.get('standard')!;
	const result = mapField(field, record, field.label, mapping.context, out);
	if (result === undefined) {
		out.fail(missingValue(field, record, 'plug', 'plug type'));
		return undefined;
	}
	if (field.transform === 'none') return result.ok ? { standard: result.value as ConnectorStandardMatch['standard'] } : undefined;
	return out.take(result as TransformResult<ConnectorStandardMatch>);
}

function generic(mapping: CompiledMapping, record: ConnectorRecord, out: Outcome, name: string): unknown {
	const field = mapping.fields.connector.get(name)!;
	return out.take(mapField(field, record, field.label, mapping.context, out), name);
}

/** The connector's OCPI fields (id and last_updated are set by the caller) and its own last_updated (`updated`). */
export function mapConnector(mapping: CompiledMapping, record: ConnectorRecord, id: string): Outcome {
	const out = new Outcome();
	const { context } = mapping;
	const fields = mapping.fields.connector;
	out.value.id = id;
	const standard = standardOf(mapping, record, out);
	if (standard) out.value.standard = standard.standard;
	const format = generic(mapping, record, out, 'format') ?? standard?.format ?? (standard ? usualFormat(standard.standard) : undefined);
	if (format) out.value.format = format;
	else if (standard) out.fail(`format cannot be told from plug type '${standard.standard}': map a format field (SOCKET or CABLE) or set a default`);
	// An unknown plug type already says what to fix; a power type that cannot be told without it would only repeat it.
	const powerType = powerTypeOf(mapping, record, out.failed ? new Outcome() : out);
	if (powerType) out.value.power_type = powerType;
	else if (!out.failed) out.fail('power_type is missing: map a current field (AC/DC) with phases, or a plug type that tells it');
	// Power is read before the current, which may be worked out from it, but written after it (OCPI's order).
	const powerField = fields.get('max_electric_power')!;
	const watts = out.take(mapField(powerField, record, powerField.label, context, out)) as number | undefined;
	if (powerType) {
		const volts = voltageOf(mapping, record, powerType, out);
		if (volts !== undefined) {
			out.value.max_voltage = volts;
			const amperes = amperageOf(mapping, record, { powerType, volts, watts }, out);
			if (amperes !== undefined) out.value.max_amperage = amperes;
		}
	}
	if (watts !== undefined) out.value.max_electric_power = watts;
	generic(mapping, record, out, 'tariff_ids');
	generic(mapping, record, out, 'terms_and_conditions');
	const updated = fields.get('last_updated')!;
	out.updated = out.take(mapField(updated, record, updated.label, context, out)) as string | undefined;
	if (context.version === '2.1.1') toVersion211(out);
	return out;
}
