import { NodeConnectionTypes, type IDataObject, type INodeExecutionData, type INodeType, type INodeTypeDescription, type IPollFunctions } from 'n8n-workflow';
import { pollTriggerProperties } from './AssetSourcePollTrigger.properties';
import { detectChanges, goneWordOf, nameGoneRecords, previousState, pullQuery, sampleItems, STATE_KEY } from './changeItems';
import { emissionToken, logDelivery, planDelivery, readRedeliverAfterMs, settleWhenDone, type StoredState } from './deliveries';
import { pullRecords } from './pullRecords';
import { readPollSettings } from './readPollSettings';

export class AssetSourcePollTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Asset Source Polling Trigger',
		name: 'assetSourcePollTrigger',
		icon: { light: 'file:assetSourcePollTrigger.svg', dark: 'file:assetSourcePollTrigger.dark.svg' },
		group: ['trigger'],
		// 2: optional settings in an Options collection (see shared/optionsCollection.ts), and a record gone from the
		// asset system is `deleted`, as the webhook trigger says; 1 (saved workflows) keeps its layout and `removed`
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["changeDetection"] === "snapshot" ? "Snapshot diff" : "Incremental"}}',
		description: 'Polls an asset system\'s REST API and emits created, updated and deleted records',
		defaults: { name: 'Asset Source Polling Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'assetSourceApi', required: true }],
		properties: pollTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const settings = readPollSettings(this);
		const { baseUrl } = await this.getCredentials<{ baseUrl: string }>('assetSourceApi');
		const request = { baseUrl: String(baseUrl ?? ''), path: settings.path, recordsPath: settings.recordsPath, pagination: settings.pagination };

		if (this.getMode() === 'manual') {
			// A sample for building the workflow: never touches the state, so activation starts where it should.
			const sample = await pullRecords(this, { ...request, query: settings.query, firstPageOnly: true });
			const items = sampleItems(sample.records, settings);
			return items.length ? [items] : null;
		}

		const staticData = this.getWorkflowStaticData('node');
		const previous = previousState(staticData, settings) as StoredState | undefined;
		// the read time goes on every item (_read.readAt): the Push never removes what the CPMS learnt after it
		const readAt = new Date().toISOString();
		const pull = await pullRecords(this, { ...request, query: { ...settings.query, ...pullQuery(previous, settings) } });
		const detected = detectChanges(previous, pull.records, { complete: pull.complete, reason: pull.reason, readAt }, settings);
		if (detected.withoutGroup) this.logger.warn(`${detected.withoutGroup} record(s) have no value in Group By Field '${settings.groupBy}': each is emitted on its own`);
		const token = emissionToken();
		const delivery = planDelivery(previous, detected, { ...pull, readAt }, settings, { now: Date.now(), redeliverAfterMs: readRedeliverAfterMs(this), token });
		logDelivery(this, delivery);
		// Only reached when every request succeeded: a failed pull throws above and leaves the state as it was.
		staticData[STATE_KEY] = delivery.state as unknown as IDataObject;
		if (delivery.items.length === 0) return null;
		const items = nameGoneRecords(delivery.items, goneWordOf(this.getNode().typeVersion));
		// Emitting here, not by returning, hands n8n a promise it resolves when the run ends: a change counts as
		// delivered only then, so one whose run failed or was killed is emitted again (at least once).
		this.__emit([items], undefined, settleWhenDone(staticData, token));
		return null;
	}
}
