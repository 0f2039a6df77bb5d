/** The OCPI Validator run through n8n-core's real WorkflowExecute, driven by workflow fixtures. */
import { loadWorkflowFixture, runWorkflowFixture } from '../harness';
import { fixableLocation, validLocation } from '../fixtures/ocpiLocations';

type Json = Record<string, any>;

describe('OCPI Validator node', () => {
	it('sends valid Locations to Valid and invalid ones to Invalid, each with pairedItem', async () => {
		const broken = validLocation('LOC-BAD');
		(broken.evses as Json[])[0].connectors[0].max_voltage = 229.5;
		const { outputs, error } = await runWorkflowFixture('validator-spec.json', {
			inputItems: [validLocation('LOC-A'), broken, validLocation('LOC-B')],
		});
		expect(error).toBeUndefined();
		const [valid, invalid] = outputs;
		expect(valid!.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['LOC-A', { item: 0 }],
			['LOC-B', { item: 2 }],
		]);
		expect(invalid).toHaveLength(1);
		expect(invalid![0].pairedItem).toEqual({ item: 1 });
		const json = invalid![0].json as Json;
		expect(json.valid).toBe(false);
		expect(json.objectId).toBe('LOC-BAD');
		expect(json.object).toEqual(broken);
		expect(json.issues).toEqual([
			expect.objectContaining({ path: 'evses[0].connectors[0].max_voltage', code: 'not_integer', value: 229.5, severity: 'error' }),
		]);
		expect(json.summary).toMatch(/^1 problem: evses\[0\]\.connectors\[0\]\.max_voltage: /);
	});

	it('puts the validation record on valid objects without changing the OCPI fields', async () => {
		const { outputs } = await runWorkflowFixture('validator-spec.json', { inputItems: [validLocation()] });
		const json = outputs[0]![0].json as Json;
		expect(json._validation).toEqual({ valid: true, changes: [], warnings: [] });
		const { _validation, ...ocpi } = json;
		expect(ocpi).toEqual(validLocation());
	});

	it('carries the Mapper\'s _completeness through unchanged, also when enrichment changes the object', async () => {
		const completeness = { complete: false, reasons: ['charger CP-7 could not be mapped: x'], sources: 2, refused: [{ item: 1, assetId: 'CP-7', reason: 'charger CP-7 could not be mapped: x' }], readAt: '2026-11-01T08:00:00Z' };
		const plain = await runWorkflowFixture('validator-spec.json', { inputItems: [{ ...validLocation(), _completeness: completeness }] });
		expect(plain.outputs[0]![0].json._completeness).toEqual(completeness);
		const enriched = await runWorkflowFixture('validator-strict-enriched.json', { inputItems: [{ ...fixableLocation(), _completeness: completeness }] });
		const json = enriched.outputs[0]![0].json as Json;
		expect((json._validation as Json).changes.length).toBeGreaterThan(0);
		expect(json._completeness).toEqual(completeness);
	});

	it('lands every kind of bad input in Invalid with a reason, never crashing', async () => {
		const inputs = [{ location: 'just text' }, {}, { id: 42, evses: 'none' }, { address: 'x'.repeat(2_000_000) }];
		const { outputs, error } = await runWorkflowFixture('validator-spec.json', { inputItems: inputs });
		expect(error).toBeUndefined();
		expect(outputs[0]).toEqual([]);
		expect(outputs[1]!.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		for (const item of outputs[1]!) {
			expect((item.json.issues as Json[]).length).toBeGreaterThan(0);
		}
		const huge = outputs[1]![3].json.issues as Json[];
		const address = huge.find((issue) => issue.path === 'address')!;
		expect(address.code).toBe('too_long');
		expect(String(address.value).length).toBeLessThan(200);
	});

	it('enriches before checking and lists every change (strict profile)', async () => {
		const { outputs } = await runWorkflowFixture('validator-strict-enriched.json', { inputItems: [fixableLocation()] });
		expect(outputs[1]).toEqual([]);
		const json = outputs[0]![0].json as Json;
		expect(json.country).toBe('NLD');
		expect(json.coordinates).toEqual({ latitude: '52.357994', longitude: '4.881155' });
		expect(json.time_zone).toBe('Europe/Amsterdam');
		expect(json.evses[0].evse_id).toBe('DE*ACM*E0001*1');
		expect(json.last_updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
		const changed = (json._validation.changes as Json[]).map((change) => change.path);
		expect(changed).toEqual(
			expect.arrayContaining(['country', 'coordinates.latitude', 'coordinates.longitude', 'time_zone', 'evses[0].evse_id', 'last_updated']),
		);
	});

	it('reports the same fixable Location as invalid when enrichment is off', async () => {
		const { outputs } = await runWorkflowFixture('validator-spec.json', { inputItems: [fixableLocation()] });
		const codes = (outputs[1]![0].json.issues as Json[]).map((issue) => `${issue.path}:${issue.code}`);
		expect(codes).toEqual(
			expect.arrayContaining([
				'country:invalid_format',
				'coordinates.latitude:wrong_type',
				'coordinates.longitude:invalid_format',
				'time_zone:required',
				'last_updated:required',
			]),
		);
	});

	it('reads the object from a nested field and writes the result back there', async () => {
		const location = validLocation();
		location.country = 'Deutschland';
		const { outputs } = await runWorkflowFixture('validator-object-field.json', {
			inputItems: [{ source: 'asset-system', payload: { location } }, { payload: {} }],
		});
		const valid = outputs[0]![0].json as Json;
		expect(valid.source).toBe('asset-system');
		expect(valid.payload.location.country).toBe('DEU');
		expect(valid.payload.location._validation.changes).toEqual([
			expect.objectContaining({ path: 'country', from: 'Deutschland', to: 'DEU' }),
		]);
		const invalid = outputs[1]![0].json as Json;
		expect(invalid.issues).toEqual([expect.objectContaining({ path: '', code: 'not_an_object' })]);
	});

	it('fills gaps from reference data so the strict profile passes', async () => {
		const location = validLocation('LOC-1');
		delete location.operator;
		delete location.opening_times;
		const other = validLocation('LOC-9');
		delete other.operator;
		const { outputs } = await runWorkflowFixture('validator-reference-data.json', { inputItems: [location, other] });
		const valid = outputs[0]![0].json as Json;
		expect(valid.operator).toEqual({ name: 'Acme Charging' });
		expect(valid.opening_times).toEqual({ twentyfourseven: true });
		const invalid = outputs[1]![0].json as Json;
		expect(invalid.objectId).toBe('LOC-9');
		expect(invalid.issues).toEqual([expect.objectContaining({ path: 'operator', code: 'required_by_profile' })]);
	});

	it('stops with a NodeOperationError on reference data that is not JSON', async () => {
		const { error, outputs } = await runWorkflowFixture('validator-bad-reference-data.json', { inputItems: [validLocation()] });
		expect(outputs).toEqual([]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error?.message).toMatch(/reference data cannot be used: it is not valid JSON/);
	});

	it('sends items whose configuration is wrong to the error output when set to continue', async () => {
		const { outputs, error } = await runWorkflowFixture('validator-version-expression.json', {
			inputItems: [
				{ version: '2.2.1', object: validLocation() },
				{ version: '3.0', object: validLocation() },
			],
		});
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(3);
		expect(outputs[0]!.map((item) => item.pairedItem)).toEqual([{ item: 0 }]);
		expect(outputs[1]).toEqual([]);
		expect(outputs[2]).toHaveLength(1);
		expect(outputs[2]![0].pairedItem).toEqual({ item: 1 });
		expect(String(outputs[2]![0].json.error)).toMatch(/Unsupported OCPI version '3.0'/);
	});

	it('with Continue (regular output) puts an error item on Invalid, never on Valid', async () => {
		const fixture = loadWorkflowFixture('validator-version-expression.json');
		fixture.nodes[0].onError = 'continueRegularOutput';
		const { outputs, error } = await runWorkflowFixture(fixture, {
			inputItems: [
				{ version: '2.2.1', object: validLocation() },
				{ version: '3.0', object: validLocation() },
			],
		});
		expect(error).toBeUndefined();
		expect(outputs).toHaveLength(2);
		expect(outputs[0]!.map((item) => [item.pairedItem, item.json.error])).toEqual([[{ item: 0 }, undefined]]);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1]![0].pairedItem).toEqual({ item: 1 });
		expect(String(outputs[1]![0].json.error)).toMatch(/Unsupported OCPI version '3.0'/);
	});
});
