/**
 * Runs a workflow fixture through n8n-core's real WorkflowExecute, starting at the node under test
 * with the given input items, and returns what that node put out.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ExecutionLifecycleHooks, WorkflowExecute } from 'n8n-core';
import {
	createRunExecutionData,
	Workflow,
	type ExecutionError,
	type IConnections,
	type IDataObject,
	type INode,
	type INodeExecutionData,
	type IPinData,
	type IRun,
	type IRunData,
	type IWorkflowBase,
	type IWorkflowSettings,
	type WorkflowExecuteMode,
} from 'n8n-workflow';
import { additionalDataFor } from './additionalData';
import { TestCredentialsHelper, type TestCredentials } from './credentialsHelper';
import { TestNodeTypes } from './nodeTypes';
import type { CredentialClass, NodeClass } from './registry';

/** A workflow as the n8n editor exports it (only the parts the harness uses). */
export interface WorkflowFixture {
	id?: string;
	name?: string;
	nodes: INode[];
	connections: IConnections;
	settings?: IWorkflowSettings;
	pinData?: IPinData;
	staticData?: IDataObject | null;
}

export interface RunOptions {
	/** Items fed to the node under test; plain objects become `{ json, pairedItem }`. */
	inputItems?: Array<INodeExecutionData | IDataObject>;
	/** Node under test; default: the first node whose type is not `n8n-nodes-base.*`. */
	nodeName?: string;
	/** Extra node classes by type name (`myNode`, `<package>.myNode` or `n8n-nodes-base.x`). */
	nodeTypes?: Record<string, NodeClass>;
	/** Decrypted credential data by credential type name. */
	credentials?: TestCredentials;
	/** Extra credential classes by type name (the package's own come from the registry). */
	credentialTypes?: Record<string, CredentialClass>;
	/** Workflow static data (polling cursors); mutated by the run like n8n does. */
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** Base URL n8n would be reachable under; webhook URLs derive from it. */
	baseUrl?: string;
}

export interface RunResult {
	/** Outputs of the node under test (`[valid, invalid, error?]`); empty when it failed. */
	outputs: Array<INodeExecutionData[] | null>;
	runData: IRunData;
	/** The workflow error, if the run failed (a node threw without continueOnFail). */
	error: ExecutionError | undefined;
	run: IRun;
	workflow: Workflow;
	nodeName: string;
	credentials: TestCredentials;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'workflows');

/** Reads a fixture from a path (absolute, relative to the cwd, or to test/fixtures/workflows) or takes it as is. */
export function loadWorkflowFixture(fixture: string | WorkflowFixture): WorkflowFixture {
	if (typeof fixture !== 'string') return structuredClone(fixture);
	const candidates = [fixture, path.join(FIXTURES, fixture)];
	const file = candidates.find((candidate) => fs.existsSync(candidate));
	if (!file) throw new Error(`Workflow fixture not found: ${fixture}`);
	return JSON.parse(fs.readFileSync(file, 'utf8')) as WorkflowFixture;
}

function toItems(items: Array<INodeExecutionData | IDataObject>): INodeExecutionData[] {
	return items.map((item, index) => {
		const wrapped = isExecutionData(item) ? item : { json: item };
		// Paired items let expressions like $('Previous').item and error output enrichment resolve.
		return { pairedItem: { item: index }, ...wrapped };
	});
}

function isExecutionData(item: INodeExecutionData | IDataObject): item is INodeExecutionData {
	return typeof item.json === 'object' && item.json !== null && !Array.isArray(item.json);
}


export async function runWorkflowFixture(fixture: string | WorkflowFixture, options: RunOptions = {}): Promise<RunResult> {
	const data = loadWorkflowFixture(fixture);
	const nodeName = options.nodeName ?? data.nodes.find((node) => !node.type.startsWith('n8n-nodes-base.'))?.name;
	const startNode = data.nodes.find((node) => node.name === nodeName);
	if (!nodeName || !startNode) throw new Error(`Node under test '${nodeName ?? '(none)'}' is not in the fixture`);

	const nodeTypes = new TestNodeTypes(options.nodeTypes);
	const workflow = new Workflow({
		id: data.id ?? 'harness',
		name: data.name ?? 'Harness workflow',
		nodes: data.nodes,
		connections: data.connections,
		active: false,
		nodeTypes,
		staticData: options.staticData ?? data.staticData ?? undefined,
		settings: { executionOrder: 'v1', ...data.settings },
		pinData: data.pinData,
	});

	const mode = options.mode ?? 'manual';
	const workflowData = { id: workflow.id, name: workflow.name, nodes: data.nodes, connections: data.connections } as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(mode, 'harness-execution', workflowData);
	const credentialsHelper = new TestCredentialsHelper(options.credentials ?? {}, options.credentialTypes);
	const additionalData = additionalDataFor(credentialsHelper, hooks, options.baseUrl ?? 'http://127.0.0.1:5678');

	const runExecutionData = createRunExecutionData({
		startData: {},
		resultData: { runData: {} },
		executionData: {
			// The node under test goes first, as if its parent had just produced these items.
			nodeExecutionStack: [
				{ node: workflow.getNode(nodeName)!, data: { main: [toItems(options.inputItems ?? [{}])] }, source: null },
			],
		},
	});
	const run = await new WorkflowExecute(additionalData, mode, runExecutionData).processRunExecutionData(workflow);

	const runData = run.data.resultData.runData;
	return {
		outputs: runData[nodeName]?.[0]?.data?.main ?? [],
		runData,
		error: run.data.resultData.error,
		run,
		workflow,
		nodeName,
		credentials: credentialsHelper.stored,
	};
}

/** Convenience: one node, no fixture file. `type` defaults to the class's own name in package form. */
export async function runNode(
	NodeType: NodeClass,
	parameters: INode['parameters'],
	options: RunOptions & { nodeSettings?: Partial<INode> } = {},
): Promise<RunResult> {
	const description = new NodeType().description;
	const name = description.displayName;
	// A versioned node (IVersionedNodeType) describes only its default version.
	const version = 'version' in description ? description.version : (description.defaultVersion ?? 1);
	const node: INode = {
		id: 'node-under-test',
		name,
		type: `harness.${description.name}`,
		typeVersion: Array.isArray(version) ? Math.max(...version) : version,
		position: [0, 0],
		parameters,
		...options.nodeSettings,
	};
	return await runWorkflowFixture(
		{ nodes: [node], connections: {} },
		{ ...options, nodeName: node.name, nodeTypes: { [node.type]: NodeType, ...options.nodeTypes } },
	);
}
