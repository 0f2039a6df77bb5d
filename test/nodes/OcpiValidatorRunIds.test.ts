/** The OCPI Validator through n8n-core: Location ids repeated across the items of one run, and ids unsafe in a URL. */
import { runWorkflowFixture } from '../harness';
import { validLocation } from '../fixtures/ocpiLocations';

type Json = Record<string, any>;

describe('OCPI Validator node: ids', () => {
	it('sends every item whose Location id another item of the run has (any case) to Invalid, naming the other', async () => {
		const { outputs, error } = await runWorkflowFixture('validator-spec.json', {
			inputItems: [validLocation('LOC-A'), validLocation('LOC-B'), validLocation('loc-a')],
		});
		expect(error).toBeUndefined();
		const [valid, invalid] = outputs;
		expect(valid!.map((item) => [item.json.id, item.pairedItem])).toEqual([['LOC-B', { item: 1 }]]);
		expect(invalid!.map((item) => [(item.json as Json).objectId, item.pairedItem])).toEqual([
			['LOC-A', { item: 0 }],
			['loc-a', { item: 2 }],
		]);
		expect((invalid![0].json as Json).issues).toEqual([expect.objectContaining({ path: 'id', code: 'duplicate_id', message: expect.stringContaining('item 2 ("loc-a")') })]);
		expect((invalid![1].json as Json).issues).toEqual([expect.objectContaining({ path: 'id', code: 'duplicate_id', message: expect.stringContaining('item 0 ("LOC-A")') })]);
	});

	it('refuses an EVSE uid ".." at its path', async () => {
		const location = validLocation('LOC-A');
		(location.evses as Json[])[0].uid = '..';
		const { outputs } = await runWorkflowFixture('validator-spec.json', { inputItems: [location] });
		expect(outputs[0]).toEqual([]);
		expect((outputs[1]![0].json as Json).issues).toEqual([expect.objectContaining({ path: 'evses[0].uid', code: 'unsafe_id' })]);
	});
});
