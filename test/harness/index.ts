/**
 * Run package nodes through n8n-core's real WorkflowExecute from Jest.
 *
 *   const { outputs, runData, error } = await runWorkflowFixture('validator-spec.json', {
 *   	inputItems: [{ id: 'LOC-1' }],              // fed to the node under test (first non n8n-nodes-base node)
 *   	credentials: { ocpiApi: { token: 'x' } },  // by credential type name
 *   });
 *   const [valid, invalid, errors] = outputs;     // errors only with onError: 'continueErrorOutput'
 *
 * Fixtures live in test/fixtures/workflows (n8n export format, types like
 * `n8n-nodes-ocpi-asset-connector.ocpiValidator`); new package nodes go in ./registry.ts.
 */
export { runNode, runWorkflowFixture, loadWorkflowFixture, type RunOptions, type RunResult, type WorkflowFixture } from './runWorkflow';
export { TestNodeTypes, shortTypeName } from './nodeTypes';
export { TestCredentialsHelper, type TestCredentials } from './credentialsHelper';
export { PACKAGE_NAME, packageNodes, packageCredentials } from './registry';
export { additionalDataFor } from './additionalData';
