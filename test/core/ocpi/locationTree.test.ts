import { allNodes, findChild, isLaterLastUpdated, laterLastUpdated, ocpiTree } from '../../../core/ocpi/locationTree';

describe('the Location → EVSE → Connector tree', () => {
	const location = { id: 'L', evses: [{ uid: 'Evse-1', connectors: [{ id: '1' }, 'not an object'] }, null] };

	it('walks parents before children, with paths, skipping entries that are no objects', () => {
		expect(allNodes(ocpiTree(location, 'location')).map((node) => [node.kind, node.path.join('.')])).toEqual([
			['location', ''],
			['evse', 'evses.0'],
			['connector', 'evses.0.connectors.0'],
		]);
	});

	it('finds a child by id under the version rule (CiString from 2.2.1, case-sensitive in 2.1.1)', () => {
		expect(findChild(location.evses, 'evse', 'EVSE-1', '2.2.1')).toBe(0);
		expect(findChild(location.evses, 'evse', 'EVSE-1', '2.1.1')).toBe(-1);
		expect(findChild(location.evses[0]!.connectors, 'connector', '1')).toBe(0);
	});

	it('says which last_updated is later: exact for OCPI UTC text, as instants for offsets, unreadable never later', () => {
		expect(isLaterLastUpdated('2024-05-01T10:00:00.0002Z', '2024-05-01T10:00:00.0001Z')).toBe(true);
		expect(isLaterLastUpdated('2024-05-01T12:00:00+01:00', '2024-05-01T10:00:00Z')).toBe(true);
		expect(isLaterLastUpdated('2024-05-01T10:00:00Z', '2024-05-01T10:00:00')).toBe(false);
		expect(isLaterLastUpdated('garbage', '2024-05-01T10:00:00Z')).toBe(false);
		expect(laterLastUpdated(undefined, '2024-05-01T10:00:00Z')).toBe('2024-05-01T10:00:00Z');
		expect(laterLastUpdated('2024-05-01T10:00:00Z', undefined)).toBe('2024-05-01T10:00:00Z');
	});
});
