/**
 * A test-only node that exercises what the harness must carry: two outputs, an expression parameter
 * read per item, and continueOnFail items that n8n moves to the error output.
 */
import {
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

export class HarnessProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Harness Probe',
		name: 'harnessProbe',
		group: ['transform'],
		version: 1,
		description: 'Splits items by a threshold (test only)',
		defaults: { name: 'Harness Probe' },
		inputs: ['main'],
		outputs: ['main', 'main'],
		outputNames: ['Kept', 'Dropped'],
		properties: [
			{ displayName: 'Value', name: 'value', type: 'number', default: 0 },
			{ displayName: 'Threshold', name: 'threshold', type: 'number', default: 10 },
			{ displayName: 'Label', name: 'label', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const kept: INodeExecutionData[] = [];
		const dropped: INodeExecutionData[] = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const value = this.getNodeParameter('value', itemIndex) as number;
				if (typeof value !== 'number' || Number.isNaN(value)) {
					throw new NodeOperationError(this.getNode(), `Not a number: ${String(value)}`, { itemIndex });
				}
				const label = this.getNodeParameter('label', itemIndex) as string;
				const threshold = this.getNodeParameter('threshold', itemIndex) as number;
				const out = { json: { ...items[itemIndex].json, label, value }, pairedItem: { item: itemIndex } };
				(value >= threshold ? kept : dropped).push(out);
			} catch (error) {
				if (!this.continueOnFail()) throw error;
				kept.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
			}
		}
		return [kept, dropped];
	}
}
