import { enrichOcpiObject } from '../../../core/enrichment/enrich';

const now = new Date('2025-03-04T05:06:07.890Z');
const NOW = '2025-03-04T05:06:07Z';
const ON = { defaults: true, now };

describe('defaults switch', () => {
	it('fills publish, charging_when_closed and every last_updated of a 2.2.1 Location', () => {
		const location = { id: 'L', evses: [{ uid: 'E', connectors: [{ id: '1' }, { id: '2', last_updated: '2024-01-01T00:00:00Z' }] }] };
		const { object, changes } = enrichOcpiObject(location, 'location', '2.2.1', ON);
		expect(object).toEqual({
			id: 'L',
			publish: true,
			charging_when_closed: true,
			last_updated: NOW,
			evses: [{ uid: 'E', last_updated: NOW, connectors: [{ id: '1', last_updated: NOW }, { id: '2', last_updated: '2024-01-01T00:00:00Z' }] }],
		});
		expect(changes).toEqual([
			{ path: 'publish', from: undefined, to: true, reason: 'publish defaults to true (set it to false yourself for private chargers)' },
			{ path: 'charging_when_closed', from: undefined, to: true, reason: 'charging_when_closed defaults to true, as in the OCPI specification' },
			{ path: 'last_updated', from: undefined, to: NOW, reason: 'last_updated was missing; set to the current time (UTC)' },
			{ path: 'evses[0].last_updated', from: undefined, to: NOW, reason: 'last_updated was missing; set to the current time (UTC)' },
			{
				path: 'evses[0].connectors[0].last_updated',
				from: undefined,
				to: NOW,
				reason: 'last_updated was missing; set to the current time (UTC)',
			},
		]);
	});

	it('has no publish in 2.1.1', () => {
		const { object } = enrichOcpiObject({ id: 'L' }, 'location', '2.1.1', ON);
		expect(object).toEqual({ id: 'L', charging_when_closed: true, last_updated: NOW });
	});

	it('never overwrites given values, not even false', () => {
		const location = { publish: false, charging_when_closed: false, last_updated: '2020-01-01T00:00:00Z' };
		expect(enrichOcpiObject(location, 'location', '2.2.1', ON)).toEqual({ object: location, changes: [] });
	});

	it('does not leave a defaulted parent older than a child from the future (fractions rounded up)', () => {
		const evse = { uid: 'E', connectors: [{ id: '1', last_updated: '2030-01-01T00:00:00.250Z' }, { id: '2' }] };
		const { object, changes } = enrichOcpiObject({ evses: [evse] }, 'location', '2.2.1', ON);
		const result = object as { last_updated: string; evses: Array<{ last_updated: string; connectors: Array<{ last_updated: string }> }> };
		expect(result.evses[0].last_updated).toBe('2030-01-01T00:00:01Z');
		expect(result.last_updated).toBe('2030-01-01T00:00:01Z');
		expect(result.evses[0].connectors[1].last_updated).toBe(NOW);
		expect(changes.find((change) => change.path === 'evses[0].last_updated')?.reason).toBe(
			'last_updated was missing; set to the newest last_updated of the EVSEs/Connectors it contains, which lies after now, so the parent is not older than a child',
		);
	});

	it('also follows a grandchild behind a given, older EVSE', () => {
		const location = { evses: [{ last_updated: '2020-01-01T00:00:00Z', connectors: [{ last_updated: '2031-05-05T05:05:05+02:00' }] }] };
		const { object } = enrichOcpiObject(location, 'location', '2.2.1', ON);
		expect((object as { last_updated: string }).last_updated).toBe('2031-05-05T03:05:05Z');
	});

	it('ignores unreadable child dates and uses now', () => {
		const { object } = enrichOcpiObject({ connectors: [{ last_updated: '2099-02-30T00:00:00Z' }, { last_updated: 7 }] }, 'evse', '2.2.1', ON);
		expect((object as { last_updated: string }).last_updated).toBe(NOW);
	});

	it('fills only last_updated on an EVSE or a Connector', () => {
		expect(enrichOcpiObject({ uid: 'E' }, 'evse', '2.2.1', ON).object).toEqual({ uid: 'E', last_updated: NOW });
		expect(enrichOcpiObject({ id: '1' }, 'connector', '2.1.1', ON).object).toEqual({ id: '1', last_updated: NOW });
	});

	it('uses the real clock when no now is given', () => {
		const before = Math.floor(Date.now() / 1000) * 1000;
		const { object } = enrichOcpiObject({}, 'connector', '2.2.1', { defaults: true });
		const written = (object as { last_updated: string }).last_updated;
		expect(written).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		expect(Date.parse(written)).toBeGreaterThanOrEqual(before);
	});

	it('does nothing when off', () => {
		expect(enrichOcpiObject({ id: 'L' }, 'location', '2.2.1', { defaults: false, now })).toEqual({ object: { id: 'L' }, changes: [] });
	});
});
