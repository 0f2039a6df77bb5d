/** The OCPI Mapper engine: asset data of any shape → OCPI Locations, driven by a versioned mapping profile. */
export { mapAssets, type MapAssetsOptions, type MappingResult, type UnmappableItem } from './mapAssets';
export type { MappedLocation, MappingMetadata } from './assembleLocations';
export { MappingSetupError } from './compileMapping';
export { FIELD_CATALOGUE, fieldsFor, type FieldSpec } from './fieldCatalogue';
export * from './profile';
export { TRANSFORM_NAMES, type TransformName } from './transformNames';
export { mappingCoverage, COVERAGE_SAMPLE, type CoverageOrigin, type CoverageRow } from './coverage';
export { SUGGESTED_EVSE_UID, DEFAULT_CONNECTOR_ID } from './idTemplates';
export { LEVEL_VARIABLES } from './levelExpressions';
