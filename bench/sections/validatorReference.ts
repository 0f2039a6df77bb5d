/**
 * The Validator node with Reference Data, run through n8n-core's real WorkflowExecute (test/harness) at 1,000 and
 * 5,000 items with a table of as many rows. Per item, the cost must not grow with the run: a table parsed once per
 * item made 5× the items cost 25× the time. The figure is the time per item at 5k over the time per item at 1k.
 */
import { performance } from 'node:perf_hooks';
import type { IDataObject } from 'n8n-workflow';
import { OcpiValidator } from '../../nodes/OcpiValidator/OcpiValidator.node';
import { runNode } from '../../test/harness';
import { generateLocations } from '../fixtures/network/generateNetwork';
import type { BenchContext, BenchSection } from '../context';
import { formatCount, formatFixed, heading, line, reportTarget } from '../report';

const SIZES = [1000, 5000] as const;
const WARM_UP_ITEMS = 200;
// linear is 1.0; a little more is allowed for a bigger heap
const PER_ITEM_TARGET = 1.5;

async function timedRun(items: number, seed: number): Promise<{ ms: number; enriched: number; failure?: string }> {
	const locations = [...generateLocations({ seed, locations: items })];
	const table = locations.map((location) => ({ id: location.id, operator: { name: `Operator of ${location.id}` } }));
	const parameters = {
		objectKind: 'location',
		ocpiVersion: '2.2.1',
		ruleProfile: 'spec',
		objectField: '',
		enrichment: { referenceData: JSON.stringify(table), referenceKeyField: 'id', referenceOverwrite: true },
	};
	const start = performance.now();
	const result = await runNode(OcpiValidator, parameters, { inputItems: locations as unknown as IDataObject[] });
	const ms = performance.now() - start;
	if (result.error) return { ms, enriched: 0, failure: result.error.message };
	const valid = result.outputs[0] ?? [];
	const enriched = valid.filter((item) => (item.json.operator as { name?: string } | undefined)?.name === `Operator of ${String(item.json.id)}`).length;
	return { ms, enriched };
}

async function runValidatorReference(context: BenchContext): Promise<void> {
	heading('Validator node with Reference Data (n8n-core execution): table rows = items');
	await timedRun(WARM_UP_ITEMS, context.args.seed + 7);
	const perItem: number[] = [];
	for (const size of SIZES) {
		const run = await timedRun(size, context.args.seed);
		if (run.failure) {
			line(`${formatCount(size)} items`, `failed: ${run.failure}`);
			return;
		}
		perItem.push(run.ms / size);
		line(`${formatCount(size)} items`, `${formatFixed(run.ms, 0).padStart(8)} ms  ${formatFixed((run.ms / size) * 1000, 0)} µs per item  ${formatCount(run.enriched)}/${formatCount(size)} enriched from their row`);
	}
	reportTarget({ label: 'time per item 5k / 1k', value: perItem[1] / perItem[0], unit: '×', kind: 'max', limit: PER_ITEM_TARGET });
}

export const validatorReferenceSection: BenchSection = { name: 'validator-reference', aliases: ['reference'], run: runValidatorReference };
