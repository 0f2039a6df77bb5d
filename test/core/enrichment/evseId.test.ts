import { enrichOcpiObject } from '../../../core/enrichment/enrich';
import { normaliseEvseId } from '../../../core/enrichment/evseId';

describe('normaliseEvseId: strict vs lenient (undefined = left unchanged)', () => {
	it.each([
		// given                  strict               lenient
		['de-abc-e123456', 'DE*ABC*E123456', 'DE*ABC*E123456'],
		[' DE ABC E123456 ', 'DE*ABC*E123456', 'DE*ABC*E123456'],
		['de*abc*e1', 'DE*ABC*E1', 'DE*ABC*E1'],
		['DE*ABC*E123456', undefined, undefined],
		['deabce123456', 'DEABCE123456', 'DE*ABC*E123456'],
		['DEABCE123456', undefined, 'DE*ABC*E123456'],
		['DE*ABCE123', undefined, 'DE*ABC*E123'],
		['DE.ABC.E123', undefined, 'DE*ABC*E123'],
		['DE--ABC--E1', undefined, 'DE*ABC*E1'],
		['DE - ABC - E1', undefined, 'DE*ABC*E1'],
		['*DE*ABC*E1*', undefined, 'DE*ABC*E1'],
		['DE_ABC_E1/2', undefined, 'DE*ABC*E12'],
		['DE*ABC*E12-34', 'DE*ABC*E12*34', 'DE*ABC*E12*34'],
		['+49-810-000-438', '+49*810*000*438', '+49*810*000*438'],
		// never invent the 'E' type marker
		['DE-ABC-123456', undefined, undefined],
		['DEABC123456', undefined, undefined],
		['DE-ABC-E', undefined, undefined],
		['D-ABC-E1', undefined, undefined],
		['', undefined, undefined],
		['not an id', undefined, undefined],
	])('%p', (given, strict, lenient) => {
		expect(normaliseEvseId(given, 'strict')).toBe(strict);
		expect(normaliseEvseId(given, 'lenient')).toBe(lenient);
	});

	it.each([null, 42, ['DE*ABC*E1'], { id: 'x' }])('ignores a non-text evse_id %p', (given) => {
		expect(normaliseEvseId(given, 'lenient')).toBeUndefined();
	});

	it('changes nothing in mode off', () => {
		expect(normaliseEvseId('de-abc-e1', 'off')).toBeUndefined();
	});
});

describe('evseId switch', () => {
	const location = {
		evses: [{ uid: '1', evse_id: 'de-abc-e1' }, { uid: '2', evse_id: 'DEABCE2' }, 'junk', { uid: '3', evse_id: 'DE-ABC-3' }],
	};

	it('rewrites every EVSE of a Location and lists each change', () => {
		const { object, changes } = enrichOcpiObject(location, 'location', '2.2.1', { evseId: 'lenient' });
		expect((object as typeof location).evses.map((evse) => (typeof evse === 'string' ? evse : evse.evse_id))).toEqual([
			'DE*ABC*E1',
			'DE*ABC*E2',
			'junk',
			'DE-ABC-3',
		]);
		expect(changes.map(({ path, from, to }) => ({ path, from, to }))).toEqual([
			{ path: 'evses[0].evse_id', from: 'de-abc-e1', to: 'DE*ABC*E1' },
			{ path: 'evses[1].evse_id', from: 'DEABCE2', to: 'DE*ABC*E2' },
		]);
		expect(changes[0].reason).toMatch(/eMI3/);
	});

	it('works on a single EVSE', () => {
		const { object, changes } = enrichOcpiObject({ uid: '1', evse_id: 'de abc e9' }, 'evse', '2.1.1', { evseId: 'strict' });
		expect(object).toEqual({ uid: '1', evse_id: 'DE*ABC*E9' });
		expect(changes).toEqual([
			{
				path: 'evse_id',
				from: 'de abc e9',
				to: 'DE*ABC*E9',
				reason: "evse_id written in the eMI3 format: trimmed, upper case, '-' and ' ' separators replaced by '*'",
			},
		]);
	});

	it('does nothing when off or not set', () => {
		expect(enrichOcpiObject(location, 'location', '2.2.1', { evseId: 'off' })).toEqual({ object: location, changes: [] });
		expect(enrichOcpiObject(location, 'location', '2.2.1', {}).changes).toEqual([]);
	});
});
