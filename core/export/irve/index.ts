/** France: the IRVE statique file (schema-irve 2.3.x) with its column rules and the QualiCharge data-quality rules. */
export { exportIrve, type IrveExportOptions, type IrveExportResult } from './exportIrve';
export { IRVE_COLUMNS, IRVE_COLUMN_NAMES, type IrveColumn, type IrveRow } from './columns';
export { checkCell } from './columnRules';
export { fileProblems, rowProblems, validSiren, inFrenchTerritory } from './qualichargeRules';
export { compactId } from './afirevIds';
