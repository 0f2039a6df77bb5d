import { execFileSync } from 'child_process';
import * as path from 'path';
import { compareDateTimes, instantMs, ocpiDateTime, ocpiInstantMs, readDateTime } from '../../../core/foundation/dateTime';

const ROOT = path.resolve(__dirname, '../../..');
const UTC_10_ON_1_MARCH = Date.UTC(2024, 2, 1, 10);

// Inputs without a zone: the ones a machine's own time zone could shift.
const ZONELESS = ['01.03.2024 10:00', '2024-03-01 10:00:00', '2024-03-01T10:00', '2024-03-01', '2024/03/01 10:00'];

/** Every reader of the date-time module, run in a fresh Node process whose TZ is `tz`. */
function readUnder(tz: string): unknown {
	const script = `
		const dt = require('./core/foundation/dateTime');
		const { toUtcDateTime } = require('./core/mapping/transforms/timestamps');
		const { acceptIncremental } = require('./core/changeDetection');
		const inputs = ${JSON.stringify(ZONELESS)};
		const accepted = acceptIncremental(undefined, inputs.map((updatedAt, i) => ({ id: 'r' + i, updatedAt, record: {} })), {});
		process.stdout.write(JSON.stringify({
			offset: new Date(2024, 2, 1).getTimezoneOffset(),
			instant: inputs.map(dt.instantMs),
			strict: inputs.map((text) => dt.readDateTime(text)),
			mapper: inputs.map((text) => toUtcDateTime(text)),
			trigger: accepted.emit.map((change) => change.updatedAt),
		}));`;
	const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
		cwd: ROOT,
		env: { ...process.env, TZ: tz },
		encoding: 'utf8',
	});
	return JSON.parse(out);
}

describe('date-times do not depend on the machine time zone', () => {
	it('reads zoneless text as UTC under TZ=Pacific/Auckland and TZ=America/Los_Angeles alike', () => {
		const auckland = readUnder('Pacific/Auckland') as { offset: number; instant: number[] };
		const losAngeles = readUnder('America/Los_Angeles') as { offset: number; instant: number[] };
		// the two processes really ran in different zones
		expect(auckland.offset).not.toBe(losAngeles.offset);
		expect({ ...auckland, offset: 0 }).toEqual({ ...losAngeles, offset: 0 });
		// and both read "01.03.2024 10:00" as 1 March 10:00 UTC (the poll trigger used to read 3 January, local time)
		expect(auckland.instant).toEqual([UTC_10_ON_1_MARCH, UTC_10_ON_1_MARCH, UTC_10_ON_1_MARCH, Date.UTC(2024, 2, 1), UTC_10_ON_1_MARCH]);
	});
});

describe('instantMs (lenient: ordering and comparing)', () => {
	it.each<[unknown, number | undefined]>([
		['01.03.2024 10:00', UTC_10_ON_1_MARCH],
		['2024-03-01T11:00:00+01:00', UTC_10_ON_1_MARCH],
		['2024-03-01T10:00:00.250Z', UTC_10_ON_1_MARCH + 250],
		[1709287200, UTC_10_ON_1_MARCH],
		['1709287200000', UTC_10_ON_1_MARCH],
		[new Date(UTC_10_ON_1_MARCH), UTC_10_ON_1_MARCH],
		['Fri, 01 Mar 2024 10:00:00 GMT', UTC_10_ON_1_MARCH],
		['1960-01-01T00:00:00Z', Date.UTC(1960, 0, 1)],
		// no zone and not one of our forms: the machine's zone would decide, so it is not read
		['Fri, 01 Mar 2024 10:00:00', undefined],
		['March 1, 2024 10:00', undefined],
		['01/03/2024 10:00', undefined],
		['2024-02-30T10:00:00Z', undefined],
		['', undefined],
		[null, undefined],
	])('%j → %j', (raw, expected) => {
		expect(instantMs(raw)).toBe(expected);
	});
});

describe('readDateTime (strict: source records)', () => {
	it('says whether the text named its zone and refuses what the Mapper refuses', () => {
		expect(readDateTime('2024-03-01T10:00:00Z')).toEqual({ ok: true, ms: UTC_10_ON_1_MARCH, zone: 'given', dateOnly: false });
		expect(readDateTime('2024-03-01')).toEqual({ ok: true, ms: Date.UTC(2024, 2, 1), zone: 'none', dateOnly: true });
		expect(readDateTime('01/03/2024')).toEqual({ ok: false, problem: 'ambiguous' });
		expect(readDateTime('1960-01-01T00:00:00Z')).toEqual({ ok: false, problem: 'out-of-range' });
		expect(readDateTime(-1)).toEqual({ ok: false, problem: 'bad-epoch' });
	});
});

describe('OCPI DateTime', () => {
	it('writes whole seconds in UTC and reads what receivers echo', () => {
		expect(ocpiDateTime(UTC_10_ON_1_MARCH + 999)).toBe('2024-03-01T10:00:00Z');
		expect(ocpiInstantMs('2024-03-01 10:00:00')).toBe(UTC_10_ON_1_MARCH);
		expect(ocpiInstantMs('01.03.2024 10:00')).toBeNaN();
		expect(compareDateTimes('2024-05-01T10:00:00.0001Z', '2024-05-01T10:00:00.0002')).toBeLessThan(0);
	});
});
