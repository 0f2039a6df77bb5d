/**
 * Power, current and voltage as asset systems write them ('22 kW', '32A', '0,4 kV', 400) → the whole
 * W, A and V numbers OCPI wants. Every conversion that is not a plain unit change is noted.
 */
import type { PowerType } from '../../ocpi/v221/enums';
import { LINE_TO_NEUTRAL } from '../../ocpi/voltages';
import { parseNumber, type NumberOptions } from './numbers';
import { fail, isBlank, joinNotes, ok, quote, type TransformResult } from './result';

export interface QuantityOptions extends NumberOptions {
	/** The unit of the source field, used when the value carries none (e.g. 'kW' for a column of 22, 11, 50). */
	unit?: string;
}

export interface VoltageOptions extends QuantityOptions {
	/** With AC_3_PHASE a line-to-line voltage (400 V) becomes line-to-neutral (230 V), as OCPI wants. */
	powerType?: PowerType;
}

interface UnitFactor {
	factor: number;
	note?: string;
}

type UnitTable = Readonly<Record<string, UnitFactor>>;

// Keys are lower case: 'MW' and 'mW' are one key, and nobody rates a charger in milliwatts.
const POWER_UNITS: UnitTable = Object.freeze({
	w: { factor: 1 },
	watt: { factor: 1 },
	watts: { factor: 1 },
	kw: { factor: 1e3 },
	kilowatt: { factor: 1e3 },
	kilowatts: { factor: 1e3 },
	kva: { factor: 1e3, note: 'kVA treated as kW (an EVSE nameplate gives apparent power; its power factor is close to 1)' },
	va: { factor: 1, note: 'VA treated as W (an EVSE nameplate gives apparent power; its power factor is close to 1)' },
	mw: { factor: 1e6 },
	megawatt: { factor: 1e6 },
	megawatts: { factor: 1e6 },
});
const CURRENT_UNITS: UnitTable = Object.freeze({
	a: { factor: 1 },
	amp: { factor: 1 },
	amps: { factor: 1 },
	ampere: { factor: 1 },
	amperes: { factor: 1 },
});
const VOLTAGE_UNITS: UnitTable = Object.freeze({
	v: { factor: 1 },
	volt: { factor: 1 },
	volts: { factor: 1 },
	kv: { factor: 1e3 },
});

interface Quantity {
	kind: string;
	units: UnitTable;
	/** What to write in reasons about missing or unknown units. */
	unitNames: string;
	/** Used when neither the value nor the options name a unit; absent means a unit is required. */
	defaultUnit?: string;
	ocpiUnit: string;
	/** A value as it should be written, for reasons: '22 kW'. */
	example: string;
}

const POWER: Quantity = Object.freeze({ kind: 'power', units: POWER_UNITS, unitNames: 'W, kW, kVA or MW', ocpiUnit: 'W', example: '22 kW' });
const CURRENT: Quantity = Object.freeze({ kind: 'current', units: CURRENT_UNITS, unitNames: 'A', defaultUnit: 'A', ocpiUnit: 'A', example: '32 A' });
const VOLTAGE: Quantity = Object.freeze({ kind: 'voltage', units: VOLTAGE_UNITS, unitNames: 'V or kV', defaultUnit: 'V', ocpiUnit: 'V', example: '400 V' });

const QUANTITY_TEXT = /^(.*?)\s*([a-zA-Z]+)?\s*$/;
// Rounding noise of unit factors (7.4 * 1000 = 7400.000000000001) is not a fraction worth a note.
const NOISE = 1e-6;

function toWhole(value: number, field: string, ocpiUnit: string): { value: number; note?: string } {
	const whole = Math.round(value);
	if (Math.abs(value - whole) < NOISE) return { value: whole };
	return { value: whole, note: `${field} ${value} ${ocpiUnit} rounded to ${whole} ${ocpiUnit} (OCPI wants a whole number)` };
}

function convert(raw: unknown, field: string, quantity: Quantity, options: QuantityOptions): TransformResult<number> {
	if (isBlank(raw)) return fail(`${field} is empty: fill it in the source data`);
	if (typeof raw === 'string' && !/\d/.test(raw)) return fail(`${field} ${quote(raw)} holds no digits: give a number like '${quantity.example}'`);
	if (typeof raw === 'number' && !Number.isFinite(raw)) return parseNumber(raw, field);
	const parts = typeof raw === 'string' ? QUANTITY_TEXT.exec(raw.trim()) : null;
	const numberText: unknown = parts ? parts[1] : raw;
	const unitText = parts?.[2] ?? options.unit ?? quantity.defaultUnit;
	if (unitText === undefined) {
		return fail(`${field} ${quote(raw)} has no unit: write it like '22 kW' or set the field's unit (${quantity.unitNames})`);
	}
	if (/^kwh$/i.test(unitText)) return fail(`${field} ${quote(raw)} is energy (kWh), not power: map the charger's power in kW`);
	const unit = quantity.units[unitText.toLowerCase()];
	if (!unit) return fail(`${field} ${quote(raw)} has unit '${unitText}', which is not a ${quantity.kind} unit: use ${quantity.unitNames}`);
	const number = parseNumber(numberText, field, options);
	if (!number.ok) return fail(`${number.reason} (a ${quantity.kind} in ${quantity.unitNames}, e.g. '${quantity.example}')`);
	if (number.value < 0) return fail(`${field} ${quote(raw)} is negative: a ${quantity.kind} rating must be above 0 ${quantity.ocpiUnit}`);
	if (number.value === 0) return fail(`${field} ${quote(raw)} is 0: give the connector's real ${quantity.kind} rating in ${quantity.unitNames}`);
	const whole = toWhole(number.value * unit.factor, field, quantity.ocpiUnit);
	return ok(whole.value, joinNotes(number.note, unit.note, whole.note));
}

/** Power in whole W. A value without a unit needs `options.unit`: kW and W mix-ups are too common to guess. */
export function toWatts(raw: unknown, field = 'power', options: QuantityOptions = {}): TransformResult<number> {
	return convert(raw, field, POWER, options);
}

/** Current in whole A; plain numbers are amperes. */
export function toAmperes(raw: unknown, field = 'current', options: QuantityOptions = {}): TransformResult<number> {
	return convert(raw, field, CURRENT, options);
}

/** Voltage in whole V; plain numbers are volts. Line-to-neutral for AC_3_PHASE, as OCPI defines it. */
export function toVolts(raw: unknown, field = 'voltage', options: VoltageOptions = {}): TransformResult<number> {
	const volts = convert(raw, field, VOLTAGE, options);
	if (!volts.ok || options.powerType !== 'AC_3_PHASE') return volts;
	const neutral = LINE_TO_NEUTRAL[volts.value];
	if (neutral === undefined) return volts;
	const note = `${field} ${volts.value} V is line-to-line; OCPI wants line-to-neutral for AC_3_PHASE, so ${neutral} V is written`;
	return ok(neutral, joinNotes(volts.note, note));
}
