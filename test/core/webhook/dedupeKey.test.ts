/** Duplicate detection: keys from signed content only, and the in-process claim. */
import { createHash } from 'crypto';
import { DeliveryClaims, deliveryKey } from '../../../core/webhook';

describe('deliveryKey', () => {
	const body = '{"event_id":"evt_1","data":{"charger_id":"A"}}';

	it('is the event id from the body when the body has one, whatever the timestamp', () => {
		expect(deliveryKey({ body, bodyEventId: 'evt_1', signedTimestamp: '1700000000' })).toBe('evt_1');
		expect(deliveryKey({ body, bodyEventId: 'evt_1', signedTimestamp: '1700000099' })).toBe('evt_1');
	});

	it('is a digest of the signed bytes (timestamp, dot, body) without one', () => {
		const expected = createHash('sha256').update(`1700000000.${body}`).digest('hex');
		expect(deliveryKey({ body, signedTimestamp: '1700000000' })).toBe(`sha256:${expected}`);
		expect(deliveryKey({ body: Buffer.from(body), signedTimestamp: '1700000000' })).toBe(`sha256:${expected}`);
		// a re-signed copy is another delivery; an unsigned body is keyed by itself
		expect(deliveryKey({ body, signedTimestamp: '1700000001' })).not.toBe(`sha256:${expected}`);
		expect(deliveryKey({ body })).toBe(`sha256:${createHash('sha256').update(body).digest('hex')}`);
		expect(deliveryKey({ body, bodyEventId: '' })).toBe(deliveryKey({ body }));
	});
});

describe('DeliveryClaims', () => {
	it('gives a key to the first claim only, until its window ends', () => {
		const claims = new DeliveryClaims();
		const results = Array.from({ length: 10 }, () => claims.claim('evt_1', 1000, 60_000));
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(results[0]).toBe(true);
		expect(claims.claim('evt_2', 1000, 60_000)).toBe(true);
		expect(claims.claim('evt_1', 60_999, 60_000)).toBe(false);
		expect(claims.claim('evt_1', 61_000, 60_000)).toBe(true);
	});

	it('stays within its size: expired claims go first, then the oldest', () => {
		const claims = new DeliveryClaims(3);
		claims.claim('old', 0, 10);
		for (const key of ['a', 'b', 'c']) claims.claim(key, 100, 1000);
		expect(claims.size).toBe(3);
		expect(claims.claim('old', 100, 1000)).toBe(true);
		claims.claim('d', 200, 1000);
		expect(claims.size).toBe(3);
		// 'a' was the oldest live claim and made room; 'c' and 'd' are still held
		expect(claims.claim('c', 300, 1000)).toBe(false);
		expect(claims.claim('d', 300, 1000)).toBe(false);
	});
});
