/**
 * formatDecimal writes a coordinate without BigInt when no digit carries. The oracle is the BigInt form it
 * had for every case: both must write the same text for every sign, integer part (leading zeros included),
 * fraction and number of places.
 */
import { formatDecimal, type Decimal } from '../../../core/enrichment/coordinateText';
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
