/**
 * formatDecimal writes a coordinate without BigInt when no digit carries. The oracle is the BigInt form it
 * had for every case: both must write the same text for every sign, integer part (leading zeros included),
 * fraction and number of places.
 */
import { decimalOf, formatDecimal, parseCoordinate, type Decimal } from '../../../core/enrichment/coordinateText';
import { createRandom } from '../../../bench/fixtures/network/random';

function bigIntForm(decimal: Decimal, places: number): string {
	const kept = decimal.fraction.slice(0, places).padEnd(places, '0');
	const roundUp = (decimal.fraction[places] ?? '0') >= '5';
	const digits = (BigInt(`${decimal.integer}${kept}` || '0') + (roundUp ? 1n : 0n)).toString().padStart(places + 1, '0');
	const integer = digits.slice(0, digits.length - places);
	const fraction = digits.slice(digits.length - places);
	const isZero = /^0*$/.test(digits);
	return `${decimal.negative && !isZero ? '-' : ''}${integer}${places > 0 ? `.${fraction}` : ''}`;
}

describe('formatDecimal', () => {
	it('writes what the BigInt form wrote, on 20,000 generated decimals', () => {
		const random = createRandom('coordinates');
		const digits = (length: number) => Array.from({ length }, () => random.pick(['0', '0', '1', '4', '5', '9'])).join('');
		const disagreements: string[] = [];
		for (let i = 0; i < 20_000; i++) {
			const decimal: Decimal = { negative: random.chance(0.4), integer: digits(random.int(0, 4)), fraction: digits(random.int(0, 9)) };
			const places = random.int(0, 8);
			const expected = bigIntForm(decimal, places);
			if (formatDecimal(decimal, places) !== expected && disagreements.length < 5) disagreements.push(`${JSON.stringify(decimal)} ${places}: ${expected}`);
		}
		expect(disagreements).toEqual([]);
	});
});

/** How decimalOf read a number before it split number text without a regex: the oracle. */
function regexDecimalOf(value: number): Decimal | undefined {
	if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return undefined;
	let text = String(value);
	if (/e/i.test(text)) text = value.toFixed(12).replace(/0+$/, '');
	const match = /^([+-])?(\d*)(?:[.,](\d*))?$/.exec(text);
	if (!match) return undefined;
	const [, sign, integer = '', fraction = ''] = match;
	if (integer === '' && fraction === '') return undefined;
	return { negative: sign === '-', integer, fraction };
}

describe('decimalOf a number', () => {
	it('reads what the regex form read, on 20,000 generated numbers and the edge cases', () => {
		const random = createRandom('coordinate numbers');
		const numbers = [0, -0, 1, -1, 52.37, -180, 1e-7, -1e-7, 1.5e-13, 1e20, 1e21, -1e21, 123456789.123, Number.NaN, Infinity, -Infinity, Number.MIN_VALUE, Number.EPSILON];
		for (let i = 0; i < 20_000; i++) {
			const magnitude = 10 ** random.int(-9, 4);
			numbers.push((random.chance(0.5) ? -1 : 1) * Math.round(random.next() * magnitude * 1e6) / 1e6, (random.next() - 0.5) * magnitude);
		}
		const disagreements = numbers.filter((value) => JSON.stringify(decimalOf(value)) !== JSON.stringify(regexDecimalOf(value)));
		expect(disagreements.slice(0, 5)).toEqual([]);
	});

	it('parseCoordinate reads a number as the number its digits spell, as before it skipped the digits in plain range', () => {
		const random = createRandom('coordinate numbers read');
		const numbers = [0, -0, 1e-6, -1e-6, 9.99e-7, 1e-7, 1.5e-13, 1e20, 9.99e20, 1e21, -1e21, Number.NaN, Infinity, Number.MAX_VALUE, Number.MIN_VALUE];
		for (let i = 0; i < 20_000; i++) numbers.push((random.next() - 0.5) * 10 ** random.int(-9, 22));
		const digitsRead = (value: number): number | undefined => {
			const decimal = regexDecimalOf(value);
			return decimal && Number(`${decimal.negative ? '-' : ''}${decimal.integer || '0'}.${decimal.fraction || '0'}`);
		};
		const disagreements = numbers.filter((value) => !Object.is(parseCoordinate(value), digitsRead(value)));
		expect(disagreements.slice(0, 5)).toEqual([]);
	});
});
