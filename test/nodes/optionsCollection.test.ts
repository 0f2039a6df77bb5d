/** The triggers' version 2 layout: optional settings in one Options collection, version 1 as published. */
import type { INodeProperties } from 'n8n-workflow';
import { AssetSourcePollTrigger } from '../../nodes/AssetSourcePollTrigger/AssetSourcePollTrigger.node';
import { POLL_OPTIONAL } from '../../nodes/AssetSourcePollTrigger/AssetSourcePollTrigger.properties';
import { AssetSourceWebhookTrigger } from '../../nodes/AssetSourceWebhookTrigger/AssetSourceWebhookTrigger.node';
import { WEBHOOK_OPTIONAL } from '../../nodes/AssetSourceWebhookTrigger/AssetSourceWebhookTrigger.properties';

describe.each([
	['Asset Source Polling Trigger', new AssetSourcePollTrigger().description, POLL_OPTIONAL as readonly string[]],
	['Asset Source Webhook Trigger', new AssetSourceWebhookTrigger().description, WEBHOOK_OPTIONAL as readonly string[]],
])('%s', (_name, description, optional) => {
	const properties = description.properties;
	const options = properties.find((property) => property.name === 'options')!;
	const inCollection = (options.options ?? []) as INodeProperties[];

	it('has versions 1 and 2, 2 for new nodes', () => {
		expect(description.version).toEqual([1, 2]);
		expect(description.defaultVersion).toBe(2);
	});

	it('shows every optional setting at top level in version 1 only, and in the Options collection from version 2', () => {
		expect(options).toMatchObject({ type: 'collection', default: {}, displayOptions: { show: { '@version': [{ _cnd: { gte: 2 } }] } } });
		expect(inCollection.map((property) => property.name).sort()).toEqual([...optional].sort());
		for (const name of optional) {
			expect(properties.find((property) => property.name === name)?.displayOptions?.show?.['@version']).toEqual([1]);
		}
		// alphabetical, as n8n lists a collection's options; nothing required inside a collection
		expect(inCollection.map((property) => property.displayName)).toEqual(inCollection.map((property) => property.displayName).sort((a, b) => a.localeCompare(b)));
		expect(inCollection.filter((property) => property.required)).toEqual([]);
	});

	it('keeps conditions working inside the collection: on top-level settings with a leading "/", on siblings by name', () => {
		for (const property of inCollection) {
			for (const key of Object.keys(property.displayOptions?.show ?? {})) {
				const name = key.replace(/^\//, '');
				expect(key.startsWith('/')).toBe(!optional.includes(name));
				expect(properties.some((candidate) => candidate.name === name)).toBe(true);
			}
		}
	});
});
