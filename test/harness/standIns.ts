/**
 * Minimal stand-ins for the n8n-nodes-base nodes that workflow exports carry around the node under test,
 * so a fixture exported from the editor loads without installing n8n itself into the project.
 */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, ITriggerResponse } from 'n8n-workflow';

const base = { version: 1, defaults: {}, properties: [] };

/** `n8n-nodes-base.manualTrigger`: present so fixtures load; the harness starts after it. */
export class ManualTriggerStandIn implements INodeType {
	description: INodeTypeDescription = {
		...base,
		displayName: 'Manual Trigger (stand-in)',
		name: 'manualTrigger',
		group: ['trigger'],
		description: 'Test stand-in',
		inputs: [],
		outputs: ['main'],
	};

	async trigger(): Promise<ITriggerResponse> {
		return {};
	}
}

/** `n8n-nodes-base.noOp`: passes items through, handy as a sink to see what reached the next node. */
export class NoOpStandIn implements INodeType {
	description: INodeTypeDescription = {
		...base,
		displayName: 'No Operation (stand-in)',
		name: 'noOp',
		group: ['transform'],
		description: 'Test stand-in',
		inputs: ['main'],
		outputs: ['main'],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

export const standInNodes = {
	'n8n-nodes-base.manualTrigger': ManualTriggerStandIn,
	'n8n-nodes-base.noOp': NoOpStandIn,
};
