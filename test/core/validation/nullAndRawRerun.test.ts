/**
 * Two things the failure path adds to the single zod parse:
 * - null in an OPTIONAL field is a warning (leave the field out), null in a required one stays `required`;
 * - cross-field rules run once more on the raw input, because zod leaves an optional field with
 *   errors (a Location's evses) out of what the parent's rules see. Nothing is reported twice.
 */
import { validateOcpiObject } from '../../../core/validation/validate';
import { issueList, SPEC_211, SPEC_221 } from './issueList';
import { connector221, evse211, evse221, location211, location221 } from './validObjects';

describe('null in an optional field', () => {
	it('is a wrong_type warning, not required, and leaves the object valid', () => {
		const result = validateOcpiObject(location221({ name: null }), SPEC_221);
		expect(result.valid).toBe(true);
		expect(result.errors).toEqual([]);
		expect(result.warnings).toEqual([
			{ path: 'name', code: 'wrong_type', message: 'name is null; leave the field out when there is no value', value: null, severity: 'warning' },
		]);
	});
	it('covers optional enums, objects and lists too', () => {
		expect(issueList(location221({ parking_type: null, operator: null, facilities: null, evses: null }))).toEqual([
			'parking_type wrong_type warning',
			'evses wrong_type warning',
			'operator wrong_type warning',
			'facilities wrong_type warning',
		]);
	});
	it('is found in EVSEs and connectors, at its own path', () => {
		const connector = connector221({ max_electric_power: null, tariff_ids: null, terms_and_conditions: null });
		const evse = evse221({ evse_id: null, floor_level: null, connectors: [connector] });
		const result = validateOcpiObject(location221({ evses: [evse] }), SPEC_221);
		expect(result.valid).toBe(true);
		expect(result.warnings.map((issue) => `${issue.path} ${issue.code} ${issue.message}`)).toEqual([
			'evses[0].evse_id wrong_type evse_id is null; leave the field out when there is no value',
			'evses[0].connectors[0].max_electric_power wrong_type max_electric_power is null; leave the field out when there is no value',
			'evses[0].connectors[0].tariff_ids wrong_type tariff_ids is null; leave the field out when there is no value',
			'evses[0].connectors[0].terms_and_conditions wrong_type terms_and_conditions is null; leave the field out when there is no value',
			'evses[0].floor_level wrong_type floor_level is null; leave the field out when there is no value',
		]);
		expect(issueList(connector221({ max_electric_power: null }), { ...SPEC_221, kind: 'connector' })).toEqual([
			'max_electric_power wrong_type warning',
		]);
	});
	it('follows the version: time_zone is optional in 2.1.1, required in 2.2.1', () => {
		expect(issueList(location211({ time_zone: null }), SPEC_211)).toEqual(['time_zone wrong_type warning']);
		expect(issueList(location221({ time_zone: null }))).toEqual(['time_zone required error']);
	});
});

describe('null in a required field', () => {
	it('stays required, with the value null', () => {
		const { errors, warnings } = validateOcpiObject(location221({ address: null }), SPEC_221);
		expect(warnings).toEqual([]);
		expect(errors).toEqual([{ path: 'address', code: 'required', message: 'address is required but null', value: null, severity: 'error' }]);
	});
	it('stays required in EVSEs and connectors, enums included', () => {
		const evse = evse221({ status: null, connectors: [connector221({ max_voltage: null })] });
		const { errors } = validateOcpiObject(location221({ evses: [evse] }), SPEC_221);
		expect(errors.map((issue) => `${issue.path} ${issue.code} ${JSON.stringify(issue.value)}`)).toEqual([
			'evses[0].status required null',
			'evses[0].connectors[0].max_voltage required null',
		]);
	});
});

describe('null counts as not given in cross-field rules', () => {
	it('regular_hours null when not 24/7: the null warning and the missing hours', () => {
		expect(issueList(location221({ opening_times: { twentyfourseven: false, regular_hours: null } }))).toEqual([
			'opening_times.regular_hours regular_hours_required error',
			'opening_times.regular_hours wrong_type warning',
		]);
	});
	it('publish_allowed_to null on a published Location is only the null warning', () => {
		expect(issueList(location221({ publish: true, publish_allowed_to: null }))).toEqual(['publish_allowed_to wrong_type warning']);
	});
	it('a publish token with uid null does not need a type', () => {
		expect(issueList(location221({ publish: false, publish_allowed_to: [{ uid: null, group_id: 'G1' }] }))).toEqual([
			'publish_allowed_to[0].uid wrong_type warning',
		]);
	});
});

describe('cross-field rules on the raw input (failure path)', () => {
	const newerEvse = (overrides: Record<string, unknown>) => evse221({ uid: 'E2', last_updated: '2024-06-01T00:00:00Z', ...overrides });

	it('compares a Location with an EVSE that has an error of its own', () => {
		const { errors } = validateOcpiObject(location221({ evses: [evse221(), newerEvse({ status: 'FREE' })] }), SPEC_221);
		expect(errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'evses[1].status not_allowed_value',
			'last_updated last_updated_older_than_child',
		]);
		expect(errors[1].message).toBe(
			"last_updated (2024-05-01T10:00:00Z) is older than evses[1].last_updated (2024-06-01T00:00:00Z); a Location's last_updated must be at least as recent as that of any of its EVSEs",
		);
	});
	it('also when the EVSE only has a null in an optional field', () => {
		expect(issueList(location221({ evses: [newerEvse({ evse_id: null })] }))).toEqual([
			'last_updated last_updated_older_than_child error',
			'evses[0].evse_id wrong_type warning',
		]);
	});
	it('works for 2.1.1 too', () => {
		const evse = evse211({ uid: 'E2', status: 'FREE', last_updated: '2024-06-01T00:00:00Z' });
		expect(issueList(location211({ evses: [evse] }), SPEC_211)).toEqual([
			'evses[0].status not_allowed_value error',
			'last_updated last_updated_older_than_child error',
		]);
	});
	it('reports each issue once, even when both runs find it', () => {
		// the EVSE rule runs in both passes; the duplicate uid too
		const older = evse221({ status: 'FREE', connectors: [connector221({ last_updated: '2030-01-01T00:00:00Z' })] });
		expect(issueList(location221({ last_updated: '2031-01-01T00:00:00Z', evses: [older, evse221()] }))).toEqual([
			'evses[0].status not_allowed_value error',
			'evses[0].last_updated last_updated_older_than_child error',
			'evses[1].uid duplicate_id error',
		]);
	});
	it('keeps the answer of failedField: a list given in the wrong shape is not "missing"', () => {
		expect(issueList(location221({ evses: [evse221({ status: 'FREE' })], opening_times: { twentyfourseven: false, regular_hours: 'Mo-Fr 8-18' } }))).toEqual([
			'evses[0].status not_allowed_value error',
			'opening_times.regular_hours wrong_type error',
		]);
		expect(issueList(location221({ publish: true, publish_allowed_to: [{ uid: 5, type: 'RFID' }] }))).toEqual([
			'publish_allowed_to[0].uid wrong_type error',
			'publish_allowed_to publish_allowed_to_not_allowed error',
		]);
	});
	it('skips values that are not usable', () => {
		const evses = ['x', null, 7, [], evse221({ last_updated: 'yesterday' }), newerEvse({ last_updated: 12 })];
		const result = validateOcpiObject(location221({ evses }), SPEC_221);
		expect(result.valid).toBe(false);
		expect(result.errors.map((issue) => issue.code)).not.toContain('last_updated_older_than_child');
		expect(result.errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'evses[0] wrong_type',
			'evses[1] required',
			'evses[2] wrong_type',
			'evses[3] wrong_type',
			'evses[4].last_updated invalid_format',
			'evses[5].last_updated wrong_type',
		]);
	});
});
