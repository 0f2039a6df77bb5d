import { isBlank } from '../../../core/foundation/json';
import { isBlankValue, levelReader } from '../../../core/mapping/levelReaders';
import type { ConnectorRecord } from '../../../core/mapping/shapes';

describe('isBlankValue', () => {
	it('answers as isBlank for every kind of value, Unicode spaces included', () => {
		const spaces = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2000', '\u200a', '\u2028', '\u2029', '\u202f', '\u205f', '\u3000', '\ufeff', '\u0085', '\u200b'];
		const values: unknown[] = [undefined, null, '', 0, false, true, NaN, {}, [], 'a', '~', '\u007f', 'é', '😀', ...spaces, ...spaces.map((space) => `${space}x`), ...spaces.map((space) => `x${space}`), ...spaces.map((space) => space.repeat(3))];
		for (const value of values) expect({ value, blank: isBlankValue(value) }).toEqual({ value, blank: isBlank(value) });
	});
});

describe('levelReader', () => {
	const record = (outlet: object, chargePoint: object = {}, site: object = {}): ConnectorRecord => ({ sourceIndex: 0, outlet, chargePoint, site } as ConnectorRecord);

	it('reads plain names, dotted paths and [index] paths, the first filled one along the levels', () => {
		const read = levelReader(['volts', 'power.kw', 'list[1]'], ['outlet', 'chargePoint'], 'fallback');
		expect(read(record({ volts: ' ' }, { volts: 400 }))).toBe(400);
		expect(read(record({ power: { kw: 22 } }))).toBe(22);
		expect(read(record({ list: ['a', 'b'] }))).toBe('b');
		expect(read(record({}, {}, { volts: 1 }))).toBe('fallback');
		expect(levelReader([' volts '], ['outlet'])(record({ volts: 7 }))).toBe(7);
		expect(levelReader(['volts'], ['outlet'])(record({ volts: '\u00a0' }))).toBeUndefined();
	});
});
