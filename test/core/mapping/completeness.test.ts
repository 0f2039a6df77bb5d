/** The Mapper's `_completeness` mark: complete only for a complete read with nothing of the site refused. */
import { mapAssets } from '../../../core/mapping';
import type { LocationCompleteness } from '../../../core/ocpi/completeness';
import { sampleRows, sampleSites } from '../../fixtures/assets/sampleAssets';
import { NOW, profileWith, rowsProfile } from './helpers';

type Json = Record<string, any>;

const completeRead = (group: string, extra: Json = {}) => ({ complete: true, scope: 'group', group, readAt: '2025-06-01T11:59:00Z', ...extra });
const marked = (rows: Json[]): Json[] => rows.map((row) => ({ ...row, _read: completeRead(row.site_id) }));
const byId = (result: ReturnType<typeof mapAssets>): Record<string, LocationCompleteness> =>
	Object.fromEntries(result.locations.map((l) => [String(l.location.id), l.location._completeness!]));

describe('Mapper completeness', () => {
	it('a complete read of every site gives complete Locations, with their sources and the earliest read time', () => {
		const rows = marked(sampleRows());
		rows[1]._read.readAt = '2025-06-01T11:58:30Z';
		const marks = byId(mapAssets(rows, rowsProfile(), { now: NOW }));
		expect(marks['BER-0001']).toEqual({ complete: true, reasons: [], sources: 4, refused: [], readAt: '2025-06-01T11:58:30Z' });
		expect(marks['MUC-0007']).toMatchObject({ complete: true, sources: 1, readAt: '2025-06-01T11:59:00Z' });
	});

	it('a refused record makes its own site incomplete, naming the charger and the reason, and no other site', () => {
		const rows = marked(sampleRows());
		rows[2].state = 'In repair';
		const result = mapAssets(rows, rowsProfile(), { now: NOW });
		const marks = byId(result);
		expect(marks['BER-0001'].complete).toBe(false);
		// both rows of that charger (its two connectors) are refused with it
		const refusal = { assetId: 'BER-0001-DC1', reason: expect.stringMatching(/^charger BER-0001-DC1 could not be mapped: .*'In repair' has no OCPI Status value/) };
		expect(marks['BER-0001'].refused).toEqual([{ item: 2, ...refusal }, { item: 3, ...refusal }]);
		expect(marks['BER-0001'].reasons).toEqual(marks['BER-0001'].refused.map((r) => r.reason));
		expect(marks['MUC-0007'].complete).toBe(true);
		expect(marks['AMS-0003'].complete).toBe(true);
	});

	it('a refused record whose site cannot be read makes every Location incomplete; its read group narrows it down', () => {
		const unread = sampleRows();
		unread[4].site_id = '';
		const rows = marked(unread);
		const everywhere = byId(mapAssets(rows, rowsProfile(), { now: NOW }));
		for (const id of ['BER-0001', 'AMS-0003']) expect(everywhere[id].reasons).toEqual([expect.stringMatching(/^charger MUC-0007-AC1 could not be mapped and names no site, so it may belong to this one/)]);

		// a removal notice of a site deleted entirely: only its group, which names no Location of this run
		const notice = { change: 'removed', assetId: 'GONE-1', _read: { complete: false, scope: 'group', group: 'GONE', reason: 'a removal notice' } };
		const narrowed = byId(mapAssets([...marked(sampleRows()), notice], rowsProfile(), { now: NOW }));
		expect(Object.values(narrowed).every((mark) => mark.complete)).toBe(true);
	});

	it('site ids are CiStrings: a complete read of group "ber-0001" covers Location BER-0001', () => {
		const rows = sampleRows().map((row) => ({ ...row, _read: completeRead(String(row.site_id).toLowerCase()) }));
		expect(byId(mapAssets(rows, rowsProfile(), { now: NOW }))['BER-0001']).toMatchObject({ complete: true, reasons: [] });
	});

	it('a site item of which one charger failed is used but incomplete (that charger is not in the Location)', () => {
		const sites = sampleSites().map((site) => ({ ...site, _read: completeRead(site.site_id) }));
		sites[0].chargers[1].outlets[0].plug = 'Typ 9';
		sites[0].chargers[1].outlets[1].plug = 'Typ 9';
		const result = mapAssets(sites, profileWith(), { now: NOW });
		const berlin = byId(result)['BER-0001'];
		expect(berlin).toMatchObject({ complete: false, sources: 1, refused: [{ item: 0, reason: expect.stringMatching(/^item 0 could not be mapped: .*Typ 9/) }] });
	});

	it('records without a mark, from an incomplete read or of another group are named, grouped by reason', () => {
		const rows = sampleRows().filter((row) => row.site_id === 'BER-0001');
		rows[0]._read = { complete: false, scope: 'all', reason: 'an incremental poll emits the records changed since the last poll, not whole sites' };
		rows[1]._read = completeRead('MUC-0007');
		const [mark] = Object.values(byId(mapAssets(rows, rowsProfile(), { now: NOW })));
		expect(mark).toMatchObject({ complete: false, readAt: '2025-06-01T11:59:00Z' });
		expect(mark.reasons).toEqual([
			'charger BER-0001-AC1 came from a read that was not complete: an incremental poll emits the records changed since the last poll, not whole sites',
			"charger BER-0001-AC1 came from a complete read of group 'MUC-0007', not of site 'BER-0001'",
			'chargers BER-0001-DC1, BER-0001-DC1 carry no mark of a complete read (_read)',
		]);
	});

	it('Input Is a Complete Read (a full export) needs no marks; refused records still count; the run time is the read time', () => {
		const rows = sampleRows();
		const marks = byId(mapAssets(rows, rowsProfile(), { now: NOW, inputIsComplete: true }));
		expect(marks['BER-0001']).toEqual({ complete: true, reasons: [], sources: 4, refused: [], readAt: '2025-06-01T12:00:00Z' });
		rows[0].plug = 'Typ 9';
		expect(byId(mapAssets(rows, rowsProfile(), { now: NOW, inputIsComplete: true }))['BER-0001'].complete).toBe(false);
	});
});
