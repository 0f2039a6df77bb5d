/** Rules about several fields: each accepted and refused, with the exact path. */
import { validateOcpiObject } from '../../../core/validation/validate';
import { issueList, SPEC_221, SPEC_211 } from './issueList';
import { connector221, evse221, location211, evse211, connector211, location221 } from './validObjects';

describe('too_few_items', () => {
	it('refuses an EVSE without connectors', () => {
		expect(issueList(location221({ evses: [evse221({ connectors: [] })] }))).toEqual(['evses[0].connectors too_few_items error']);
		expect(issueList(location211({ evses: [evse211({ connectors: [] })] }), SPEC_211)).toEqual(['evses[0].connectors too_few_items error']);
	});
	it('accepts a Location without EVSEs', () => {
		expect(issueList(location221({ evses: [] }))).toEqual([]);
	});
});

describe('duplicate_id', () => {
	it('reports the second EVSE with the same uid, case-insensitively (CiString)', () => {
		const { errors } = validateOcpiObject(location221({ evses: [evse221({ uid: 'E-1' }), evse221({ uid: 'e-1' })] }), SPEC_221);
		expect(errors).toEqual([
			{
				path: 'evses[1].uid',
				code: 'duplicate_id',
				message:
					'uid "e-1" differs from evses[0].uid ("E-1") only in upper and lower case; a CPMS that compares ids without case (as OCPI 2.2.1\'s CiString does) keeps one object for both: give them uids that differ in more than case',
				value: 'e-1',
				severity: 'error',
			},
		]);
	});
	it('reports a repeated connector id inside one EVSE only', () => {
		const evse = evse221({ connectors: [connector221({ id: '1' }), connector221({ id: '2' }), connector221({ id: '1' })] });
		expect(issueList(location221({ evses: [evse] }))).toEqual(['evses[0].connectors[2].id duplicate_id error']);
		// the same connector ids in different EVSEs are fine
		expect(issueList(location221())).toEqual([]);
	});
	it('still finds duplicates when an EVSE has other errors', () => {
		const evses = [evse221({ status: 'BROKEN' }), evse221()];
		expect(issueList(location221({ evses }))).toEqual(['evses[0].status not_allowed_value error', 'evses[1].uid duplicate_id error']);
	});
	it('finds duplicates in long lists too', () => {
		const evses = Array.from({ length: 40 }, (_, i) => evse221({ uid: `E${i}` }));
		evses.push(evse221({ uid: 'e7' }));
		expect(issueList(location221({ evses }))).toEqual(['evses[40].uid duplicate_id error']);
	});
	it('compares 2.1.1 ids without case too: a CPMS may store them so, and would keep one object for both', () => {
		expect(issueList(location211({ evses: [evse211({ uid: 'a' }), evse211({ uid: 'A' })] }), SPEC_211)).toEqual(['evses[1].uid duplicate_id error']);
		expect(issueList(location211({ evses: [evse211({ uid: 'a' }), evse211({ uid: 'a' })] }), SPEC_211)).toEqual([
			'evses[1].uid duplicate_id error',
		]);
		const evse = evse211({ connectors: [connector211({ id: 'x' }), connector211({ id: 'x' })] });
		expect(issueList(evse, { ...SPEC_211, kind: 'evse' })).toEqual(['connectors[1].id duplicate_id error']);
	});
});

describe('regular_hours_required', () => {
	it('refuses opening hours that are neither 24/7 nor regular', () => {
		expect(issueList(location221({ opening_times: { twentyfourseven: false } }))).toEqual([
			'opening_times.regular_hours regular_hours_required error',
		]);
		expect(issueList(location221({ opening_times: { twentyfourseven: false, regular_hours: [] } }))).toEqual([
			'opening_times.regular_hours regular_hours_required error',
		]);
	});
	it('accepts 24/7 without regular hours, and regular hours when not 24/7', () => {
		const regular_hours = [{ weekday: 1, period_begin: '08:00', period_end: '18:00' }];
		expect(issueList(location221({ opening_times: { twentyfourseven: false, regular_hours } }))).toEqual([]);
	});
	it('does not claim regular_hours are missing when they are given but wrong', () => {
		const regular_hours = [{ weekday: 1, period_begin: '8:00', period_end: '18:00' }];
		expect(issueList(location221({ opening_times: { twentyfourseven: false, regular_hours } }))).toEqual([
			'opening_times.regular_hours[0].period_begin invalid_format error',
		]);
	});
	it('2.1.1: a choice, so regular hours are needed unless twentyfourseven is true', () => {
		expect(issueList(location211({ opening_times: {} }), SPEC_211)).toEqual(['opening_times.regular_hours regular_hours_required error']);
		expect(issueList(location211({ opening_times: { twentyfourseven: true } }), SPEC_211)).toEqual([]);
	});
});

describe('period_end_before_begin', () => {
	const hours = (period_begin: string, period_end: string) => ({
		twentyfourseven: false,
		regular_hours: [{ weekday: 1, period_begin, period_end }],
	});
	it('refuses regular hours that end before or when they begin', () => {
		expect(issueList(location221({ opening_times: hours('18:00', '08:00') }))).toEqual([
			'opening_times.regular_hours[0].period_end period_end_before_begin error',
		]);
		expect(issueList(location221({ opening_times: hours('08:00', '08:00') }))).toEqual([
			'opening_times.regular_hours[0].period_end period_end_before_begin error',
		]);
		expect(issueList(location221({ opening_times: hours('08:00', '08:01') }))).toEqual([]);
	});
	it('refuses an exceptional period that ends before it begins', () => {
		const period = (period_begin: string, period_end: string) => ({
			twentyfourseven: true,
			exceptional_closings: [{ period_begin, period_end }],
		});
		expect(issueList(location221({ opening_times: period('2024-12-25T10:00:00Z', '2024-12-25T09:00:00Z') }))).toEqual([
			'opening_times.exceptional_closings[0].period_end period_end_before_begin error',
		]);
		// without Z is UTC too; a fraction makes it later
		expect(issueList(location221({ opening_times: period('2024-12-25T10:00:00', '2024-12-25T10:00:00.5Z') }))).toEqual([]);
	});
	it('refuses a status_schedule entry that ends before or when it begins; an open end is fine', () => {
		const schedule = (entry: Record<string, unknown>) => location221({ evses: [evse221({ status_schedule: [{ status: 'INOPERATIVE', ...entry }] })] });
		expect(issueList(schedule({ period_begin: '2024-06-02T00:00:00Z', period_end: '2024-06-01T00:00:00Z' }))).toEqual([
			'evses[0].status_schedule[0].period_end period_end_before_begin error',
		]);
		expect(issueList(schedule({ period_begin: '2024-06-01T00:00:00Z', period_end: '2024-06-01T00:00:00' }))).toEqual([
			'evses[0].status_schedule[0].period_end period_end_before_begin error',
		]);
		expect(issueList(schedule({ period_begin: '2024-06-01T00:00:00Z', period_end: '2024-06-01T00:00:01Z' }))).toEqual([]);
		expect(issueList(schedule({ period_begin: '2024-06-01T00:00:00Z' }))).toEqual([]);
		// an unusable end is reported as such, not compared
		expect(issueList(schedule({ period_begin: '2024-06-01T00:00:00Z', period_end: '2024-05-01' }))).toEqual([
			'evses[0].status_schedule[0].period_end invalid_format error',
		]);
		// 2.1.1 shares the class
		const evse = evse211({ status_schedule: [{ status: 'PLANNED', period_begin: '2024-06-02T00:00:00Z', period_end: '2024-06-01T00:00:00Z' }] });
		expect(issueList(evse, { ...SPEC_211, kind: 'evse' })).toEqual(['status_schedule[0].period_end period_end_before_begin error']);
	});
});

describe('publish_allowed_to_not_allowed', () => {
	it('refuses publish_allowed_to on a published Location', () => {
		expect(issueList(location221({ publish: true, publish_allowed_to: [{ group_id: 'G1' }] }))).toEqual([
			'publish_allowed_to publish_allowed_to_not_allowed error',
		]);
	});
	it('accepts it when publish is false', () => {
		expect(issueList(location221({ publish: false, publish_allowed_to: [{ group_id: 'G1' }] }))).toEqual([]);
	});
});

describe('publish_token_incomplete', () => {
	const withToken = (token: Record<string, unknown>) => location221({ publish: false, publish_allowed_to: [token] });
	it('needs one of uid, visual_number or group_id', () => {
		expect(issueList(withToken({ issuer: 'ACME' }))).toEqual(['publish_allowed_to[0] publish_token_incomplete error']);
	});
	it('needs type with uid and issuer with visual_number', () => {
		expect(issueList(withToken({ uid: '0123' }))).toEqual(['publish_allowed_to[0].type publish_token_incomplete error']);
		expect(issueList(withToken({ visual_number: '12-34' }))).toEqual(['publish_allowed_to[0].issuer publish_token_incomplete error']);
		expect(issueList(withToken({ uid: '0123', type: 'RFID', visual_number: '12-34', issuer: 'ACME' }))).toEqual([]);
	});
});

describe('last_updated_older_than_child', () => {
	it('refuses an EVSE older than its connector, naming the connector', () => {
		const evse = evse221({ last_updated: '2024-05-01T10:00:00Z', connectors: [connector221({ last_updated: '2024-05-01T10:00:01Z' })] });
		const { errors } = validateOcpiObject(location221({ evses: [evse], last_updated: '2024-06-01T00:00:00Z' }), SPEC_221);
		expect(errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['evses[0].last_updated last_updated_older_than_child']);
		expect(errors[0].message).toContain('evses[0].connectors[0].last_updated');
	});
	it('refuses a Location older than its newest EVSE, naming that EVSE', () => {
		const evses = [evse221(), evse221({ uid: 'E2', last_updated: '2024-05-02T00:00:00Z' }), evse221({ uid: 'E3', last_updated: '2024-05-03T00:00:00Z' })];
		const { errors } = validateOcpiObject(location221({ evses }), SPEC_221);
		expect(errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['last_updated last_updated_older_than_child']);
		expect(errors[0].message).toBe(
			"last_updated (2024-05-01T10:00:00Z) is older than evses[2].last_updated (2024-05-03T00:00:00Z); a Location's last_updated must be at least as recent as that of any of its EVSEs",
		);
	});
	it('accepts equal times, with or without Z and fractions', () => {
		const evse = evse221({ last_updated: '2024-05-01T10:00:00.000Z' });
		expect(issueList(location221({ evses: [evse], last_updated: '2024-05-01T10:00:00' }))).toEqual([]);
		const newer = evse221({ last_updated: '2024-05-01T10:00:00.001' });
		expect(issueList(location221({ evses: [newer], last_updated: '2024-05-01T10:00:00Z' }))).toEqual([
			'last_updated last_updated_older_than_child error',
		]);
	});
	it('names the path relative to a checked EVSE', () => {
		const evse = evse221({ connectors: [connector221({ last_updated: '2030-01-01T00:00:00Z' })] });
		const { errors } = validateOcpiObject(evse, { ...SPEC_221, kind: 'evse' });
		expect(errors[0].path).toBe('last_updated');
		expect(errors[0].message).toContain('than connectors[0].last_updated (2030-01-01T00:00:00Z)');
	});
});
