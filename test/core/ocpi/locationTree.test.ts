import { compareDateTimes, ocpiInstantMs } from '../../../core/foundation/dateTime';
import { UTC_DATE_TIME_PATTERN } from '../../../core/ocpi/formats';
import { allNodes, findChild, isLaterLastUpdated, laterLastUpdated, ocpiTree } from '../../../core/ocpi/locationTree';
import { createRandom } from '../../../bench/fixtures/network/random';

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

/** isLaterLastUpdated before its shortcut for two strict stamps: the oracle. */
function laterBefore(candidate: unknown, current: unknown): boolean {
	if (candidate === current) return false;
	const candidateMs = ocpiInstantMs(candidate);
	if (Number.isNaN(candidateMs)) return false;
	const currentMs = ocpiInstantMs(current);
	if (Number.isNaN(currentMs)) return true;
	if (UTC_DATE_TIME_PATTERN.test(candidate as string) && UTC_DATE_TIME_PATTERN.test(current as string)) return compareDateTimes(candidate as string, current as string) > 0;
	return candidateMs > currentMs;
}

describe('isLaterLastUpdated on two strict stamps', () => {
	it('answers as the general comparison did, on 20,000 generated pairs of every form', () => {
		const random = createRandom('last_updated pairs');
		const two = (n: number) => String(n).padStart(2, '0');
		const stamp = (): unknown => {
			const text = `${random.pick(['2024', '2025', '0100', '9999'])}-${two(random.int(1, 13))}-${two(random.int(0, 31))}T${two(random.int(0, 24))}:${two(random.int(0, 59))}:${two(random.int(0, 60))}`;
			return random.pick([`${text}Z`, `${text}Z`, `${text}Z`, text, `${text}.5Z`, `${text}+01:00`, 'garbage', undefined, 5]);
		};
		const disagreements: string[] = [];
		for (let i = 0; i < 20_000; i++) {
			const [a, b] = [stamp(), stamp()];
			for (const [x, y] of [[a, b], [b, a], [a, a]]) if (isLaterLastUpdated(x, y) !== laterBefore(x, y)) disagreements.push(`${String(x)} vs ${String(y)}`);
		}
		expect(disagreements.slice(0, 5)).toEqual([]);
	});
});
