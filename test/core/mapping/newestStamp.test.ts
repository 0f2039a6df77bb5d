import { laterLastUpdated } from '../../../core/ocpi/locationTree';
import { stampOf, takeNewer } from '../../../core/mapping/newestStamp';

// Stamps of every form a profile can let through: the strict form (valid, impossible, early), fractions,
// offsets, a space, garbage and values a 'none' transform passes on.
const STAMPS: unknown[] = [
	undefined,
	'2025-01-01T00:00:00Z',
	'2025-01-01T00:00:01Z',
	'2024-12-31T23:59:59Z',
	'2025-02-30T10:00:00Z',
	'2025-01-01T00:00:00.5Z',
	'2025-01-01T00:00:00.000Z',
	'2025-01-01T01:00:00+01:00',
	'2025-01-01 00:00:02',
	'2025-01-01T00:00:00',
	'0099-01-01T00:00:00Z',
	'garbage',
	'',
	42,
	['2025-01-01T00:00:00Z'],
];

describe('takeNewer', () => {
	it('picks what folding laterLastUpdated picks, for every pair and a start of any form', () => {
		for (const start of STAMPS) {
			for (const a of STAMPS) {
				for (const b of STAMPS) {
					const newest = stampOf(start as string | undefined);
					takeNewer(newest, a as string | undefined);
					takeNewer(newest, b as string | undefined);
					expect({ start, a, b, newest: newest.text }).toEqual({ start, a, b, newest: laterLastUpdated(laterLastUpdated(start, a), b) });
				}
			}
		}
	});
});
