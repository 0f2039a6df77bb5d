import { NodeApiError, NodeOperationError, type INode } from 'n8n-workflow';

/**
 * The error a node throws for `error`: n8n's own node errors as they are (they already carry the item, the HTTP
 * status or the OCPI status), anything else as a NodeOperationError, so no raw error reaches the user.
 */
export function nodeErrorFrom(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error), itemIndex === undefined ? {} : { itemIndex });
}
