/** AFIR static data exports for national access points, built from mapped OCPI Locations. */
export * as irve from './irve';
export * as datex from './datex';
export { parseReferenceTable, type ReferenceTable } from './shared/stationData';
export type { ExportProblem, SkippedLocation, WithheldObject } from './shared/problem';
