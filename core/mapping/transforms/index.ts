/**
 * The OCPI Mapper's transforms: small pure functions from asset-system values to OCPI values. Each
 * returns a TransformResult (value plus note, or a reason a user can act on) and never throws.
 */
export * from './result';
export * from './valueMap';
export * from './connectorStandard';
export * from './status';
export * from './powerType';
export * from './numbers';
export * from './units';
export * from './coordinates';
export * from './timestamps';
export * from './country';
export * from './text';
export { connectorTypesOf, powerTypesOf } from './ocpiValues';
