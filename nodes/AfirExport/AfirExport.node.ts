import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { afirExportProperties } from './AfirExport.properties';
import { exportItems } from './exportItems';
import { readExportSettings } from './readExportSettings';
import { nodeErrorFrom } from '../shared/nodeError';

export class AfirExport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'AFIR Export',
		name: 'afirExport',
		icon: { light: 'file:afirExport.svg', dark: 'file:afirExport.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["format"] === "datex" ? "Germany · DATEX II" : "France · IRVE" }}',
		description: 'Turn OCPI Locations into the AFIR static data file of a national access point (France IRVE CSV, Germany DATEX II JSON)',
		defaults: { name: 'AFIR Export' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		// Two named outputs, like n8n's own If node: the file, and what could not go into it.
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['File', 'Problems'],
		properties: afirExportProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const settings = readExportSettings(this);
		try {
			return await exportItems(this, settings, items, new Date());
		} catch (error) {
			throw nodeErrorFrom(this.getNode(), error);
		}
	}
}
