import { cloneDeep, get, set } from 'lodash';
import {
	NodeConnectionTypes,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { inspectOcpiObject } from '../../core/validation/inspect';
import { duplicateLocationIds, withRunIssue } from '../../core/validation/runLocationIds';
import { networkCompleteness } from '../../core/validation/networkCompleteness';
import type { ObjectCompleteness } from '../../core/validation/profileRules';
import { nodeErrorFrom } from '../shared/nodeError';
import { addNetworkCompleteness, invalidItem, validItem } from './inspectionItems';
import { validatorProperties } from './OcpiValidator.properties';
import { ReferenceTables } from '../../core/enrichment/referenceTables';
import { readValidatorOptions } from './readValidatorOptions';

const VALID = 0;
const INVALID = 1;

export class OcpiValidator implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OCPI Validator',
		name: 'ocpiValidator',
		icon: { light: 'file:ocpiValidator.svg', dark: 'file:ocpiValidator.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{"OCPI " + $parameter["ocpiVersion"] + " · " + ({ location: "Locations", evse: "EVSEs", connector: "Connectors" })[$parameter["objectKind"]]}}',
		description: 'Check OCPI Locations, EVSEs and connectors against the spec, fix what can be fixed, and split valid from invalid',
		defaults: { name: 'OCPI Validator' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Valid', 'Invalid'],
		properties: validatorProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const outputs: INodeExecutionData[][] = [[], []];
		// One clock for the whole run, so defaults agree across items.
		const now = new Date();
		const referenceTables = new ReferenceTables();
		// Settings first, so Location ids can be compared across the whole run; a wrong setting fails its item below.
		const settings = items.map((item, itemIndex) => {
			try {
				const read = readValidatorOptions(this, itemIndex, now, referenceTables);
				return { ...read, received: (read.objectField === '' ? item.json : get(item.json, read.objectField)) as unknown };
			} catch (error) {
				return error as Error;
			}
		});
		const runIssues = duplicateLocationIds(settings.map((read) => (read instanceof Error || read.inspection.kind !== 'location' ? undefined : read.received)));
		const scores: Array<ObjectCompleteness | undefined> = [];
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const read = settings[itemIndex];
				if (read instanceof Error) throw read;
				const { inspection: options, objectField, received } = read;
				const json = items[itemIndex].json;
				const inspection = withRunIssue(inspectOcpiObject(received, options), runIssues.get(itemIndex));
				scores.push(inspection.completeness);
				if (inspection.valid) {
					const place = (object: IDataObject) =>
						objectField === '' ? object : (set(cloneDeep(json), objectField, object) as IDataObject);
					outputs[VALID].push(validItem(inspection, itemIndex, place));
				} else {
					outputs[INVALID].push(invalidItem(inspection, received, itemIndex));
				}
			} catch (error) {
				if (this.continueOnFail()) {
					// Never on Valid (it would flow on into the Mapper and the Push): on Invalid, as n8n's If sends errors to
					// false; n8n moves it to the error output when the node is set to "continue (using error output)".
					outputs[INVALID].push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
					continue;
				}
				throw nodeErrorFrom(this.getNode(), error, itemIndex);
			}
		}
		const first = settings.find((read) => !(read instanceof Error));
		addNetworkCompleteness(outputs, first instanceof Error || !first ? undefined : networkCompleteness(scores, first.inspection.kind));
		return outputs;
	}
}
