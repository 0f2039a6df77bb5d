/**
 * Optional settings in one "Options" collection, as n8n's UX guidelines ask, without breaking saved workflows:
 * version 1 of a node keeps them at top level (as it was published), version 2 on shows them in the collection.
 * Both versions read through one reader, so the code behind them is the same.
 */
import type { IDataObject, IDisplayOptions, INode, INodeProperties } from 'n8n-workflow';
import type { ParameterReader } from './assetSourceSettings';

const OPTIONS = 'options';
/** The first node version with the Options collection. */
export const OPTIONS_VERSION = 2;

/** Inside a collection, a condition on a top-level parameter names it with a leading '/'. */
function fromCollection(displayOptions: IDisplayOptions, moved: ReadonlySet<string>): IDisplayOptions {
	const rewrite = (conditions?: IDisplayOptions['show']) =>
		conditions && Object.fromEntries(Object.entries(conditions).map(([name, values]) => [moved.has(name) ? name : `/${name}`, values]));
	return { ...(displayOptions.show ? { show: rewrite(displayOptions.show) } : {}), ...(displayOptions.hide ? { hide: rewrite(displayOptions.hide) } : {}) };
}

/** The properties of every version: `optional` ones at top level in version 1, in an Options collection after. */
export function withOptionsCollection(properties: INodeProperties[], optional: readonly string[]): INodeProperties[] {
	const moved = new Set(optional);
	const firstVersionOnly = (property: INodeProperties): INodeProperties => ({
		...property,
		displayOptions: { ...property.displayOptions, show: { ...property.displayOptions?.show, '@version': [1] } },
	});
	const inCollection = properties
		.filter((property) => moved.has(property.name))
		.map(({ required: _required, displayOptions, ...property }) => ({ ...property, ...(displayOptions ? { displayOptions: fromCollection(displayOptions, moved) } : {}) }))
		.sort((a, b) => a.displayName.localeCompare(b.displayName));
	return [
		...properties.map((property) => (moved.has(property.name) ? firstVersionOnly(property) : property)),
		{
			displayName: 'Options',
			name: OPTIONS,
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: inCollection,
			displayOptions: { show: { '@version': [{ _cnd: { gte: OPTIONS_VERSION } }] } },
		},
	];
}

/**
 * `getNodeParameter` for the node's version: from version 2 on an optional setting is read from the Options
 * collection, with its declared default when the user did not add it.
 */
export function versionedReader(node: INode, read: ParameterReader, properties: INodeProperties[], optional: readonly string[]): ParameterReader {
	if (node.typeVersion < OPTIONS_VERSION) return read;
	const moved = new Set(optional);
	const options = (read(OPTIONS, {}) ?? {}) as IDataObject;
	const defaults = new Map(properties.map((property) => [property.name, property.default]));
	return (name, fallback) => (moved.has(name) ? (options[name] ?? defaults.get(name) ?? fallback) : read(name, fallback));
}
