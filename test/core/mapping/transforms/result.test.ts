import { fail, isBlank, joinNotes, ok, quote } from '../../../../core/mapping/transforms/result';

describe('result helpers', () => {
	it('builds results without an empty note', () => {
		expect(ok(5)).toEqual({ ok: true, value: 5 });
		expect(ok(5)).not.toHaveProperty('note');
		expect(ok('x', 'said')).toEqual({ ok: true, value: 'x', note: 'said' });
		expect(fail('why')).toEqual({ ok: false, reason: 'why' });
	});

	it.each([
		[[undefined, undefined], undefined],
		[['a', undefined, ''], 'a'],
		[['a', 'b'], 'a; b'],
	])('joinNotes(%j) = %j', (notes, expected) => {
		expect(joinNotes(...notes)).toBe(expected);
	});

	it.each([
		[undefined, 'empty'],
		[null, 'empty'],
		['Typ 3', "'Typ 3'"],
		[42, '42'],
		[true, 'true'],
		[[1, 2], 'a list'],
		[{ a: 1 }, 'an object'],
		['x'.repeat(70), `'${'x'.repeat(60)}…'`],
	])('quote(%j) = %s', (raw, expected) => {
		expect(quote(raw)).toBe(expected);
	});

	it.each([
		[undefined, true],
		[null, true],
		['  ', true],
		['', true],
		[0, false],
		['a', false],
	])('isBlank(%j) = %s', (raw, expected) => {
		expect(isBlank(raw)).toBe(expected);
	});
});
