/**
 * Runs a polling node's poll() the way an active workflow does (n8n-core's PollContext, mode 'trigger',
 * activation 'activate'), with workflow static data the test keeps between polls. The harness's
 * runWorkflowFixture covers manual runs: WorkflowExecute calls poll() itself only in manual mode and passes
 * the poll's emitted items through otherwise.
 * A poll may also emit through `__emit(data, responsePromise, donePromise)`, as n8n's active workflow manager
 * gives it: the harness records each emission and settles its done promise with a successful run (default), a
 * failed run, or not at all, for the test to settle later (`runOutcome: 'none'`).
 */
import { ExecutionLifecycleHooks, PollContext } from 'n8n-core';
import {
	createRunExecutionData,
	NodeOperationError,
	Workflow,
	type IDataObject,
	type IDeferredPromise,
	type INode,
	type INodeExecutionData,
	type INodeType,
	type IRun,
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
	/** How the run started by an emission ends: 'success' (default), 'error', or 'none' (the test settles it). */
	runOutcome?: 'success' | 'error' | 'none';
}

export interface PollEmission {
	items: INodeExecutionData[];
	/** What n8n resolves with the run's IRun when it ends; undefined when the poll passed none. */
	done?: IDeferredPromise<IRun>;
}

/** The IRun n8n resolves a done promise with: a run that ended in success or in an error. */
export function finishedRun(outcome: 'success' | 'error'): IRun {
	const error = outcome === 'error' ? new NodeOperationError({ name: 'CPMS OCPI Push' } as INode, 'CPMS unreachable') : undefined;
	return {
		data: createRunExecutionData({ resultData: { runData: {}, ...(error ? { error } : {}) } }),
		finished: outcome === 'success',
		mode: 'trigger',
		startedAt: new Date(),
		stoppedAt: new Date(),
		status: outcome,
	} as IRun;
}

export interface PollResult {
	/** What poll() returned, or else what it emitted: null when nothing changed. */
	output: INodeExecutionData[][] | null;
	/** The first output's items ([] for null). */
	items: INodeExecutionData[];
	/** A deep copy, as n8n stores static data (JSON), once the emitted runs were settled as asked. */
	staticData: IDataObject;
	error: Error | undefined;
	emissions: PollEmission[];
	/** The static data now (after the test settled an emission), as a deep copy. */
	staticDataNow(): IDataObject;
}

/** Lets promise callbacks that settled runs queued (e.g. a done promise's) run first. */
export const settled = () => new Promise((resolve) => setImmediate(resolve));

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

	const emissions: PollEmission[] = [];
	const outcome = options.runOutcome ?? 'success';
	const emit = (data: INodeExecutionData[][], _response?: unknown, done?: IDeferredPromise<IRun>) => {
		emissions.push({ items: data[0] ?? [], done });
		if (done && outcome !== 'none') done.resolve(finishedRun(outcome));
	};
	const emitError = (caught: Error) => {
		throw caught;
	};
	const context = new PollContext(workflow, node, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', emit, emitError);
	const nodeType = workflow.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
	let output: INodeExecutionData[][] | null = null;
	let error: Error | undefined;
	try {
		output = await nodeType.poll!.call(context);
	} catch (caught) {
		error = caught as Error;
	}
	await settled();
	if (output === null && emissions.length > 0) output = [emissions[0].items];
	const staticDataNow = () => JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	return { output, items: output?.[0] ?? [], staticData: staticDataNow(), error, emissions, staticDataNow };
}
