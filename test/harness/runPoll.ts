/**
 * Runs a polling node's poll() the way an active workflow does (n8n-core's PollContext, mode 'trigger',
 * activation 'activate'), with workflow static data the test keeps between polls. The harness's
 * runWorkflowFixture covers manual runs: WorkflowExecute calls poll() itself only in manual mode and passes
 * the poll's emitted items through otherwise.
 */
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import {
	Workflow,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IWorkflowBase,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredentials } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';
import { loadWorkflowFixture, type WorkflowFixture } from './runWorkflow';

export interface PollOptions {
	/** Node under test; default: the first node whose type is not `n8n-nodes-base.*`. */
	nodeName?: string;
	credentials?: TestCredentials;
	/** Workflow static data as n8n stored it; the returned `staticData` is what the poll left. */
	staticData?: IDataObject;
	/** 'trigger' (default, an active workflow) or 'manual' (the editor's "Fetch test event"). */
	mode?: WorkflowExecuteMode;
	/** Override node parameters of the fixture. */
	parameters?: INode['parameters'];
}

export interface PollResult {
	/** What poll() returned: null when nothing changed. */
	output: INodeExecutionData[][] | null;
	/** The first output's items ([] for null). */
	items: INodeExecutionData[];
	/** A deep copy, as n8n stores static data (JSON). */
	staticData: IDataObject;
	error: Error | undefined;
}

export async function runPoll(fixture: string | WorkflowFixture, options: PollOptions = {}): Promise<PollResult> {
	const data = loadWorkflowFixture(fixture);
	const nodes = data.nodes.map((node) => ({ ...node, parameters: { ...node.parameters } }));
	const node = nodes.find((n) => (options.nodeName ? n.name === options.nodeName : !n.type.startsWith('n8n-nodes-base.')));
	if (!node) throw new Error(`Node under test '${options.nodeName ?? '(first package node)'}' is not in the fixture`);
	if (options.parameters) node.parameters = { ...node.parameters, ...options.parameters };

	const nodeTypes = new TestNodeTypes();
	const workflow = new Workflow({
		id: data.id ?? 'harness',
		name: data.name ?? 'Harness workflow',
		nodes,
		connections: data.connections,
		active: true,
		nodeTypes,
		staticData: options.staticData ? JSON.parse(JSON.stringify(options.staticData)) : undefined,
		settings: { executionOrder: 'v1', ...data.settings },
	});
	const mode = options.mode ?? 'trigger';
	const hooks = new ExecutionLifecycleHooks(mode, 'harness-poll', { id: workflow.id, name: workflow.name, nodes, connections: data.connections } as IWorkflowBase);
	const additionalData = additionalDataFor(new TestCredentialsHelper(options.credentials ?? {}), hooks);

	const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate');
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	let output: INodeExecutionData[][] | null = null;
	let error: Error | undefined;
	try {
		output = await nodeType.poll!.call(context);
	} catch (caught) {
		error = caught as Error;
	}
	return { output, items: output?.[0] ?? [], staticData: JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject, error };
}
