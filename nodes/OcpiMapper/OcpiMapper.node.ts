import {
	NodeConnectionTypes,
	NodeOperationError,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { mapAssets, mappingCoverage, MappingSetupError } from '../../core/mapping';
import { nodeErrorFrom } from '../shared/nodeError';
import { coverageItems, locationItem, profileItem, unmappableItem } from './mappingItems';
import { mapperProperties } from './OcpiMapper.properties';
import { readMapperSettings } from './readMapperProfile';

const LOCATIONS = 0;
const UNMAPPABLE = 1;

export class OcpiMapper implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OCPI Mapper',
		name: 'ocpiMapper',
		icon: { light: 'file:ocpiMapper.svg', dark: 'file:ocpiMapper.dark.svg' },
		group: ['transform'],
		// Version 2: EVSE uid templates ({chargePoint}[-{bay}] by default), optional settings in Options, dragged
		// fields read on their row's level. Version 1 nodes keep their uids and layout (see the README).
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["mode"] === "profile" ? "from profile" : "OCPI " + $parameter["ocpiVersion"] + " · " + $parameter["shape"]}}',
		description: 'Map asset data of any shape (rows, charge points, sites) to OCPI Locations with EVSEs and connectors',
		defaults: { name: 'OCPI Mapper' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Locations', 'Unmappable'],
		properties: mapperProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], []];
		try {
			const { profile, outputProfile, coveragePreview, inputIsComplete } = readMapperSettings(this);
			// One clock for the whole run: every Location without a source timestamp gets the same last_updated.
			const now = new Date();
			// Sources keep n8n's '=' marker; evaluateExpression adds its own.
			const evaluate = (expression: string, itemIndex: number) => this.evaluateExpression(expression.slice(1), itemIndex);
			if (coveragePreview) return [coverageItems(mappingCoverage(items.map((item) => item.json), profile, evaluate)), []];
			const result = mapAssets(
				items.map((item) => item.json),
				profile,
				{ now, evaluate, inputIsComplete },
			);
			if (outputProfile) return [[profileItem(result.effectiveProfile, items)], []];
			for (const mapped of result.locations) outputs[LOCATIONS].push(locationItem(mapped));
			for (const unmappable of result.unmappable) outputs[UNMAPPABLE].push(unmappableItem(unmappable, items));
			return outputs;
		} catch (error) {
			if (this.continueOnFail()) {
				// Never on Locations, where it would flow on into the Push: on Unmappable, as n8n's If sends errors to false.
				const pairedItem = items.map((_, item) => ({ item }));
				return [[], [{ json: { error: (error as Error).message }, pairedItem }]];
			}
			if (error instanceof MappingSetupError) {
				throw new NodeOperationError(this.getNode(), `The mapping cannot be used: ${error.message}`);
			}
			throw nodeErrorFrom(this.getNode(), error);
		}
	}
}
