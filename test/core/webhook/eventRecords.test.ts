/** Webhook bodies as real systems send them: several keys per event, bare id lists, changed fields only. */
import { changeNotice, extractRecords } from '../../../core/webhook';

describe('extractRecords: events naming several records', () => {
	const options = { mode: 'path' as const, path: 'data', idField: 'charger_id', keysPath: 'keys' };

	it('one record per key; the payload (the changed fields) goes with each key', () => {
		const body = JSON.stringify({ event: 'items.update', keys: ['A', 'B', 3], data: { state: 'faulty' } });
		expect(extractRecords(body, options)).toEqual({
			ok: true,
			records: [
				{ state: 'faulty', charger_id: 'A' },
				{ state: 'faulty', charger_id: 'B' },
				{ state: 'faulty', charger_id: '3' },
			],
			reason: '3 key(s) from "keys"',
		});
	});

	it('keys without a payload (a delete, a bulk notice) give id-only records; a body without keys is read as before', () => {
		expect(extractRecords(JSON.stringify({ event: 'items.delete', keys: ['A', 'B'] }), options).records).toEqual([{ charger_id: 'A' }, { charger_id: 'B' }]);
		expect(extractRecords(JSON.stringify({ data: { charger_id: 'C', state: 'x' } }), options).records).toEqual([{ charger_id: 'C', state: 'x' }]);
		expect(extractRecords(JSON.stringify({ keys: [{ no: 'id' }] }), options)).toMatchObject({ ok: false, reason: '"keys" holds something that is not an id' });
	});

	it('a list of bare ids as the records (a delete payload) is accepted with an id field, as nested ids too', () => {
		expect(extractRecords(JSON.stringify({ data: ['A', 'B'] }), { mode: 'path', path: 'data', idField: 'charger_id' }).records).toEqual([{ charger_id: 'A' }, { charger_id: 'B' }]);
		expect(extractRecords(JSON.stringify(['A']), { mode: 'auto', idField: 'asset.id' }).records).toEqual([{ asset: { id: 'A' } }]);
		expect(extractRecords(JSON.stringify({ data: 'A' }), { mode: 'path', path: 'data', idField: 'id' }).records).toEqual([{ id: 'A' }]);
		// without an id field bare ids stay refused, mixed lists always are
		expect(extractRecords(JSON.stringify(['A']), { mode: 'auto' }).ok).toBe(false);
		expect(extractRecords(JSON.stringify(['A', { id: 'B' }]), { mode: 'auto', idField: 'id' }).ok).toBe(false);
	});
});

describe('changeNotice', () => {
	it('an id-only record, or one without a full-record field, is a change notice', () => {
		expect(changeNotice({ charger_id: 'A' }, 'charger_id')).toEqual({ partial: true, missingFields: [] });
		expect(changeNotice({ charger_id: 'A', state: 'faulty' }, 'charger_id', ['site_id', 'outlets'])).toEqual({ partial: true, missingFields: ['site_id', 'outlets'] });
		expect(changeNotice({ charger_id: 'A', site_id: 'S', outlets: [] }, 'charger_id', ['site_id', 'outlets'])).toEqual({ partial: false, missingFields: [] });
		expect(changeNotice({ charger_id: 'A', state: 'faulty' }, 'charger_id')).toEqual({ partial: false, missingFields: [] });
	});
});
