import { ok } from '../../../../core/mapping/transforms/result';
import { STATUS_PRESET } from '../../../../core/mapping/transforms/status';
import { createValueMap, findAllowedValue, mapValue, matchKey, type ValueMap } from '../../../../core/mapping/transforms/valueMap';
import type { Status } from '../../../../core/ocpi/v221/enums';

function statusMap(user?: Parameters<typeof createValueMap>[1]): ValueMap<Status> {
	const map = createValueMap(STATUS_PRESET, user);
	if (!map.ok) throw new Error(map.reason);
	return map.value;
}

describe('matchKey', () => {
	it.each([
		['CCS-Combo 2', 'ccscombo2'],
		[' ccs_combo.2 ', 'ccscombo2'],
		['Out\tOf  Order', 'outoforder'],
		['CEE 7/4', 'cee7/4'],
	])('%j → %j', (text, key) => {
		expect(matchKey(text)).toBe(key);
	});
});

describe('findAllowedValue', () => {
	it.each([
		['iec 60309 2 single 16', 'IEC_60309_2_single_16'],
		['available', 'AVAILABLE'],
		['nope', undefined],
	])('%j → %j', (text, expected) => {
		expect(findAllowedValue(['AVAILABLE', 'IEC_60309_2_single_16'], text)).toBe(expected);
	});
});

describe('createValueMap / mapValue', () => {
	it.each([
		['Out of order', 'OUTOFORDER'],
		['OUT-OF-ORDER', 'OUTOFORDER'],
		['out_of.order', 'OUTOFORDER'],
		['AVAILABLE', 'AVAILABLE'],
		['charging', 'CHARGING'],
	])('preset maps %j to %s', (raw, expected) => {
		expect(mapValue(statusMap(), raw, 'status')).toEqual(ok(expected));
	});

	it('lets user entries win over the preset, matched loosely', () => {
		const map = statusMap({ 'Out of order': 'inoperative', 'Wartung': 'INOPERATIVE' });
		expect(mapValue(map, 'out-of-order', 'status')).toEqual(ok('INOPERATIVE'));
		expect(mapValue(map, 'WARTUNG', 'status')).toEqual(ok('INOPERATIVE'));
		expect(mapValue(map, 'free', 'status')).toEqual(ok('AVAILABLE'));
	});

	it('accepts user entries as table rows', () => {
		const map = statusMap([{ from: 'Störung', to: 'OUTOFORDER' }]);
		expect(mapValue(map, 'störung', 'status')).toEqual(ok('OUTOFORDER'));
	});

	it('maps numbers through their text', () => {
		expect(mapValue(statusMap({ '1': 'AVAILABLE' }), 1, 'status')).toEqual(ok('AVAILABLE'));
	});

	it.each([
		[{ Wartung: 'SERVICE' }, "the value map entry 'Wartung' → 'SERVICE' is not an allowed OCPI Status value: use one of AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN"],
		[{ Wartung: '' }, "the value map entry for 'Wartung' has no OCPI Status value: use one of AVAILABLE, BLOCKED, CHARGING, INOPERATIVE, OUTOFORDER, PLANNED, REMOVED, RESERVED, UNKNOWN"],
		[[{ from: ' ', to: 'AVAILABLE' }], "a value map entry has no value to match (' '): fill in the text as it appears in your data"],
		[
			[
				{ from: 'Wartung', to: 'INOPERATIVE' },
				{ from: 'wartung', to: 'OUTOFORDER' },
			],
			"the value map entries 'Wartung' → 'INOPERATIVE' and 'wartung' → 'OUTOFORDER' match the same text (case, spaces, '-', '_' and '.' are ignored): keep one",
		],
	])('refuses bad user entries %j', (user, reason) => {
		expect(createValueMap(STATUS_PRESET, user)).toEqual({ ok: false, reason });
	});

	it('accepts the same entry written twice', () => {
		expect(createValueMap(STATUS_PRESET, [{ from: 'a', to: 'AVAILABLE' }, { from: 'A', to: 'available' }]).ok).toBe(true);
	});

	it.each([
		['Typ 3', "status 'Typ 3' has no OCPI Status value: add the row 'Typ 3' → <OCPI Status value> to the Status value map (Value Map Additions)"],
		[undefined, 'status is empty: fill it in the source data'],
		['   ', 'status is empty: fill it in the source data'],
		[{ a: 1 }, 'status is an object, not text: map a text field to it'],
		[true, 'status is true, not text: map a text field to it'],
	])('refuses %j', (raw, reason) => {
		expect(mapValue(statusMap(), raw, 'status')).toEqual({ ok: false, reason });
	});

	it('does not change the preset when user entries are added', () => {
		statusMap({ free: 'BLOCKED' });
		expect(mapValue(statusMap(), 'free', 'status')).toEqual(ok('AVAILABLE'));
		expect(Object.isFrozen(STATUS_PRESET.entries)).toBe(true);
	});
});
