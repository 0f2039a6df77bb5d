import { coordinatesFromFields, coordinatesFromPair } from '../../../../core/mapping/transforms/coordinates';

describe('coordinatesFromPair', () => {
	it.each<[string, string, string]>([
		['52.370216, 4.895168', '52.370216', '4.895168'],
		['52.370216,4.895168', '52.370216', '4.895168'],
		['52,370216;4,895168', '52.370216', '4.895168'],
		['52.370216; 4.895168', '52.370216', '4.895168'],
		['52.370216 4.895168', '52.370216', '4.895168'],
		['52,370216 4,895168', '52.370216', '4.895168'],
		['52,370216, 4,895168', '52.370216', '4.895168'],
		['-33.8688197, 151.2092955', '-33.8688197', '151.2092955'],
		['52.37021, 4.89517', '52.37021', '4.89517'],
		['52.3702161234, 4.8951680001', '52.3702161', '4.8951680'],
	])('%j → %s, %s', (raw, latitude, longitude) => {
		expect(coordinatesFromPair(raw)).toEqual({ ok: true, value: { latitude, longitude } });
	});

	it('writes exactly 6 decimals for OCPI 2.1.1', () => {
		expect(coordinatesFromPair('-33.8688197, 151.2092955', '2.1.1')).toEqual({
			ok: true,
			value: { latitude: '-33.868820', longitude: '151.209296' },
		});
		expect(coordinatesFromPair('52.37021, 4.89517', '2.1.1')).toEqual({
			ok: true,
			value: { latitude: '52.370210', longitude: '4.895170' },
		});
	});

	it('notes coarse coordinates', () => {
		expect(coordinatesFromPair('52.37, 4.8951')).toEqual({
			ok: true,
			value: { latitude: '52.370000', longitude: '4.895100' },
			note:
				"coordinates latitude '52.37' has only 2 decimals (coarser than 1 m): written as 52.370000; check the position; coordinates longitude '4.8951' has only 4 decimals (coarser than 1 m): written as 4.895100; check the position",
		});
	});

	it.each<[unknown, string]>([
		['', 'coordinates is empty: fill it in the source data'],
		[52.37, 'coordinates is 52.37, not text like \'52.3702, 4.8952\': map a text field or two fields'],
		['52.370216', "coordinates '52.370216' does not split into latitude and longitude: write them like '52.3702, 4.8952' or '52,3702;4,8952'"],
		['52,37,4,89', "coordinates '52,37,4,89' does not split into latitude and longitude: write them like '52.3702, 4.8952' or '52,3702;4,8952'"],
		['1;2;3', "coordinates '1;2;3' does not split into latitude and longitude: write them like '52.3702, 4.8952' or '52,3702;4,8952'"],
		['N52.37, E4.89', "coordinates latitude 'N52.37' is not a number: write it like 52.370216"],
		['52.37;', 'coordinates longitude is empty: fill it in the source data'],
		['151.2093, -33.8688', 'latitude 151.2093 is out of range: are latitude and longitude swapped?'],
		['151.2, 33.8', 'latitude 151.2 is out of range: are latitude and longitude swapped?'],
		['95.1, 120.5', 'latitude 95.1 is out of range (-90 to 90): check the source data'],
		['52.1, 200.5', 'longitude 200.5 is out of range (-180 to 180): check the source data'],
		['0, 0', "coordinates 0, 0 is a placeholder (a point at sea off Africa), not a charger's position: fill in the real coordinates"],
	])('refuses %j', (raw, reason) => {
		expect(coordinatesFromPair(raw)).toEqual({ ok: false, reason });
	});
});

describe('coordinatesFromFields', () => {
	it.each<[unknown, unknown, string, string]>([
		[52.370216, 4.895168, '52.370216', '4.895168'],
		['52,370216', '4,895168', '52.370216', '4.895168'],
		[' 52.370216 ', ' 4.895168 ', '52.370216', '4.895168'],
		[-33.8688197, 151.2092955, '-33.8688197', '151.2092955'],
		['52.370216', 4.895168, '52.370216', '4.895168'],
		[0, 4.895168, '0.000000', '4.895168'],
	])('%j, %j → %s, %s', (lat, lon, latitude, longitude) => {
		const result = coordinatesFromFields(lat, lon);
		expect(result.ok && result.value).toEqual({ latitude, longitude });
	});

	it.each<[unknown, unknown, string]>([
		[undefined, 4.89, 'coordinates latitude is empty: fill it in the source data'],
		[52.37, null, 'coordinates longitude is empty: fill it in the source data'],
		['abc', 4.89, "coordinates latitude 'abc' is not a number: write it like 52.370216"],
		[Number.NaN, 4.89, 'coordinates latitude NaN is not a number: write it like 52.370216'],
		[151.2, -33.8, 'latitude 151.2 is out of range: are latitude and longitude swapped?'],
		[-91, 181, 'latitude -91 is out of range (-90 to 90): check the source data'],
	])('refuses %j, %j', (lat, lon, reason) => {
		expect(coordinatesFromFields(lat, lon)).toEqual({ ok: false, reason });
	});

	it('names the field in reasons', () => {
		expect(coordinatesFromFields('x', 1, '2.2.1', 'EVSE position')).toEqual({
			ok: false,
			reason: "EVSE position latitude 'x' is not a number: write it like 52.370216",
		});
	});
});
