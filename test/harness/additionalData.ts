/**
 * The additionalData n8n-core needs to run nodes: test credentials, lifecycle hooks and the base
 * URLs it builds webhook and resume URLs from. One definition for workflow, poll and webhook runs.
 */
import type { ExecutionLifecycleHooks } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import type { TestCredentialsHelper } from './credentialsHelper';

export function additionalDataFor(
	credentialsHelper: TestCredentialsHelper,
	hooks: ExecutionLifecycleHooks,
	baseUrl = 'http://127.0.0.1:5678',
	extra: Record<string, unknown> = {},
): IWorkflowExecuteAdditionalData {
	const unavailable = (what: string) => async () => {
		throw new Error(`${what} is not available in the test harness`);
	};
	return {
		...extra,
		credentialsHelper,
		hooks,
		executionId: hooks.executionId,
		currentNodeExecutionIndex: 0,
		executeWorkflow: unavailable('Executing sub-workflows'),
		getRunExecutionData: async () => undefined,
		startRunnerTask: unavailable('The task runner'),
		logAiEvent: () => {},
		variables: {},
		// n8n-core builds webhook and resume URLs from these (2.x throws "Invalid URL" without them).
		instanceBaseUrl: baseUrl,
		restApiUrl: `${baseUrl}/rest`,
		webhookBaseUrl: `${baseUrl}/webhook`,
		webhookTestBaseUrl: `${baseUrl}/webhook-test`,
		webhookWaitingBaseUrl: `${baseUrl}/webhook-waiting`,
		formWaitingBaseUrl: `${baseUrl}/form-waiting`,
	} as unknown as IWorkflowExecuteAdditionalData;
}
