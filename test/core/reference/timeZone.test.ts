import { timeZoneAt } from '../../../core/reference/timeZone';

describe('timeZoneAt', () => {
	it.each([
		['Berlin', 52.520008, 13.404954, 'Europe/Berlin'],
		['Amsterdam', 52.370216, 4.895168, 'Europe/Amsterdam'],
		['Oslo', 59.913869, 10.752245, 'Europe/Oslo'],
		['New York', 40.712776, -74.005974, 'America/New_York'],
		['Sydney', -33.868820, 151.209296, 'Australia/Sydney'],
		['Tokyo', 35.676192, 139.650311, 'Asia/Tokyo'],
		['Zurich', 47.376887, 8.541694, 'Europe/Zurich'],
		['Reykjavik', 64.146582, -21.942635, 'Atlantic/Reykjavik'],
	])('%s', (_place, latitude, longitude, zone) => {
		expect(timeZoneAt(latitude, longitude)).toBe(zone);
	});

	it('gives the nautical Etc/ zone at sea, as the library does', () => {
		expect(timeZoneAt(0, -30)).toBe('Etc/GMT+2');
		expect(timeZoneAt(90, 0)).toBe('Etc/GMT');
	});

	it.each([
		[91, 0],
		[0, 180.5],
		[Number.NaN, 0],
		[0, Number.POSITIVE_INFINITY],
		['52' as unknown as number, 13],
	])('is undefined for unusable coordinates (%p, %p)', (latitude, longitude) => {
		expect(timeZoneAt(latitude, longitude)).toBeUndefined();
	});
});
