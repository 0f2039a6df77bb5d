/** The helpers behind the field builders and the public schema lookup. */
import { schemaFor, v211, v221 } from '../../../core/ocpi';
import { compareDateTimes, isIanaTimeZone, sameId } from '../../../core/ocpi/fields';

describe('compareDateTimes', () => {
	it('orders by the instant, whatever the notation', () => {
		expect(compareDateTimes('2024-05-01T10:00:00Z', '2024-05-01T10:00:01Z')).toBeLessThan(0);
		expect(compareDateTimes('2024-05-01T10:00:00', '2024-05-01T10:00:00.000Z')).toBe(0);
		expect(compareDateTimes('2024-05-01T10:00:00.2Z', '2024-05-01T10:00:00.15Z')).toBeGreaterThan(0);
		expect(compareDateTimes('2025-01-01T00:00:00Z', '2024-12-31T23:59:59.999Z')).toBeGreaterThan(0);
	});
});

describe('isIanaTimeZone', () => {
	it.each(['Europe/Oslo', 'UTC', 'Asia/Calcutta', 'America/Indiana/Indianapolis'])('accepts %s', (name) => {
		expect(isIanaTimeZone(name)).toBe(true);
	});
	it.each(['UTC+2', 'CET', 'EST', 'Mars/Olympus', 'Europe/', ''])('refuses %p', (name) => {
		expect(isIanaTimeZone(name)).toBe(false);
	});
});

describe('sameId', () => {
	it('compares CiStrings case-insensitively and strings exactly', () => {
		expect(sameId('abc-1', 'ABC-1', true)).toBe(true);
		expect(sameId('abc-1', 'ABC-1', false)).toBe(false);
		expect(sameId('abc-1', 'abc-2', true)).toBe(false);
	});
});

describe('schemaFor', () => {
	it('gives each version its own schemas', () => {
		expect(schemaFor('2.2.1', 'location')).toBe(v221.LocationSchema);
		expect(schemaFor('2.2.1', 'evse')).toBe(v221.EvseSchema);
		expect(schemaFor('2.2.1', 'connector')).toBe(v221.ConnectorSchema);
		expect(schemaFor('2.1.1', 'location')).toBe(v211.LocationSchema);
		expect(schemaFor('2.1.1', 'connector')).toBe(v211.ConnectorSchema);
	});
});
