import { enrichOcpiObject } from '../../../core/enrichment/enrich';
import { parseCoordinate, toOcpiCoordinate } from '../../../core/enrichment/coordinateText';

describe('toOcpiCoordinate', () => {
	it.each([
		// value, axis, version, expected text (undefined = unchanged)
		[52.37, 'latitude', '2.2.1', '52.370000'],
		['52,37', 'latitude', '2.2.1', '52.370000'],
		[' 4.895168 ', 'longitude', '2.2.1', '4.895168'],
		['4.895168', 'longitude', '2.2.1', undefined],
		['52.37000', 'latitude', '2.2.1', undefined], // 5 decimals: valid in 2.2.1
		['52.37000', 'latitude', '2.1.1', '52.370000'], // 2.1.1 wants exactly 6
		[52.3712345, 'latitude', '2.2.1', '52.3712345'], // 7 decimals kept in 2.2.1
		[52.3712345, 'latitude', '2.1.1', '52.371235'], // rounded to 6 in 2.1.1
		['52.123456789', 'latitude', '2.2.1', '52.1234568'],
		['-0.0000001', 'longitude', '2.1.1', '0.000000'],
		[-33.8688, 'latitude', '2.2.1', '-33.868800'],
		['+13,4', 'longitude', '2.2.1', '13.400000'],
		[180, 'longitude', '2.2.1', '180.000000'],
		[90, 'latitude', '2.1.1', '90.000000'],
		[1e-7, 'latitude', '2.2.1', '0.0000001'],
		[91, 'latitude', '2.2.1', undefined],
		['-180.5', 'longitude', '2.2.1', undefined],
		['52.37.1', 'latitude', '2.2.1', undefined],
		['52,370,1', 'latitude', '2.2.1', undefined],
		['abc', 'latitude', '2.2.1', undefined],
		['', 'latitude', '2.2.1', undefined],
		[Number.NaN, 'latitude', '2.2.1', undefined],
		[null, 'latitude', '2.2.1', undefined],
		[true, 'latitude', '2.2.1', undefined],
	] as const)('%p as %s in %s → %p', (value, axis, version, expected) => {
		expect(toOcpiCoordinate(value, axis, version)?.text).toBe(expected);
	});

	it('reports lost precision only when non-zero digits were dropped', () => {
		expect(toOcpiCoordinate('52.123456789', 'latitude', '2.2.1')).toEqual({
			text: '52.1234568',
			givenDecimals: 9,
			writtenDecimals: 7,
			lostPrecision: true,
		});
		expect(toOcpiCoordinate('52.1000000000', 'latitude', '2.1.1')?.lostPrecision).toBe(false);
	});

	it('parses numbers, point and comma decimals', () => {
		expect([parseCoordinate(' 52,5 '), parseCoordinate('13.4'), parseCoordinate(-7), parseCoordinate('x')]).toEqual([
			52.5,
			13.4,
			-7,
			undefined,
		]);
	});
});

describe('coordinates switch', () => {
	const location = {
		coordinates: { latitude: 52.37, longitude: '4,895168' },
		related_locations: [{ latitude: ' 52.3712345678 ', longitude: 4.9 }, { latitude: 95, longitude: '4.900000' }, 'junk'],
		evses: [{ coordinates: { latitude: '52.370001', longitude: 4.89 } }, { coordinates: 'junk' }],
	};

	it('normalises Location, related_locations and EVSE coordinates and lists each change', () => {
		const { object, changes } = enrichOcpiObject(location, 'location', '2.2.1', { coordinates: true });
		expect(object).toEqual({
			coordinates: { latitude: '52.370000', longitude: '4.895168' },
			related_locations: [{ latitude: '52.3712346', longitude: '4.900000' }, { latitude: 95, longitude: '4.900000' }, 'junk'],
			evses: [{ coordinates: { latitude: '52.370001', longitude: '4.890000' } }, { coordinates: 'junk' }],
		});
		expect(changes).toEqual([
			{
				path: 'coordinates.latitude',
				from: 52.37,
				to: '52.370000',
				reason: 'latitude given as a number; written as text with a decimal point and 6 decimals as OCPI 2.2.1 requires',
			},
			{
				path: 'coordinates.longitude',
				from: '4,895168',
				to: '4.895168',
				reason: "longitude text '4,895168' not in OCPI form; written as text with a decimal point and 6 decimals as OCPI 2.2.1 requires",
			},
			{
				path: 'related_locations[0].latitude',
				from: ' 52.3712345678 ',
				to: '52.3712346',
				reason: "latitude text ' 52.3712345678 ' not in OCPI form; it had 10 decimals, rounded to 7, the most OCPI 2.2.1 allows",
			},
			{
				path: 'related_locations[0].longitude',
				from: 4.9,
				to: '4.900000',
				reason: 'longitude given as a number; written as text with a decimal point and 6 decimals as OCPI 2.2.1 requires',
			},
			{
				path: 'evses[0].coordinates.longitude',
				from: 4.89,
				to: '4.890000',
				reason: 'longitude given as a number; written as text with a decimal point and 6 decimals as OCPI 2.2.1 requires',
			},
		]);
	});

	it('normalises an EVSE on its own (2.1.1)', () => {
		const { object, changes } = enrichOcpiObject({ coordinates: { latitude: '52.37123', longitude: 4.8951689 } }, 'evse', '2.1.1', {
			coordinates: true,
		});
		expect(object).toEqual({ coordinates: { latitude: '52.371230', longitude: '4.895169' } });
		expect(changes.map((change) => change.path)).toEqual(['coordinates.latitude', 'coordinates.longitude']);
		expect(changes[1].reason).toBe('longitude given as a number; it had 7 decimals, rounded to 6, the most OCPI 2.1.1 allows');
	});

	it('does nothing when off', () => {
		expect(enrichOcpiObject(location, 'location', '2.2.1', { coordinates: false })).toEqual({ object: location, changes: [] });
	});
});
