import { enrichOcpiObject } from '../../../core/enrichment/enrich';

const ON = { timeZone: true };

describe('timeZone switch', () => {
	it('fills a missing time_zone from the coordinates and lists the change', () => {
		const location = { coordinates: { latitude: '52.520008', longitude: '13.404954' } };
		expect(enrichOcpiObject(location, 'location', '2.2.1', ON)).toEqual({
			object: { ...location, time_zone: 'Europe/Berlin' },
			changes: [
				{
					path: 'time_zone',
					from: undefined,
					to: 'Europe/Berlin',
					reason: 'time zone looked up from the coordinates (52.520008, 13.404954)',
				},
			],
		});
	});

	it.each([
		[{ latitude: 59.913869, longitude: 10.752245 }, 'Europe/Oslo'],
		[{ latitude: '40,712776', longitude: '-74,005974' }, 'America/New_York'],
		[{ latitude: ' -33.868820 ', longitude: 151.209296 }, 'Australia/Sydney'],
	])('reads numbers and comma decimals: %p → %s (2.1.1 too)', (coordinates, zone) => {
		expect((enrichOcpiObject({ coordinates }, 'location', '2.1.1', ON).object as { time_zone: string }).time_zone).toBe(zone);
	});

	it.each([undefined, null, '', '  '])('treats time_zone %p as missing', (timeZone) => {
		const { object } = enrichOcpiObject({ time_zone: timeZone, coordinates: { latitude: 35.676192, longitude: 139.650311 } }, 'location', '2.2.1', ON);
		expect((object as { time_zone: string }).time_zone).toBe('Asia/Tokyo');
	});

	it('never overwrites a given time_zone, even a wrong one', () => {
		const location = { time_zone: 'UTC+2', coordinates: { latitude: 52.52, longitude: 13.4 } };
		expect(enrichOcpiObject(location, 'location', '2.2.1', ON)).toEqual({ object: location, changes: [] });
	});

	it.each([
		{ latitude: 95, longitude: 13.4 },
		{ latitude: 'north', longitude: 13.4 },
		{ latitude: 52.52 },
		'52.52, 13.4',
		null,
	])('skips unusable coordinates %p', (coordinates) => {
		expect(enrichOcpiObject({ coordinates }, 'location', '2.2.1', ON).changes).toEqual([]);
	});

	it('does nothing when off', () => {
		const location = { coordinates: { latitude: 52.52, longitude: 13.4 } };
		expect(enrichOcpiObject(location, 'location', '2.2.1', { timeZone: false })).toEqual({ object: location, changes: [] });
	});
});
