import { NodeApiError, NodeConnectionTypes, NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeType, type INodeTypeDescription } from 'n8n-workflow';
import { createOcpiClient } from '../../core/client';
import { runLimited } from '../../core/push/runLimited';
import { testCpmsCredential } from './credentialTest';
import { pushProperties } from './OcpiPush.properties';
import { failedItem, outcomeError, outcomeItem } from './pushItems';
import { getLocation, register, setEvseStatus, type PushOutcome } from './pushOperations';
import { readCpmsLocationItems } from './readCpmsItems';
import { readPushSettings, type PushSettings } from './readPushSettings';
import { checkRegistration } from './registration';
import { syncLocationItems } from './syncItems';
import { unstartedSyncItems } from './unstartedSync';

function runOne(context: IExecuteFunctions, settings: PushSettings, client: ReturnType<typeof createOcpiClient>, itemIndex: number, now: Date): Promise<PushOutcome> {
	switch (settings.operation) {
		case 'register':
			return register(client, settings.party, {
				...settings.registration!,
				ourVersionsUrl: String(context.getNodeParameter('ourVersionsUrl', itemIndex)).trim(),
				businessName: String(context.getNodeParameter('businessName', itemIndex)).trim(),
			});
		case 'getLocation':
			return getLocation(client, settings.party, String(context.getNodeParameter('locationId', itemIndex)).trim());
		default: {
			const locationId = String(context.getNodeParameter('locationId', itemIndex)).trim();
			const evseUid = String(context.getNodeParameter('evseUid', itemIndex)).trim();
			const status = settings.operation === 'removeEvse' ? 'REMOVED' : String(context.getNodeParameter('status', itemIndex));
			return setEvseStatus(client, settings.party, { locationId, evseUid, status }, now);
		}
	}
}

export class OcpiPush implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CPMS OCPI Push',
		name: 'ocpiPush',
		icon: { light: 'file:ocpiPush.svg', dark: 'file:ocpiPush.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ ({ syncLocations: "Sync Locations", setEvseStatus: "Set EVSE Status", removeEvse: "Remove EVSE", getLocation: "Get Location", readCpmsLocations: "Read CPMS Locations", register: "Register (Token A → C)" })[$parameter["operation"]] }}',
		description: 'Push OCPI Locations, EVSEs and connectors to a CPMS (Locations receiver) with the fewest requests',
		defaults: { name: 'CPMS OCPI Push' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// tested by discovery with the token (methods.credentialTest), not by a GET of the often public versions URL
		credentials: [{ name: 'ocpiCpmsApi', required: true, testedBy: 'ocpiCpmsApiTest' }],
		properties: pushProperties,
	};

	methods = { credentialTest: { ocpiCpmsApiTest: testCpmsCredential } };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		let settings: PushSettings;
		try {
			settings = await readPushSettings(this);
		} catch (error) {
			// Sync Locations with ledger rows out: a failed row per Location, so the ledger and the report say so
			const rows = await unstartedSyncItems(this, error);
			if (rows) return [rows];
			// n8n's own errors (the credential's) stay as they are
			throw error instanceof NodeOperationError || error instanceof NodeApiError ? error : new NodeOperationError(this.getNode(), error as Error);
		}
		if (settings.registration) checkRegistration(this, settings.registration);
		// one client per execution: discovery and the rate window are shared by its items, nothing outlives the run
		const client = createOcpiClient(settings.client);
		// one clock for the whole run, so every planned last_updated agrees
		const now = new Date();
		if (settings.operation === 'syncLocations') return [await syncLocationItems(this, settings, client, items, now)];
		if (settings.operation === 'readCpmsLocations') return [await readCpmsLocationItems(this, settings, client, now)];
		const outcomes: PushOutcome[] = [];
		let firstFailure: number | undefined;
		const continueOnFail = this.continueOnFail();
		// the handshake happens once, whatever the input
		const count = settings.operation === 'register' ? Math.min(items.length, 1) : items.length;
		await runLimited(count, settings.concurrency, () => firstFailure !== undefined, async (itemIndex) => {
			const outcome = await runOne(this, settings, client, itemIndex, now);
			outcomes[itemIndex] = outcome;
			if (outcome.action === 'failed' && !continueOnFail && (firstFailure === undefined || itemIndex < firstFailure)) firstFailure = itemIndex;
		});
		if (firstFailure !== undefined) throw outcomeError(this.getNode(), outcomes[firstFailure], firstFailure);

		const output = outcomes.map((outcome, itemIndex) =>
			outcome.action === 'failed' ? failedItem(this.getNode(), outcome, itemIndex) : outcomeItem(outcome, itemIndex),
		);
		// The handshake runs once for the whole input, so its one result stands for every input item.
		if (settings.operation === 'register' && output.length === 1) output[0].pairedItem = items.map((_, item) => ({ item }));
		return [output];
	}
}
