import { NodeConnectionTypes, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { assetSourceProperties } from './AssetSource.properties';
import { readAllRecords, readGroups } from './readRecords';
import { readSourceSettings } from './readSourceSettings';

export class AssetSource implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Asset Source',
		name: 'assetSource',
		icon: { light: 'file:assetSource.svg', dark: 'file:assetSource.dark.svg' },
		group: ['input'],
		version: 1,
		subtitle: '={{({ readAll: "Read all records", readGroup: "Read one group", readGroupsOfRecords: "Read whole groups of records" })[$parameter["operation"]]}}',
		description: 'Reads every record, or every record of a group (e.g. a site), from an asset system\'s REST API and says whether the read was complete',
		defaults: { name: 'Asset Source' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'assetSourceApi', required: true }],
		properties: assetSourceProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const inputCount = this.getInputData().length;
		const settings = readSourceSettings(this);
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('assetSourceApi');
		const read = settings.operation === 'readAll' ? readAllRecords : readGroups;
		const { items, failures } = await read(this, settings, String(baseUrl ?? ''), inputCount);
		if (failures.size === 0) return [items];
		const inOrder = [...failures.entries()].sort(([a], [b]) => a - b);
		if (!this.continueOnFail()) throw inOrder[0][1].error;
		// n8n moves these to the error output when the node is set to "continue (using error output)".
		for (const [item, { error, about }] of inOrder) items.push({ json: { error: error.message, ...(about === undefined ? {} : { about }) }, pairedItem: { item } });
		return [items];
	}
}
