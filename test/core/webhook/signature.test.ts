import { createHmac } from 'crypto';
import { signPayload, verifySignature } from '../../../core/webhook';

const secret = 'whsec-test-secret';
const body = '{"event_id":"e1","data":{"charger_id":"BER-0001-AC1"}}';
const now = 1_750_000_000_000;
const ts = String(now / 1000);

describe('signPayload / verifySignature', () => {
	it('signs `${timestamp}.${body}` as sha256=<hex>, the documented scheme', () => {
		const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
		expect(signPayload({ secret, body, timestamp: ts })).toBe(`sha256=${expected}`);
		expect(signPayload({ secret, body })).toBe(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
	});

	it('accepts a valid signature with and without timestamp, hex or base64, raw Buffer bodies', () => {
		const signature = signPayload({ secret, body, timestamp: ts });
		expect(verifySignature({ secret, body, signature, timestamp: ts, toleranceSeconds: 300, nowMs: now })).toEqual({ valid: true, reason: expect.any(String) });
		expect(verifySignature({ secret, body: Buffer.from(body), signature: signPayload({ secret, body }) }).valid).toBe(true);
		const base64 = signPayload({ secret, body, encoding: 'base64', prefix: '' });
		expect(verifySignature({ secret, body, signature: base64, prefix: '' }).valid).toBe(true);
		// rotation: any listed signature may match
		expect(verifySignature({ secret, body, signature: `sha256=${'0'.repeat(64)}, ${signPayload({ secret, body })}` }).valid).toBe(true);
	});

	it('refuses a tampered body, a wrong secret, a wrong prefix and a missing header, never naming the secret', () => {
		const signature = signPayload({ secret, body });
		const results = [
			verifySignature({ secret, body: body.replace('AC1', 'AC2'), signature }),
			verifySignature({ secret: 'other', body, signature }),
			verifySignature({ secret, body, signature: signature.replace('sha256=', 'sha1=') }),
			verifySignature({ secret, body, signature: undefined }),
			verifySignature({ secret, body, signature: 'sha256=abc' }), // short: length mismatch must not throw
			verifySignature({ secret, body, signature: 'sha256=' + 'zz'.repeat(32) }),
			verifySignature({ secret: '', body, signature }),
			verifySignature({ secret, body: undefined, signature }),
		];
		for (const result of results) {
			expect(result.valid).toBe(false);
			expect(result.reason).not.toContain(secret);
			expect(result.reason).not.toContain(signature.slice(7));
		}
		expect(results.map((r) => r.reason)).toEqual([
			expect.stringMatching(/does not match/),
			expect.stringMatching(/does not match/),
			expect.stringMatching(/does not start with "sha256="/),
			'signature header missing',
			expect.stringMatching(/not a SHA-256 digest/),
			expect.stringMatching(/not a SHA-256 digest/),
			'no secret configured',
			'no raw body to verify',
		]);
	});

	it('refuses replays outside the tolerance, a missing timestamp, and a changed timestamp', () => {
		const signature = signPayload({ secret, body, timestamp: ts });
		const later = verifySignature({ secret, body, signature, timestamp: ts, toleranceSeconds: 300, nowMs: now + 301_000 });
		expect(later).toEqual({ valid: false, reason: expect.stringMatching(/outside the 300 s tolerance/) });
		expect(verifySignature({ secret, body, signature, toleranceSeconds: 300, nowMs: now }).reason).toBe('timestamp header missing');
		expect(verifySignature({ secret, body, signature, timestamp: 'soon', toleranceSeconds: 300, nowMs: now }).valid).toBe(false);
		const moved = String(now / 1000 + 10);
		expect(verifySignature({ secret, body, signature, timestamp: moved, toleranceSeconds: 300, nowMs: now }).reason).toMatch(/does not match/);
	});
});
