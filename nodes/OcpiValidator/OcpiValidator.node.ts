import { cloneDeep, get, set } from 'lodash';
import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { inspectOcpiObject } from '../../core/validation/inspect';
import { duplicateLocationIds, withRunIssue } from '../../core/validation/runLocationIds';
import { invalidItem, validItem } from './inspectionItems';
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
		inputs: ['main'],
		// The rule predates multi-output nodes (n8n's own If, Switch, Compare Datasets): two named outputs are intended.
		// eslint-disable-next-line n8n-nodes-base/node-class-description-outputs-wrong
		outputs: ['main', 'main'],
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
		for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
			try {
				const read = settings[itemIndex];
				if (read instanceof Error) throw read;
				const { inspection: options, objectField, received } = read;
				const json = items[itemIndex].json;
				const inspection = withRunIssue(inspectOcpiObject(received, options), runIssues.get(itemIndex));
				if (inspection.valid) {
					const place = (object: IDataObject) =>
						objectField === '' ? object : (set(cloneDeep(json), objectField, object) as IDataObject);
					outputs[VALID].push(validItem(inspection, itemIndex, place));
				} else {
					outputs[INVALID].push(invalidItem(inspection, received, itemIndex));
				}
			} catch (error) {
				if (this.continueOnFail()) {
					// n8n moves these to the error output when the node is set to "continue (using error output)".
					outputs[VALID].push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
					continue;
				}
				if (error instanceof NodeOperationError) throw error;
				throw new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			}
		}
		return outputs;
	}
}
