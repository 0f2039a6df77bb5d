/** Helpers for tests against a real n8n process (CLI runs, server, community package install). */
export { createN8nInstance, n8nEnv, type CliResult, type N8nInstance } from './n8nInstance';
export { parseRawRun, expectCliSuccess, importAndRunWorkflow, type NodeOutputs } from './cli';
export { ensureBuilt, ensureN8n, installPackage, DEFAULT_N8N_VERSION, PACKAGE_NAME, PROJECT_ROOT } from './paths';
export { freePortPair } from './ports';
export { installModuleProbe } from './moduleProbe';
export { executionsOf, importCredentials, queryN8nDatabase, staticDataOf, unfinishedExecutionsOf, waitFor, type CredentialToImport } from './provision';
export { setupOwner, BROWSER_ID, type N8nOwner } from './owner';
export { expectedNetwork, importTemplate, nodeOf, pointAtAssetApi, readTemplate, TEMPLATE_ASSET_API, templateCredentials, type OcpiLocation, type Template } from './templates';
export { startOcpiRecorder, type OcpiRecorder, type RecordedRequest } from './ocpiRecorder';
export { startQueueStack, type QueueStack } from './queueStack';
export { canonical, deliverSigned, expectNetworkInSync, locationDrift, shuffle, updateBurst, type AssetEvent } from './networkCompare';
export { syncWorld } from './syncWorld';
export { activateOnly, importWithCredentials, prepareLedger, provisionSyncTemplates, startSyncServers, ERROR_ALERT_ID, FULL_SYNC_ID, REALTIME_SYNC_ID, type PollSecrets, type SyncSecrets, type SyncServerOptions, type SyncServers, type SyncTemplateOptions, type SyncLedger } from './syncProvision';
export { createLedgerTable, ledgerRows, runInServer, saveWorkflowChange, useLedgerTable, LEDGER_COLUMNS, type LedgerRow, type LedgerTable } from './ledger';
