import { toAmperes, toVolts, toWatts } from '../../../../core/mapping/transforms/units';

const KVA_NOTE = 'kVA treated as kW (an EVSE nameplate gives apparent power; its power factor is close to 1)';

describe('toWatts', () => {
	it.each<[unknown, string | undefined, number]>([
		['22 kW', undefined, 22000],
		['22kW', undefined, 22000],
		['22 KW', undefined, 22000],
		['7,4 kW', undefined, 7400],
		['7.4 kW', undefined, 7400],
		['22,0 kW', undefined, 22000],
		['11000 W', undefined, 11000],
		['1,5 MW', undefined, 1500000],
		['350 kilowatts', undefined, 350000],
		[22, 'kW', 22000],
		['22', 'kW', 22000],
		[22000, 'W', 22000],
		['22 kW', 'W', 22000],
		['1.234,5 W', undefined, 1235],
	])('%j (unit %s) → %d W', (raw, unit, value) => {
		const result = toWatts(raw, 'power', { unit });
		expect(result.ok && result.value).toBe(value);
	});

	it.each<[unknown, string | undefined, number, string]>([
		['22 kVA', undefined, 22000, KVA_NOTE],
		[22, 'kVA', 22000, KVA_NOTE],
		['22.000 W', undefined, 22000, "power '22.000' read as 22000: a single '.' before three digits is taken as a thousands separator (set the decimal separator to '.' if it is a decimal)"],
		['3,7 W', undefined, 4, 'power 3.7 W rounded to 4 W (OCPI wants a whole number)'],
	])('%j (unit %s) → %d W with a note', (raw, unit, value, note) => {
		expect(toWatts(raw, 'power', { unit })).toEqual({ ok: true, value, note });
	});

	it('takes the decimal separator option', () => {
		expect(toWatts('22.000 kW', 'power', { decimalSeparator: '.' })).toEqual({ ok: true, value: 22000 });
	});

	it.each<[unknown, string]>([
		[22, "power 22 has no unit: write it like '22 kW' or set the field's unit (W, kW, kVA or MW)"],
		['22', "power '22' has no unit: write it like '22 kW' or set the field's unit (W, kW, kVA or MW)"],
		['-22 kW', "power '-22 kW' is negative: a power rating must be above 0 W"],
		['0 kW', "power '0 kW' is 0: give the connector's real power rating in W, kW, kVA or MW"],
		['22 kWh', "power '22 kWh' is energy (kWh), not power: map the charger's power in kW"],
		['22 PS', "power '22 PS' has unit 'PS', which is not a power unit: use W, kW, kVA or MW"],
		['fast', "power 'fast' holds no digits: give a number like '22 kW'"],
		['', 'power is empty: fill it in the source data'],
		['22 kW AC', "power '22 kW AC' has unit 'AC', which is not a power unit: use W, kW, kVA or MW"],
		[Number.NaN, 'power is not a number (NaN): check the source data'],
	])('refuses %j', (raw, reason) => {
		expect(toWatts(raw)).toEqual({ ok: false, reason });
	});
});

describe('toAmperes', () => {
	it.each<[unknown, number]>([
		[32, 32],
		['32', 32],
		['32 A', 32],
		['32A', 32],
		['16 amps', 16],
		['125,0 A', 125],
	])('%j → %d A', (raw, value) => {
		expect(toAmperes(raw)).toEqual({ ok: true, value });
	});

	it.each<[unknown, string]>([
		['16.5 A', 'current 16.5 A rounded to 17 A (OCPI wants a whole number)'],
	])('%j is rounded with a note', (raw, note) => {
		expect(toAmperes(raw)).toEqual({ ok: true, value: 17, note });
	});

	it.each<[unknown, string]>([
		['-16', "current '-16' is negative: a current rating must be above 0 A"],
		[-16, 'current -16 is negative: a current rating must be above 0 A'],
		['32 V', "current '32 V' has unit 'V', which is not a current unit: use A"],
		['many', "current 'many' holds no digits: give a number like '32 A'"],
	])('refuses %j', (raw, reason) => {
		expect(toAmperes(raw)).toEqual({ ok: false, reason });
	});
});

describe('toVolts', () => {
	it.each<[unknown, string | undefined, number]>([
		[230, undefined, 230],
		['230 V', 'AC_1_PHASE', 230],
		['400 V', 'AC_1_PHASE', 400],
		['920 V', 'DC', 920],
		['0,4 kV', undefined, 400],
		['230', 'AC_3_PHASE', 230],
	])('%j (%s) → %d V', (raw, powerType, value) => {
		expect(toVolts(raw, 'voltage', { powerType: powerType as never })).toEqual({ ok: true, value });
	});

	it.each<[unknown, number, number]>([
		['400 V', 400, 230],
		[380, 380, 220],
		['415', 415, 240],
		['480 V', 480, 277],
		['208 V', 208, 120],
		['0,4 kV', 400, 230],
	])('%j on AC_3_PHASE becomes line-to-neutral', (raw, lineToLine, neutral) => {
		expect(toVolts(raw, 'voltage', { powerType: 'AC_3_PHASE' })).toEqual({
			ok: true,
			value: neutral,
			note: `voltage ${lineToLine} V is line-to-line; OCPI wants line-to-neutral for AC_3_PHASE, so ${neutral} V is written`,
		});
	});

	it.each<[unknown, string]>([
		['-230 V', "voltage '-230 V' is negative: a voltage rating must be above 0 V"],
		['230 Hz', "voltage '230 Hz' has unit 'Hz', which is not a voltage unit: use V or kV"],
		[null, 'voltage is empty: fill it in the source data'],
	])('refuses %j', (raw, reason) => {
		expect(toVolts(raw)).toEqual({ ok: false, reason });
	});
});
