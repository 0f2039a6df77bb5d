/** Run package nodes through n8n-core's real WorkflowExecute from Jest. */
export { runNode, runWorkflowFixture, loadWorkflowFixture, type RunOptions, type RunResult, type WorkflowFixture } from './runWorkflow';
export { TestNodeTypes, shortTypeName } from './nodeTypes';
export { TestCredentialsHelper, type TestCredentials } from './credentialsHelper';
export { PACKAGE_NAME, packageNodes, packageCredentials } from './registry';
