/** The character-code reader of 'YYYY-MM-DDTHH:MM:SSZ' agrees with the general reader on every value it takes. */
import { daysFromCivil, instantMs, ocpiInstantMs, strictUtcMs } from '../../../core/foundation/dateTime';
import { isRealUtcDateTime } from '../../../core/ocpi/formats';

const STRICT = [
	'2024-01-01T00:00:00Z',
	'2024-02-29T23:59:59Z',
	'2023-02-29T12:00:00Z',
	'2023-04-31T12:00:00Z',
	'2024-12-31T24:00:00Z',
	'2024-06-01T10:60:00Z',
	'2024-06-01T10:00:60Z',
	'2024-13-01T10:00:00Z',
	'2024-00-10T10:00:00Z',
	'2024-06-00T10:00:00Z',
	'1900-02-29T00:00:00Z',
	'2000-02-29T00:00:00Z',
	'0100-03-01T00:00:00Z',
	'9999-12-31T23:59:59Z',
];
const OTHER = ['0099-01-01T00:00:00Z', '2024-01-01T00:00:00', '2024-01-01t00:00:00z', '2024-01-01T00:00:00.5Z', '2024-01-01 00:00:00Z', '2024-01-01T00:00:0xZ', '2024-1-01T00:00:00Z', '', 'x'];

describe('strictUtcMs', () => {
	it.each(STRICT)('%s: the same instant (or none) as the general reader', (text) => {
		const general = instantMs(text) ?? Number.NaN;
		expect(strictUtcMs(text)).toEqual(general);
		expect(ocpiInstantMs(text)).toEqual(general);
		expect(isRealUtcDateTime(text)).toBe(!Number.isNaN(general));
	});

	it.each(OTHER)('%s: left to the general reader', (text) => {
		expect(strictUtcMs(text)).toBeUndefined();
	});
});

describe('daysFromCivil', () => {
	it('counts the days as Date.UTC does, on every first and last day of every month of the years 100 to 9999', () => {
		let checked = 0;
		for (let year = 100; year <= 9999; year++) {
			for (let month = 1; month <= 12; month++) {
				const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
				for (const day of [1, last]) {
					const expected = Date.UTC(year, month - 1, day) / 86_400_000;
					if (daysFromCivil(year, month, day) !== expected) throw new Error(`${year}-${month}-${day}: ${daysFromCivil(year, month, day)} days, Date.UTC says ${expected}`);
					checked++;
				}
			}
		}
		expect(checked).toBe(9900 * 24);
	});

	it('reads a strict text as the instant Date.UTC gives, at any time of day', () => {
		for (let ms = Date.UTC(1970, 0, 1); ms < Date.UTC(2100, 0, 1); ms += 7_777_777_000) {
			const text = `${new Date(ms).toISOString().slice(0, 19)}Z`;
			expect(strictUtcMs(text)).toBe(Math.floor(ms / 1000) * 1000);
		}
	});
});
