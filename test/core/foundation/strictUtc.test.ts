/** The character-code reader of 'YYYY-MM-DDTHH:MM:SSZ' agrees with the general reader on every value it takes. */
import { instantMs, ocpiInstantMs, strictUtcMs } from '../../../core/foundation/dateTime';
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
