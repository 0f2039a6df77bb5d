import { isRealUtcDateTime } from '../../../core/ocpi/formats';

/** A Date-based check (a Date per call; setUTCFullYear, so years 0-99 are not read as 19xx), the oracle for the allocation-free one. */
function oracle(value: string): boolean {
	const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?Z?$/.exec(value);
	if (!match) return false;
	const [, y, mo, d, h, mi, s] = match.map(Number);
	if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
	const lastOfMonth = new Date(0);
	lastOfMonth.setUTCFullYear(y, mo, 0);
	return d <= lastOfMonth.getUTCDate();
}

describe('isRealUtcDateTime answers as the Date-based check did', () => {
	it('for every day number of every month around leap-year rules, and out-of-range times', () => {
		const differing: string[] = [];
		let real = 0;
		for (const year of [0, 4, 99, 100, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999]) {
			for (let month = 0; month <= 13; month++) {
				for (let day = 0; day <= 32; day++) {
					for (const time of ['00:00:00', '23:59:59.5', '24:00:00', '12:60:00', '12:00:60']) {
						const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${time}Z`;
						if (isRealUtcDateTime(value) !== oracle(value)) differing.push(value);
						if (oracle(value)) real++;
					}
				}
			}
		}
		expect(differing).toEqual([]);
		// 12 years × 365 days, plus 29 February in 0000, 0004, 2000, 2024 and 2400 (proleptic Gregorian), × 2 valid times
		expect(real).toBe(2 * (12 * 365 + 5));
	});
});
