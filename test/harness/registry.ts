/**
 * Every node and credential class of the package, by the name n8n knows it by.
 * Add a line here when a node or credential joins package.json's "n8n" section.
 */
import type { ICredentialType, INodeType, IVersionedNodeType } from 'n8n-workflow';
import { AfirExport } from '../../nodes/AfirExport/AfirExport.node';
import { AssetSourceWebhookTrigger } from '../../nodes/AssetSourceWebhookTrigger/AssetSourceWebhookTrigger.node';
import { AssetSourceWebhookApi } from '../../credentials/AssetSourceWebhookApi.credentials';
import { AssetSource } from '../../nodes/AssetSource/AssetSource.node';
import { AssetSourcePollTrigger } from '../../nodes/AssetSourcePollTrigger/AssetSourcePollTrigger.node';
import { AssetSourceApi } from '../../credentials/AssetSourceApi.credentials';
import { OcpiCpmsApi } from '../../credentials/OcpiCpmsApi.credentials';
import { OcpiMapper } from '../../nodes/OcpiMapper/OcpiMapper.node';
import { OcpiPush } from '../../nodes/OcpiPush/OcpiPush.node';
import { OcpiValidator } from '../../nodes/OcpiValidator/OcpiValidator.node';

/** Installed community nodes are typed `<package>.<nodeName>`: the form fixtures and templates use. */
export const PACKAGE_NAME = 'n8n-nodes-ocpi-asset-connector';

export type NodeClass = new () => INodeType | IVersionedNodeType;
export type CredentialClass = new () => ICredentialType;

export const packageNodes: Record<string, NodeClass> = {
	ocpiValidator: OcpiValidator,
	ocpiMapper: OcpiMapper,
	ocpiPush: OcpiPush,
	assetSourcePollTrigger: AssetSourcePollTrigger,
	assetSourceWebhookTrigger: AssetSourceWebhookTrigger,
	assetSource: AssetSource,
	afirExport: AfirExport,
};

export const packageCredentials: Record<string, CredentialClass> = {
	ocpiCpmsApi: OcpiCpmsApi,
	assetSourceApi: AssetSourceApi,
	assetSourceWebhookApi: AssetSourceWebhookApi,
};
