/** The OCPI Validator's version option 2.3.0, run through n8n-core's real WorkflowExecute. */
import { loadWorkflowFixture, runWorkflowFixture, type WorkflowFixture } from '../harness';
import { loadOfficial } from '../conformance/helpers';

type Json = Record<string, any>;

function validatorWorkflow(parameters: Json): WorkflowFixture {
	const workflow = structuredClone(loadWorkflowFixture('validator-spec.json'));
	Object.assign(workflow.nodes[0].parameters, parameters);
	return workflow;
}

describe('OCPI Validator, OCPI version 2.3.0', () => {
	it('accepts the official 2.3.0 example and refuses an address of 256 characters, each item with pairedItem', async () => {
		const good = loadOfficial('2.3.0', 'location_example.json');
		const bad = { ...loadOfficial('2.3.0', 'location_example.json'), id: 'LOC-LONG', address: 'x'.repeat(256) };
		const { outputs, error } = await runWorkflowFixture(validatorWorkflow({ ocpiVersion: '2.3.0' }), { inputItems: [good, bad] });
		expect(error).toBeUndefined();
		const [valid, invalid] = outputs;
		expect(valid!.map((item) => [item.json.id, item.pairedItem])).toEqual([[good.id, { item: 0 }]]);
		expect(invalid!.map((item) => [item.json.objectId, item.pairedItem])).toEqual([['LOC-LONG', { item: 1 }]]);
		expect((invalid![0].json.issues as Json[]).map((issue) => `${issue.path} ${issue.code}`)).toEqual(['address too_long']);
	});

	it('lets an unlisted OpenEnum value through with a warning', async () => {
		const location = loadOfficial('2.3.0', 'location_example.json');
		location.evses[0].connectors[0].standard = 'CCS_MEGA';
		const { outputs } = await runWorkflowFixture(validatorWorkflow({ ocpiVersion: '2.3.0' }), { inputItems: [location] });
		expect(outputs[1]).toEqual([]);
		const warnings = (outputs[0]![0].json._validation as Json).warnings as Json[];
		expect(warnings.map((warning) => `${warning.path} ${warning.code}`)).toEqual(['evses[0].connectors[0].standard unlisted_enum_value']);
	});
});

describe('OCPI Validator, completeness profiles', () => {
	it('AFIR: scores each Location and puts the network score on every item of the run', async () => {
		const complete = loadOfficial('2.3.0', 'location_example.json');
		Object.assign(complete, { help_phone: '+31 20 123 4567', opening_times: { twentyfourseven: true }, operator: { name: 'The New Motion' } });
		for (const evse of complete.evses) evse.accepted_service_providers = ['Shell Recharge'];
		for (const evse of complete.evses) for (const connector of evse.connectors) connector.max_electric_power = 11000;
		const lacking = { ...structuredClone(complete), id: 'LOC-NO-HOURS' };
		delete lacking.opening_times;
		const { outputs, error } = await runWorkflowFixture(validatorWorkflow({ ocpiVersion: '2.3.0', ruleProfile: 'afir' }), { inputItems: [complete, lacking] });
		expect(error).toBeUndefined();
		const [valid, invalid] = outputs;
		expect(valid!.map((item) => [item.json.id, item.pairedItem])).toEqual([[complete.id, { item: 0 }]]);
		expect(invalid!.map((item) => [item.json.objectId, item.pairedItem])).toEqual([['LOC-NO-HOURS', { item: 1 }]]);
		const required = ((valid![0].json._validation as Json).completeness as Json).required;
		expect((valid![0].json._validation as Json).completeness).toEqual({ profile: 'afir', score: 1, present: required, required, missing: [] });
		expect(invalid![0].json.completeness).toEqual({ profile: 'afir', score: (required - 1) / required, present: required - 1, required, missing: ['afir.opening_times'] });
		for (const item of [...valid!, ...invalid!]) {
			expect((item.json.networkCompleteness as Json).summary).toBe(
				`${Math.floor(((2 * required - 1) / (2 * required)) * 100)} % AFIR-complete (1 of 2 Locations complete): 1 Location lacks opening_times`,
			);
		}
	});
});
