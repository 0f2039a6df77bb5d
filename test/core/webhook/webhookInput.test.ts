import { acceptEventId, extractRecords, mapEventType, verifyHeaderToken, type DedupeState } from '../../../core/webhook';

describe('verifyHeaderToken', () => {
	it('compares in constant time, whatever the lengths, with an optional scheme', () => {
		expect(verifyHeaderToken('s3cret', 's3cret').valid).toBe(true);
		expect(verifyHeaderToken('s3cre', 's3cret')).toEqual({ valid: false, reason: 'token does not match' });
		expect(verifyHeaderToken(undefined, 's3cret').reason).toBe('token header missing');
		expect(verifyHeaderToken('Bearer s3cret', 's3cret', { scheme: 'Bearer' }).valid).toBe(true);
		expect(verifyHeaderToken('s3cret', 's3cret', { scheme: 'Bearer' }).valid).toBe(false);
		expect(verifyHeaderToken('x', '').reason).toBe('no expected token configured');
	});
});

describe('extractRecords', () => {
	it('reads one record, an array, or records at a path; raw JSON text too', () => {
		expect(extractRecords({ charger_id: 'A' }).records).toEqual([{ charger_id: 'A' }]);
		expect(extractRecords('[{"charger_id":"A"},{"charger_id":"B"}]').records).toHaveLength(2);
		expect(extractRecords({ event_type: 'x', data: { charger_id: 'A' } }, { mode: 'path', path: 'data' }).records).toEqual([{ charger_id: 'A' }]);
		expect(extractRecords({ payload: { items: [{ a: 1 }] } }, { mode: 'path', path: 'payload.items' }).records).toEqual([{ a: 1 }]);
	});
	it('explains what is wrong instead of throwing', () => {
		expect(extractRecords('{nope').reason).toBe('body is not valid JSON');
		expect(extractRecords([1, 2], { mode: 'array' }).reason).toMatch(/\[0\] is not an object/);
		expect(extractRecords({}, { mode: 'path', path: 'data' }).reason).toBe('nothing at "data"');
		expect(extractRecords({ a: 1 }, { mode: 'array' }).ok).toBe(false);
		expect(extractRecords('').ok).toBe(false);
	});
});

describe('mapEventType', () => {
	it('maps common names, explicit lists win, unknown names are reported', () => {
		expect(mapEventType('charger.created').change).toBe('created');
		expect(mapEventType('asset_updated').change).toBe('updated');
		expect(mapEventType('ChargerDeleted').change).toBe('deleted');
		expect(mapEventType('charger.decommissioned').change).toBe('updated');
		expect(mapEventType('charger.decommissioned', { deleted: ['charger.decommissioned'] }).change).toBe('deleted');
		expect(mapEventType('charger.pinged')).toEqual({ ok: false, reason: 'unknown event type "charger.pinged"' });
		expect(mapEventType(undefined).ok).toBe(false);
	});
});

describe('acceptEventId', () => {
	const viaJson = <T>(value: T): T => JSON.parse(JSON.stringify(value));
	it('suppresses a redelivered id within the window and accepts it after', () => {
		const t0 = 1_750_000_000_000;
		let state: DedupeState | undefined = undefined;
		const first = acceptEventId(state, 'e1', { windowSeconds: 600, nowMs: t0 });
		expect(first.accept).toBe(true);
		state = viaJson(first.nextState);
		const again = acceptEventId(state, 'e1', { windowSeconds: 600, nowMs: t0 + 1000 });
		expect(again.accept).toBe(false);
		expect(again.reason).toMatch(/already received/);
		const muchLater = acceptEventId(again.nextState, 'e1', { windowSeconds: 600, nowMs: t0 + 601_000 });
		expect(muchLater.accept).toBe(true);
		expect(Object.keys(muchLater.nextState.seen)).toEqual(['e1']);
	});
	it('caps the state, dropping the oldest ids, and accepts events without id', () => {
		let state: DedupeState = { seen: {} };
		for (let i = 0; i < 10; i++) state = acceptEventId(state, `e${i}`, { windowSeconds: 600, maxEntries: 3, nowMs: 1000 + i }).nextState;
		expect(Object.keys(state.seen).sort()).toEqual(['e7', 'e8', 'e9']);
		expect(acceptEventId(state, undefined, { windowSeconds: 600, nowMs: 2000 }).accept).toBe(true);
		expect(acceptEventId({ seen: 'broken' } as never, 'x', { windowSeconds: 600 }).accept).toBe(true);
	});
});
