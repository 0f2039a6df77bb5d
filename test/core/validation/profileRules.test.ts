/** The rule profiles: spec warns about a non-eMI3 evse_id, strict demands what roaming hubs demand. */
import { validateOcpiObject, type ValidationOptions } from '../../../core/validation/validate';
import { issueList, SPEC_211, SPEC_221 } from './issueList';
import { connector221, evse211, evse221, location211, location221 } from './validObjects';

const STRICT_221: ValidationOptions = { ...SPEC_221, profile: 'strict' };
const STRICT_211: ValidationOptions = { ...SPEC_211, profile: 'strict' };

describe('spec profile', () => {
	it.each(['DE*ABC*E0001', 'DEABCE0001', 'de*abc*e0001', '+49*810*000*438'])('accepts evse_id %p', (evseId) => {
		expect(issueList(location221({ evses: [evse221({ evse_id: evseId })] }))).toEqual([]);
	});
	it.each(['DE-ABC-E0001', 'DE*ABC*0001', 'DE ABC E0001'])('warns about evse_id %p but stays valid', (evseId) => {
		const result = validateOcpiObject(location221({ evses: [evse221({ evse_id: evseId })] }), SPEC_221);
		expect(result.valid).toBe(true);
		expect(result.warnings.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['evses[0].evse_id evse_id_format']);
		expect(result.warnings[0].value).toBe(evseId);
	});
	it('does not ask for an evse_id or max_electric_power', () => {
		const evse = evse221({ connectors: [connector221({ max_electric_power: undefined })] });
		delete evse.evse_id;
		expect(issueList(location221({ evses: [evse] }))).toEqual([]);
	});
	it('warns about the evse_id in 2.1.1 too', () => {
		expect(issueList(location211({ evses: [evse211({ evse_id: 'BE-BEC-E041503001' })] }), SPEC_211)).toEqual([
			'evses[0].evse_id evse_id_format warning',
		]);
	});
});

describe('strict profile', () => {
	it('accepts the complete base Location', () => {
		expect(issueList(location221(), STRICT_221)).toEqual([]);
		expect(issueList(location211(), STRICT_211)).toEqual([]);
	});
	it('makes a malformed evse_id an error', () => {
		expect(issueList(location221({ evses: [evse221({ evse_id: 'DE-ABC-E0001' })] }), STRICT_221)).toEqual([
			'evses[0].evse_id evse_id_format error',
		]);
	});
	it('requires evse_id on every EVSE', () => {
		const evse = evse221({ uid: 'E2' });
		delete evse.evse_id;
		expect(issueList(location221({ evses: [evse221(), evse] }), STRICT_221)).toEqual(['evses[1].evse_id required_by_profile error']);
	});
	it('does not require an evse_id on an EVSE with status REMOVED (it may be dropped and reused)', () => {
		const removed = evse221({ uid: 'E2', status: 'REMOVED' });
		delete removed.evse_id;
		expect(issueList(location221({ evses: [evse221(), removed] }), STRICT_221)).toEqual([]);
		expect(issueList(removed, { ...STRICT_221, kind: 'evse' })).toEqual([]);
		const removed211 = evse211({ uid: 'E2', status: 'REMOVED' });
		delete removed211.evse_id;
		expect(issueList(location211({ evses: [evse211(), removed211] }), STRICT_211)).toEqual([]);
		// any other status still needs one; a REMOVED EVSE that keeps its evse_id still has it checked
		expect(issueList(evse221({ evse_id: undefined, status: 'OUTOFORDER' }), { ...STRICT_221, kind: 'evse' })).toEqual([
			'evse_id required_by_profile error',
		]);
		expect(issueList(evse221({ evse_id: 'DE-ABC-E0001', status: 'REMOVED' }), { ...STRICT_221, kind: 'evse' })).toEqual([
			'evse_id evse_id_format error',
		]);
	});
	it('counts null as missing (the model warns about the null itself)', () => {
		const { errors } = validateOcpiObject(evse221({ evse_id: null }), { ...STRICT_221, kind: 'evse' });
		expect(errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual(['evse_id required_by_profile']);
		const connector = connector221({ max_electric_power: null });
		expect(validateOcpiObject(connector, { ...STRICT_221, kind: 'connector' }).errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'max_electric_power required_by_profile',
		]);
		expect(validateOcpiObject(location221({ operator: null }), STRICT_221).errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'operator required_by_profile',
		]);
	});
	it('requires max_electric_power on every 2.2.1 connector', () => {
		const connector = connector221({ id: '2' });
		delete connector.max_electric_power;
		const evse = evse221({ connectors: [connector221(), connector] });
		expect(issueList(location221({ evses: [evse] }), STRICT_221)).toEqual(['evses[0].connectors[1].max_electric_power required_by_profile error']);
		expect(issueList(connector, { ...STRICT_221, kind: 'connector' })).toEqual(['max_electric_power required_by_profile error']);
	});
	it('requires operator, postal_code and opening_times on the Location', () => {
		const location = location221();
		for (const key of ['operator', 'postal_code', 'opening_times']) delete location[key];
		const { errors } = validateOcpiObject(location, STRICT_221);
		expect(errors.map((issue) => `${issue.path} ${issue.code}`)).toEqual([
			'operator required_by_profile',
			'postal_code required_by_profile',
			'opening_times required_by_profile',
		]);
		expect(errors[0].message).toContain('strict (roaming hub) rule profile');
	});
	it('2.1.1: no max_electric_power to ask for; postal_code is required by the model itself', () => {
		const location = location211();
		delete location.postal_code;
		delete location.operator;
		expect(issueList(location, STRICT_211)).toEqual(['postal_code required error', 'operator required_by_profile error']);
	});
	it('checks a single EVSE on its own, with paths relative to it', () => {
		const evse = evse221();
		delete evse.evse_id;
		expect(issueList(evse, { ...STRICT_221, kind: 'evse' })).toEqual(['evse_id required_by_profile error']);
	});
});
