import * as transforms from '../../../../core/mapping/transforms';

describe('transforms index', () => {
	it.each([
		'ok',
		'fail',
		'joinNotes',
		'createValueMap',
		'mapValue',
		'matchKey',
		'CONNECTOR_STANDARD_PRESET',
		'mapConnectorStandard',
		'STATUS_PRESET',
		'mapStatus',
		'derivePowerType',
		'parseNumber',
		'toWatts',
		'toAmperes',
		'toVolts',
		'coordinatesFromPair',
		'coordinatesFromFields',
		'toUtcDateTime',
		'toCountryAlpha3',
		'toCountryAlpha2',
		'cleanText',
		'cutToLength',
		'toOcpiText',
		'connectorTypesOf',
		'powerTypesOf',
	])('exports %s', (name) => {
		expect(transforms).toHaveProperty(name);
	});

	it('hands out preset targets that cannot be changed', () => {
		const map = transforms.createValueMap(transforms.CONNECTOR_STANDARD_PRESET);
		if (!map.ok) throw new Error(map.reason);
		const mapped = transforms.mapValue(map.value, 'CCS', 'plug');
		expect(mapped.ok && Object.isFrozen(mapped.value)).toBe(true);
	});

	it('never throws on junk', () => {
		const junk: unknown[] = [undefined, null, '', '   ', {}, [], Number.NaN, -1, true, Symbol('x'), () => 1, '\u0000'];
		const map = transforms.createValueMap(transforms.STATUS_PRESET);
		if (!map.ok) throw new Error(map.reason);
		for (const raw of junk) {
			expect(() => {
				transforms.mapStatus(map.value, raw);
				transforms.derivePowerType({ current: raw, phases: raw, standard: raw });
				transforms.parseNumber(raw, 'x');
				transforms.toWatts(raw, 'x', { unit: 'kW' });
				transforms.toAmperes(raw);
				transforms.toVolts(raw, 'v', { powerType: 'AC_3_PHASE' });
				transforms.coordinatesFromPair(raw);
				transforms.coordinatesFromFields(raw, raw);
				transforms.toUtcDateTime(raw);
				transforms.toCountryAlpha3(raw);
				transforms.toCountryAlpha2(raw);
				transforms.toOcpiText(raw, 45, 'x');
			}).not.toThrow();
		}
	});
});
