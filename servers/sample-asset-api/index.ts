export { startSampleAssetApi, type SampleAssetApi } from './server';
export { DEFAULTS, type SampleAssetApiOptions } from './options';
export { generateSampleNetwork, SAMPLE_NETWORK_DEFAULTS, type AssetCharger, type AssetOutlet, type ChargerState } from './sampleNetwork';
export type { AssetEventType, Delivery } from './webhooks';
