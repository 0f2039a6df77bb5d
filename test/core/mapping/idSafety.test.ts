/** The Mapper's id rules: ids that would change the CPMS URL are refused; ids that differ only in case are left out together. */
import { mapAssets } from '../../../core/mapping';
import { sampleRows } from '../../fixtures/assets/sampleAssets';
import { NOW, rowsProfile } from './helpers';

type Json = Record<string, any>;

function tree(result: ReturnType<typeof mapAssets>) {
	return result.locations.map(({ location }) => [location.id, (location.evses as Json[]).map((evse) => [evse.uid, evse.connectors.map((c: Json) => c.id)])]);
}

function reasonsOf(result: ReturnType<typeof mapAssets>): Record<number, string[]> {
	return Object.fromEntries(result.unmappable.map((item) => [item.sourceIndex, item.reasons]));
}

describe('Mapper: ids that would change the CPMS URL', () => {
	it.each([
		['charger_id', '..', /^location 'BER-0001': |^EVSE '\.\.' at location 'BER-0001': EVSE uid '\.\.' cannot be used: the id is "\.\.", which a URL reads as a step in the path/],
		['charger_id', '.', /EVSE uid '\.' cannot be used: the id is "\."/],
		['charger_id', 'CP/1', /EVSE uid 'CP\/1' cannot be used: the id contains "\/"/],
		['charger_id', 'CP%2F1', /EVSE uid 'CP%2F1' cannot be used: the id contains "%"/],
		['charger_id', 'CP?x=1', /contains "\?"/],
		['charger_id', 'CP#1', /contains "#"/],
		['charger_id', 'CP\\1', /contains "\\"/],
		['site_id', '..', /^location '\.\.': location id '\.\.' cannot be used: the id is "\.\."/],
		['no', '..', /connector id '\.\.' cannot be used/],
	])('refuses %s %j with a reason, and keeps the rest', (field, value, reason) => {
		const rows = sampleRows();
		rows[0][field] = value;
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable.map((item) => item.sourceIndex)).toEqual([0]);
		expect(result.unmappable[0].reasons).toEqual([expect.stringMatching(reason)]);
		// nothing of the refused id reaches a Location; the other rows are mapped as before
		const ids = JSON.stringify(tree(result));
		expect(ids).not.toContain(JSON.stringify(value));
		expect(result.locations.flatMap((l) => l.sourceIndexes)).toEqual([1, 2, 3, 4, 5, 6]);
	});

	it('refuses a control character inside a key instead of cleaning it into another id', () => {
		const rows = sampleRows();
		rows[0].charger_id = 'CP\u00011';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(result.unmappable.map((item) => item.sourceIndex)).toEqual([0]);
		expect(result.unmappable[0].reasons).toEqual([expect.stringMatching(/^charge point key 'CP.1' cannot be used: the id contains a control character/)]);
		expect(JSON.stringify(tree(result))).not.toMatch(/CP.1/);
	});
});

describe('Mapper: ids that differ only in upper and lower case', () => {
	it('leaves out both Locations and tells every item which ids it collides with', () => {
		const rows = sampleRows();
		// rows 5 and 6 are AMS-0003; make row 4 (MUC-0007) claim "ber-0001"
		rows[4].site_id = 'ber-0001';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		expect(tree(result).map(([id]) => id)).toEqual(['AMS-0003']);
		const reasons = reasonsOf(result);
		expect(Object.keys(reasons).map(Number)).toEqual([0, 1, 2, 3, 4]);
		const expected = "location ids 'BER-0001' (items 0, 1, 2, 3) and 'ber-0001' (item 4) differ only in upper and lower case";
		for (const index of [0, 1, 2, 3, 4]) expect(reasons[index]).toEqual([expect.stringContaining(expected)]);
	});

	it('leaves out both EVSEs of one Location and keeps its other EVSEs', () => {
		const rows = sampleRows();
		rows[2].charger_id = 'ber-0001-ac1';
		rows[3].charger_id = 'ber-0001-ac1';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		const reasons = reasonsOf(result);
		expect(Object.keys(reasons).map(Number)).toEqual([0, 1, 2, 3]);
		expect(reasons[0]).toEqual([expect.stringContaining("EVSE uids 'BER-0001-AC1' (items 0, 1) and 'ber-0001-ac1' (items 2, 3) at location 'BER-0001' differ only in upper and lower case")]);
		// BER-0001 had no other EVSE, so it is not written at all
		expect(tree(result).map(([id]) => id)).toEqual(['MUC-0007', 'AMS-0003']);
	});

	it('leaves out both connectors of one EVSE and keeps the EVSE with its other connectors', () => {
		const rows = sampleRows().map((row) => ({ ...row, no: `c${row.no}` }));
		rows.push({ ...rows[0], no: 'C1' });
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		const reasons = reasonsOf(result);
		expect(Object.keys(reasons).map(Number)).toEqual([0, 7]);
		expect(reasons[7]).toEqual([expect.stringContaining("connector ids 'c1' (item 0) and 'C1' (item 7) of EVSE 'BER-0001-AC1' at location 'BER-0001' differ only in upper and lower case")]);
		expect(tree(result)[0]).toEqual(['BER-0001', [['BER-0001-AC1', ['c2']], ['BER-0001-DC1', ['c1', 'c2']]]]);
	});
});
